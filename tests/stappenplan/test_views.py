import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stappenplan import services
from stappenplan.models import Document, Stap, StapOvergang, Traject
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory
from tests.stappenplan.conftest import PDF, naar_stap, pdf, stap0_invullen, stap2_invullen

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(username=user.username, password=WACHTWOORD)
    return client


def pagina(client, terrein):
    response = client.get(reverse("terrein-detail", args=[terrein.rin]))
    assert response.status_code == 200
    return response.content.decode()


def test_regisseur_sees_timeline_and_actions_with_what_is_missing(client, traject, regisseur):
    body = pagina(login(client, regisseur), traject.terrein)
    assert 'id="stappenplan"' in body and "6. Evaluatie" in body
    assert "Inventarisatie afronden, naar voorbereiding" in body
    assert "Achtergrondchecklist mist: grootte van het terrein" in body
    assert reverse("stap-gegevens", args=[traject.terrein.rin, 0]) in body


def test_gemeente_user_sees_the_section_read_only_without_confidential_outputs(client, traject, regisseur, maak_gebruiker):
    naar_stap(traject, regisseur, 2)
    stap2_invullen(traject, regisseur)
    services.document_toevoegen(
        traject=traject, user=regisseur, stap=2, soort="verslag", bestand=pdf("openbaar-verslag.pdf"), vertrouwelijk=False
    )
    services.stap_zetten(traject=traject, actie="stap_terug", user=regisseur, reden="Geheime reden")
    body = pagina(login(client, maak_gebruiker("gemeente", "GM0200")), traject.terrein)
    assert "2. Startsessie" in body and "Netcongestie; 40 trucks" in body  # problem statement is shared
    assert "Een stap terug" not in body and '<form method="post" action="/stappenplan' not in body
    assert "A. Jansen" not in body and "Geheime reden" not in body  # project team, kartrekker, log reasons
    assert "loi.pdf" not in body and "openbaar-verslag.pdf" in body
    assert "vastleggen" not in body


def test_medewerker_reads_confidential_outputs_but_gets_no_actions(client, traject, regisseur, maak_gebruiker):
    naar_stap(traject, regisseur, 3)
    body = pagina(login(client, maak_gebruiker("medewerker")), traject.terrein)
    assert "A. Jansen" in body and "loi.pdf" in body
    assert "Wat kan er nu?" not in body
    assert client.get(reverse("stap-gegevens", args=[traject.terrein.rin, 3])).status_code == 403
    response = client.post(reverse("stap-overgang", args=[traject.terrein.rin, "stap_terug"]), {"versie": 3, "reden": "x"})
    assert response.status_code == 403
    assert StapOvergang.objects.count() == 3


@pytest.mark.parametrize("rol", ["medewerker", "gemeente"])
def test_reading_roles_are_refused_a_move_before_the_form_is_looked_at(client, traject, maak_gebruiker, rol):
    login(client, maak_gebruiker(rol, *(["GM0200"] if rol == "gemeente" else [])))
    url = reverse("stap-overgang", args=[traject.terrein.rin, "inventarisatie_afronden"])
    assert client.post(url, {}).status_code == 403
    assert not StapOvergang.objects.exists()


def test_moving_on_without_an_output_shows_the_missing_output_and_changes_nothing(client, traject, regisseur):
    login(client, regisseur)
    url = reverse("stap-overgang", args=[traject.terrein.rin, "inventarisatie_afronden"])
    response = client.post(url, {"versie": 0}, follow=True)
    body = response.content.decode()
    assert "Dit kan nog niet." in body and "Achtergrondchecklist mist:" in body
    traject.refresh_from_db()
    assert traject.stap == 0 and not StapOvergang.objects.exists()


def test_moving_on_through_the_form_and_a_stale_form_gets_the_conflict(client, traject, regisseur):
    stap0_invullen(traject, regisseur)
    login(client, regisseur)
    url = reverse("stap-overgang", args=[traject.terrein.rin, "inventarisatie_afronden"])
    body = client.post(url, {"versie": 0}, follow=True).content.decode()
    assert "staat nu in 1. Voorbereiding (Actief)" in body
    terug = reverse("stap-overgang", args=[traject.terrein.rin, "stap_terug"])
    body = client.post(terug, {"versie": 0, "reden": "dubbel"}, follow=True).content.decode()
    assert "Iemand anders heeft dit terrein intussen" in body
    assert StapOvergang.objects.count() == 1


def test_going_back_through_the_form_without_reason_is_refused(client, traject, regisseur):
    naar_stap(traject, regisseur, 1)
    login(client, regisseur)
    url = reverse("stap-overgang", args=[traject.terrein.rin, "stap_terug"])
    body = client.post(url, {"versie": 1, "reden": ""}, follow=True).content.decode()
    assert "Reden mist" in body
    traject.refresh_from_db()
    assert traject.stap == 1


def test_gemeente_user_gets_404_for_stappenplan_pages_of_a_park_elsewhere(client, twee_gemeenten, maak_gebruiker, regisseur):
    elders = BedrijventerreinFactory(gemeente=twee_gemeenten[1])
    services.trajecten_aanmaken()
    traject = Traject.objects.get(terrein=elders)
    document = services.document_toevoegen(
        traject=traject, user=regisseur, stap=0, soort="overig", bestand=pdf(), vertrouwelijk=False
    )
    login(client, maak_gebruiker("gemeente", "GM0200"))
    assert client.get(reverse("stap-gegevens", args=[elders.rin, 0])).status_code == 404
    assert client.post(reverse("stap-overgang", args=[elders.rin, "inventarisatie_afronden"]), {"versie": 0}).status_code == 404
    assert client.get(reverse("stappenplan-document", args=[document.pk])).status_code == 404


def test_recording_step_outputs_through_the_forms(client, traject, regisseur):
    login(client, regisseur)
    url = reverse("stap-gegevens", args=[traject.terrein.rin, 0])
    assert "Achtergrondinformatie is beschikbaar over" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "formulier": "gegevens",
            "gegevens-eerste_contact_op": "2026-01-15",
            "gegevens-checklist_achtergrond": ["grootte", "beleid"],
        },
    )
    assert response.status_code == 302
    traject.refresh_from_db()
    assert traject.checklist_achtergrond == ["grootte", "beleid"] and traject.stap == 0
    url1 = reverse("stap-gegevens", args=[traject.terrein.rin, 1])
    client.post(url1, {"formulier": "stakeholder", "stakeholder-organisatie": "Liander", "stakeholder-soort": "netbeheerder"})
    assert traject.terrein.betrokkenheden.get().organisatie.naam == "Liander"


def _zip(namen):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for naam, inhoud in namen.items():
            z.writestr(naam, inhoud)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("naam", "inhoud", "fout"),
    [
        ("virus.exe", b"MZ...", "Bestandstype .exe is niet toegestaan; kies een PDF, DOCX, XLSX, ODT, PNG of JPG."),
        ("nep.pdf", b"<html>geen pdf</html>", "De inhoud van het bestand is geen geldig PDF-bestand."),
        ("nep.docx", _zip({"xl/workbook.xml": "x"}), "De inhoud van het bestand is geen geldig DOCX-bestand."),
        ("groot.pdf", PDF + b"0" * (10 * 1024 * 1024), "Het bestand is te groot (10,0 MB); de grens is 10 MB."),
    ],
)
def test_uploads_are_checked_for_type_content_and_size(client, traject, regisseur, naam, inhoud, fout):
    login(client, regisseur)
    url = reverse("stap-gegevens", args=[traject.terrein.rin, 2])
    response = client.post(
        url,
        {"formulier": "document", "document-soort": "intentieverklaring", "document-bestand": SimpleUploadedFile(naam, inhoud)},
    )
    assert response.status_code == 400
    assert fout in response.content.decode()
    assert not Document.objects.exists()


WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def _types(hoofdtype: str) -> str:
    """The [Content_Types].xml of an Office file: the validator checks the main part's type."""
    return f'<Types><Override PartName="/main.xml" ContentType="{hoofdtype}"/></Types>'


@pytest.mark.parametrize(
    ("naam", "inhoud"),
    [
        ("plan.docx", _zip({"[Content_Types].xml": _types(WORD), "word/document.xml": "<w/>"})),
        ("begroting.xlsx", _zip({"[Content_Types].xml": _types(EXCEL), "xl/workbook.xml": "<x/>"})),
        ("notitie.odt", _zip({"mimetype": "application/vnd.oasis.opendocument.text"})),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20),
        ("foto.jpg", b"\xff\xd8\xff\xe0" + b"0" * 20),
    ],
)
def test_allowed_document_types_are_stored_and_downloadable_by_staff_only(
    client, traject, regisseur, maak_gebruiker, naam, inhoud
):
    document = services.document_toevoegen(
        traject=traject, user=regisseur, stap=Stap.STARTSESSIE, soort="overig", bestand=SimpleUploadedFile(naam, inhoud)
    )
    url = reverse("stappenplan-document", args=[document.pk])
    response = login(client, maak_gebruiker("medewerker")).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == inhoud
    assert naam in response["Content-Disposition"]
    assert client.post(url).status_code == 405  # a download is a GET, never a POST
    client.logout()
    # Confidential by default: a gemeente user of the park's own municipality does not get it.
    assert login(client, maak_gebruiker("gemeente", "GM0200")).get(url).status_code == 404


def test_mijn_terreinen_query_count_does_not_grow_with_parks(client, twee_gemeenten, regisseur):
    def aantal_queries(n):
        BedrijventerreinFactory.create_batch(n, gemeente=twee_gemeenten[0])
        services.trajecten_aanmaken()
        services.regisseur_toewijzen(trajecten=Traject.objects.all(), regisseur=regisseur)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("mijn-terreinen")).status_code == 200
        return len(ctx)

    login(client, regisseur)
    assert aantal_queries(3) == aantal_queries(27)


def test_evaluation_notes_are_listed_across_parks_for_staff_only(client, traject, regisseur, maak_gebruiker):
    services.evaluatie_toevoegen(traject=traject, user=regisseur, soort="verbeterpunt", tekst="Gemeente eerder betrekken")
    body = login(client, maak_gebruiker("medewerker")).get(reverse("evaluaties") + "?soort=verbeterpunt").content.decode()
    assert "Gemeente eerder betrekken" in body and "Ecofactorij" in body
    client.logout()
    assert login(client, maak_gebruiker("gemeente", "GM0200")).get(reverse("evaluaties")).status_code == 404


def test_a_park_has_its_traject_from_creation_and_opening_its_page_writes_none(client, twee_gemeenten, regisseur):
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0])
    assert Traject.objects.get(terrein=terrein).stap == 0
    # A park whose traject is missing (rows loaded past the application) is shown at step 0; the GET creates nothing.
    Traject.objects.filter(terrein=terrein).delete()
    assert "0. Inventarisatie" in pagina(login(client, regisseur), terrein)
    assert not Traject.objects.filter(terrein=terrein).exists()


def test_regisseur_bulk_assignment_command(twee_gemeenten, regisseur, maak_gebruiker):
    BedrijventerreinFactory.create_batch(2, gemeente=twee_gemeenten[0])
    BedrijventerreinFactory(gemeente=twee_gemeenten[1])
    out = io.StringIO()
    call_command("regisseur_toewijzen", regisseur.username, "--gemeente", "GM0200", stdout=out)
    assert "2 traject(en) bijgewerkt" in out.getvalue()
    assert Traject.objects.filter(regisseur=regisseur).count() == 2
    with pytest.raises(Exception, match="geen regisseur of beheerder"):
        call_command("regisseur_toewijzen", maak_gebruiker("medewerker").username, "--alle")
