"""Documents kept as versions, deleted ones in the history, and solution directions edited and deleted, conflict-safe."""

import pytest
from django.urls import reverse

from audit.models import Wijziging
from nal_oost.gelijktijdig import GelijktijdigeWijziging
from stappenplan import overgangen as fsm
from stappenplan import services
from stappenplan.models import Document, Oplossingsrichting, Stap
from tests.conftest import WACHTWOORD
from tests.stappenplan.conftest import PDF, pdf

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(username=user.username, password=WACHTWOORD)


@pytest.fixture
def intentie(traject, regisseur):
    return services.document_toevoegen(
        traject=traject, user=regisseur, stap=Stap.STARTSESSIE, soort=Document.Soort.INTENTIEVERKLARING, bestand=pdf("loi.pdf")
    )


def stap_url(traject, stap):
    return reverse("stap-gegevens", args=[traject.terrein.rin, stap])


def test_a_new_version_keeps_the_old_one_downloadable_in_the_history(client, traject, regisseur, intentie):
    login(client, regisseur)
    url = stap_url(traject, Stap.STARTSESSIE)
    response = client.post(
        url,
        {"formulier": "document_versie", "document_versie-document": intentie.pk, "document_versie-bestand": pdf("loi-v2.pdf")},
    )
    assert response.status_code == 302
    nieuw = Document.objects.get(vorige=intentie)
    assert (nieuw.versienummer, nieuw.soort, nieuw.stap) == (2, intentie.soort, intentie.stap)
    assert list(traject.documenten.actueel()) == [nieuw]
    body = client.get(url).content.decode()
    assert "loi-v2.pdf" in body and "Eerdere versies" in body and reverse("stappenplan-document", args=[intentie.pk]) in body
    oud = client.get(reverse("stappenplan-document", args=[intentie.pk]))
    assert oud.status_code == 200 and b"".join(oud.streaming_content) == PDF
    # The guard counts the current version: the letter of intent is still there.
    assert "Intentieverklaring mist" not in fsm.intentie_en_projectteam(traject, fsm.Feiten(traject), {})


def test_a_second_new_version_of_the_same_document_is_a_conflict(client, traject, regisseur, intentie):
    services.document_nieuwe_versie(document=intentie, user=regisseur, bestand=pdf("eerste.pdf"))
    with pytest.raises(GelijktijdigeWijziging):
        services.document_nieuwe_versie(document=intentie, user=regisseur, bestand=pdf("tweede.pdf"))
    login(client, regisseur)
    response = client.post(
        stap_url(traject, Stap.STARTSESSIE),
        {"formulier": "document_versie", "document_versie-document": intentie.pk, "document_versie-bestand": pdf("derde.pdf")},
    )
    assert response.status_code == 409
    assert "intussen vervangen of verwijderd" in response.content.decode()
    assert Document.objects.count() == 2


def test_a_new_version_with_the_wrong_content_is_refused_by_the_upload_check(client, traject, regisseur, intentie):
    login(client, regisseur)
    response = client.post(
        stap_url(traject, Stap.STARTSESSIE),
        {
            "formulier": "document_versie",
            "document_versie-document": intentie.pk,
            "document_versie-bestand": pdf("vermomd.pdf", b"MZ\x90\x00 not a pdf"),
        },
    )
    assert response.status_code == 400
    assert "geen geldig PDF-bestand" in response.content.decode()
    assert Document.objects.count() == 1


def test_a_deleted_document_is_no_longer_current_but_stays_in_the_history(client, traject, regisseur, intentie):
    login(client, regisseur)
    url = stap_url(traject, Stap.STARTSESSIE)
    assert client.post(url, {"formulier": "document_verwijderen", "document": intentie.pk}).status_code == 302
    intentie.refresh_from_db()
    assert intentie.verwijderd_op is not None and intentie.verwijderd_door == regisseur
    assert not traject.documenten.actueel().exists()
    assert "Intentieverklaring mist" in fsm.intentie_en_projectteam(traject, fsm.Feiten(traject), {})
    body = client.get(url).content.decode()
    assert "Verwijderde documenten (geschiedenis)" in body and "Nog geen documenten." in body
    assert client.get(reverse("stappenplan-document", args=[intentie.pk])).status_code == 200
    assert Wijziging.objects.filter(
        content_type__model="document", actie="gewijzigd", terrein_id=traject.terrein_id, velden__0__veld="verwijderd_op"
    ).exists()
    # Deleting it again is a conflict, not an error; nothing changes.
    response = client.post(url, {"formulier": "document_verwijderen", "document": intentie.pk}, follow=True)
    assert "intussen vervangen of verwijderd" in response.content.decode()


def test_the_park_page_lists_only_current_documents(client, traject, regisseur, intentie):
    services.document_nieuwe_versie(document=intentie, user=regisseur, bestand=pdf("loi-v2.pdf"))
    login(client, regisseur)
    body = client.get(reverse("terrein-detail", args=[traject.terrein.rin])).content.decode()
    assert "loi-v2.pdf" in body and reverse("stappenplan-document", args=[intentie.pk]) not in body


def test_a_solution_direction_is_edited_conflict_safe_and_deleted_audited(client, traject, regisseur):
    richting = services.oplossingsrichting_toevoegen(
        traject=traject, user=regisseur, titel="Laadplein", afwegingen=["lokale_opwek"]
    )
    login(client, regisseur)
    url = stap_url(traject, Stap.OPLOSSINGSRICHTING)
    formulier = client.get(url, {"wijzig_richting": richting.pk}).content.decode()
    assert 'value="Laadplein"' in formulier and "Oplossingsrichting wijzigen" in formulier
    wijziging = {
        "formulier": "richting_wijzigen",
        "richting_wijzigen-richting": richting.pk,
        "richting_wijzigen-versie": 0,
        "richting_wijzigen-titel": "Collectief laadplein",
        "richting_wijzigen-afwegingen": ["lokale_opwek", "openbare_ruimte"],
    }
    assert client.post(url, wijziging).status_code == 302
    verouderd = client.post(url, {**wijziging, "richting_wijzigen-titel": "Oude stand"})
    assert verouderd.status_code == 409 and "Iemand anders heeft dit intussen gewijzigd" in verouderd.content.decode()
    richting.refresh_from_db()
    assert (richting.titel, richting.afwegingen, richting.versie) == (
        "Collectief laadplein",
        ["lokale_opwek", "openbare_ruimte"],
        1,
    )
    assert client.post(url, {"formulier": "richting_verwijderen", "richting": richting.pk, "versie": 0}).status_code == 302
    assert Oplossingsrichting.objects.filter(pk=richting.pk).exists()  # stale version: not deleted
    assert client.post(url, {"formulier": "richting_verwijderen", "richting": richting.pk, "versie": 1}).status_code == 302
    assert not Oplossingsrichting.objects.exists()
    acties = set(
        Wijziging.objects.filter(content_type__model="oplossingsrichting", terrein_id=traject.terrein_id).values_list(
            "actie", flat=True
        )
    )
    assert acties == {"aangemaakt", "gewijzigd", "verwijderd"}


def test_reading_roles_cannot_delete_documents_or_directions(client, traject, regisseur, intentie, maak_gebruiker):
    richting = services.oplossingsrichting_toevoegen(traject=traject, user=regisseur, titel="Laadplein")
    login(client, maak_gebruiker("medewerker"))
    url = stap_url(traject, Stap.STARTSESSIE)
    assert client.post(url, {"formulier": "document_verwijderen", "document": intentie.pk}).status_code == 403
    assert client.post(url, {"formulier": "richting_verwijderen", "richting": richting.pk, "versie": 0}).status_code == 403
    assert Document.objects.actueel().count() == 1 and Oplossingsrichting.objects.count() == 1
