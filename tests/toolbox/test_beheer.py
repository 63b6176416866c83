"""The beheerder maintains the catalogue in the app; documents keep their versions and are served with checks."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.toolbox.conftest import InstrumentFactory, inloggen
from toolbox.models import Instrument, InstrumentVersie

pytestmark = pytest.mark.django_db

PDF_V1 = b"%PDF-1.4\n% versie een\n%%EOF\n"
PDF_V2 = b"%PDF-1.7\n% versie twee\n%%EOF\n"

NIEUW = {
    "titel": "Handreiking netcongestie",
    "categorie": "netcapaciteit",
    "omschrijving": "Wat te doen bij een wachtrij.",
    "doelgroepen": ["gemeenten", "parkmanagement"],
    "stappen": ["1", "3"],
    "status": "beschikbaar",
    "eigenaar": "NAL",
    "link": "https://example.org/handreiking",
}


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        archief.writestr(
            "[Content_Types].xml",
            '<Types><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archief.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def _upload(client, instrument, naam, inhoud, toelichting=""):
    return client.post(
        reverse("toolbox:versie-nieuw", args=[instrument.slug]),
        {"bestand": SimpleUploadedFile(naam, inhoud), "toelichting": toelichting},
    )


def test_beheerder_creates_an_instrument_in_the_app(client, maak_gebruiker):
    inloggen(client, maak_gebruiker("beheerder"))
    response = client.post(reverse("toolbox:instrument-nieuw"), NIEUW)
    instrument = Instrument.objects.get(titel="Handreiking netcongestie")
    assert response.status_code == 302
    assert response["Location"] == reverse("toolbox:instrument-detail", args=[instrument.slug])
    assert sorted(instrument.stappen.values_list("stap", flat=True)) == [1, 3]
    assert sorted(instrument.doelgroepen.values_list("doelgroep", flat=True)) == ["gemeenten", "parkmanagement"]
    assert instrument.slug == "handreiking-netcongestie"


def test_beheerder_edits_steps_and_audiences(client, maak_gebruiker):
    instrument = InstrumentFactory(stappen=[1], doelgroepen=["bedrijven"])
    inloggen(client, maak_gebruiker("beheerder"))
    formulier = client.get(reverse("toolbox:instrument-bewerken", args=[instrument.slug])).content.decode()
    assert instrument.titel in formulier
    data = dict(NIEUW, titel=instrument.titel, doelgroepen=["eigen_gebruik"], stappen=["4", "5"])
    response = client.post(reverse("toolbox:instrument-bewerken", args=[instrument.slug]), data)
    assert response.status_code == 302
    assert sorted(instrument.stappen.values_list("stap", flat=True)) == [4, 5]
    assert list(instrument.doelgroepen.values_list("doelgroep", flat=True)) == ["eigen_gebruik"]


def test_eigen_gebruik_cannot_be_combined_with_another_audience(client, maak_gebruiker):
    inloggen(client, maak_gebruiker("beheerder"))
    response = client.post(reverse("toolbox:instrument-nieuw"), dict(NIEUW, doelgroepen=["eigen_gebruik", "gemeenten"]))
    assert response.status_code == 200
    assert "kan niet samen met een andere doelgroep" in response.content.decode()
    assert not Instrument.objects.filter(titel=NIEUW["titel"]).exists()


def test_duplicate_title_and_missing_steps_are_refused_with_dutch_errors(client, maak_gebruiker):
    InstrumentFactory(titel="Bestaand")
    inloggen(client, maak_gebruiker("beheerder"))
    body = client.post(reverse("toolbox:instrument-nieuw"), dict(NIEUW, titel="Bestaand")).content.decode()
    assert "Er bestaat al een instrument met deze titel" in body
    body = client.post(reverse("toolbox:instrument-nieuw"), dict(NIEUW, stappen=[])).content.decode()
    assert "Dit veld is vereist" in body
    assert not Instrument.objects.filter(titel=NIEUW["titel"]).exists()


@pytest.mark.parametrize("rol", ["regisseur", "medewerker"])
def test_other_provincial_roles_may_not_maintain_the_catalogue(client, maak_gebruiker, rol):
    instrument = InstrumentFactory()
    inloggen(client, maak_gebruiker(rol))
    assert client.get(reverse("toolbox:instrument-nieuw")).status_code == 403
    assert client.post(reverse("toolbox:instrument-nieuw"), NIEUW).status_code == 403
    assert client.post(reverse("toolbox:instrument-bewerken", args=[instrument.slug]), NIEUW).status_code == 403
    assert _upload(client, instrument, "a.pdf", PDF_V1).status_code == 403
    assert not InstrumentVersie.objects.exists()
    assert not Instrument.objects.filter(titel=NIEUW["titel"]).exists()


def test_new_version_keeps_the_old_file_and_both_can_be_downloaded(client, maak_gebruiker):
    instrument = InstrumentFactory()
    inloggen(client, maak_gebruiker("beheerder"))
    assert _upload(client, instrument, "handreiking.pdf", PDF_V1, "eerste versie").status_code == 302
    assert _upload(client, instrument, "handreiking.pdf", PDF_V2, "met netbeheerders afgestemd").status_code == 302

    v1, v2 = InstrumentVersie.objects.filter(instrument=instrument).order_by("nummer")
    assert (v1.nummer, v2.nummer) == (1, 2)
    assert v1.bestand.name != v2.bestand.name
    assert v1.bestand.read() == PDF_V1 and v2.bestand.read() == PDF_V2

    detail = client.get(reverse("toolbox:instrument-detail", args=[instrument.slug])).content.decode()
    assert "met netbeheerders afgestemd" in detail and "eerste versie" in detail
    for versie, inhoud in ((1, PDF_V1), (2, PDF_V2)):
        response = client.get(reverse("toolbox:versie-download", args=[instrument.slug, versie]))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == inhoud
        assert response["Content-Type"] == "application/pdf"
        assert 'attachment; filename="handreiking.pdf"' in response["Content-Disposition"]


def test_office_documents_are_accepted_by_their_content(client, maak_gebruiker):
    instrument = InstrumentFactory()
    inloggen(client, maak_gebruiker("beheerder"))
    assert _upload(client, instrument, "contract.docx", _docx()).status_code == 302
    assert _upload(client, instrument, "prijzen.csv", "onderdeel;prijs\nlaadpaal;€ 1.200\n".encode("cp1252")).status_code == 302
    assert InstrumentVersie.objects.filter(instrument=instrument).count() == 2


@pytest.mark.parametrize(
    ("naam", "inhoud", "fout"),
    [
        ("programma.exe", b"MZ\x90\x00", "Bestandstype .exe is niet toegestaan"),
        ("vermomd.pdf", b"MZ\x90\x00 not a pdf", "is geen geldig PDF-bestand"),
        ("nep.docx", b"PK\x03\x04 broken zip", "is geen geldig DOCX-bestand"),
        ("xlsx-als.docx", b"", "is leeg"),
        ("binair.csv", b"a;b\n\x00\x01\x02", "is geen geldig CSV-bestand"),
    ],
)
def test_uploads_of_the_wrong_type_are_refused_and_nothing_is_stored(client, maak_gebruiker, media_root, naam, inhoud, fout):
    instrument = InstrumentFactory()
    inloggen(client, maak_gebruiker("beheerder"))
    response = _upload(client, instrument, naam, inhoud)
    assert response.status_code == 200
    assert fout in response.content.decode()
    assert not InstrumentVersie.objects.exists()
    assert not any(p.is_file() for p in media_root.rglob("*")) if media_root.exists() else True


def test_uploads_above_the_size_limit_are_refused(client, maak_gebruiker, settings):
    settings.NAL_UPLOAD_MAX_MB = {**settings.NAL_UPLOAD_MAX_MB, "toolbox": 1}
    instrument = InstrumentFactory()
    inloggen(client, maak_gebruiker("beheerder"))
    response = _upload(client, instrument, "groot.pdf", PDF_V1 + b"0" * (1024 * 1024))
    assert "de grens is 1 MB" in response.content.decode()
    assert not InstrumentVersie.objects.exists()


def test_eigen_gebruik_documents_are_404_for_gemeente_users(client, maak_gebruiker, twee_gemeenten):
    intern = InstrumentFactory(doelgroepen=["eigen_gebruik"])
    publiek = InstrumentFactory(doelgroepen=["gemeenten"])
    inloggen(client, maak_gebruiker("beheerder"))
    _upload(client, intern, "draaiboek.pdf", PDF_V1)
    _upload(client, publiek, "handreiking.pdf", PDF_V1)

    inloggen(client, maak_gebruiker("gemeente", "GM0200"))
    assert client.get(reverse("toolbox:versie-download", args=[intern.slug, 1])).status_code == 404
    assert client.get(reverse("toolbox:versie-download", args=[publiek.slug, 1])).status_code == 200
    assert client.get(reverse("toolbox:versie-download", args=[publiek.slug, 2])).status_code == 404

    inloggen(client, maak_gebruiker("medewerker"))
    assert client.get(reverse("toolbox:versie-download", args=[intern.slug, 1])).status_code == 200


def test_documents_are_not_served_to_anonymous_users(client, maak_gebruiker):
    instrument = InstrumentFactory()
    inloggen(client, maak_gebruiker("beheerder"))
    _upload(client, instrument, "handreiking.pdf", PDF_V1)
    client.logout()
    response = client.get(reverse("toolbox:versie-download", args=[instrument.slug, 1]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
