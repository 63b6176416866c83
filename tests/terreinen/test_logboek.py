"""The journal of a park: notes with a kind, author and follow-up date; in Mijn terreinen and the daily digest."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from audit.models import Wijziging
from stappenplan.services import dagoverzichten_versturen
from terreinen.models import Notitie
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, traject_zetten

pytestmark = pytest.mark.django_db


@pytest.fixture
def park(twee_gemeenten):
    return BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam="Ecofactorij")


def login(client, user):
    client.logout()
    assert client.login(username=user.username, password=WACHTWOORD)


def schrijf(client, park, **data):
    data = {"soort": "afspraak", "datum": "2026-03-01", "tekst": "Afspraak met Liander over de wachtrij", **data}
    return client.post(reverse("notitie-toevoegen", args=[park.rin]), data)


def mijn_terreinen(client) -> str:
    return client.get(reverse("mijn-terreinen")).content.decode()


def test_regisseur_writes_a_note_with_follow_up_that_shows_in_the_journal_and_mijn_terreinen(client, park, maak_gebruiker):
    login(client, maak_gebruiker("regisseur"))
    assert schrijf(client, park, opvolgen_op="2026-03-15").status_code == 302
    notitie = Notitie.objects.get()
    assert (notitie.soort, notitie.opvolgen_op, notitie.auteur.username) == ("afspraak", dt.date(2026, 3, 15), "regisseur-alle")
    detail = client.get(reverse("terrein-detail", args=[park.rin])).content.decode()
    logboek = detail.split('id="logboek"')[1]
    assert "Afspraak met Liander over de wachtrij" in logboek and "Opvolgen op 15 maart 2026" in logboek
    opvolgen = mijn_terreinen(client).split('id="opvolgen"')[1]
    assert "Ecofactorij" in opvolgen and "15-3-2026" in opvolgen
    assert Wijziging.objects.filter(content_type__model="notitie", actie="aangemaakt", terrein_id=park.pk).exists()


def test_the_parks_regisseur_sees_a_follow_up_written_by_someone_else(client, park, maak_gebruiker):
    regisseur = maak_gebruiker("regisseur", username="regisseur-van-het-park")
    traject_zetten(terrein=park, regisseur=regisseur)
    login(client, maak_gebruiker("beheerder"))
    schrijf(client, park, opvolgen_op="2026-03-15")
    login(client, regisseur)
    assert "Ecofactorij" in mijn_terreinen(client).split('id="opvolgen"')[1]
    login(client, maak_gebruiker("regisseur", username="andere-regisseur"))
    assert "Ecofactorij" not in mijn_terreinen(client).split('id="opvolgen"')[1]


def test_a_follow_up_before_the_note_date_is_refused_next_to_the_field(client, park, maak_gebruiker):
    login(client, maak_gebruiker("regisseur"))
    response = schrijf(client, park, opvolgen_op="2026-02-01")
    assert response.status_code == 400
    assert "De datum om op te volgen ligt vóór de datum van de notitie." in response.content.decode()
    assert not Notitie.objects.exists()


def test_only_the_author_corrects_a_note_conflict_safe_and_audited(client, park, maak_gebruiker):
    auteur = maak_gebruiker("regisseur")
    login(client, auteur)
    schrijf(client, park)
    notitie = Notitie.objects.get()
    url = reverse("notitie-corrigeren", args=[park.rin, notitie.pk])
    correctie = {"versie": 0, "soort": "besluit", "datum": "2026-03-01", "tekst": "Besluit: Liander sluit in 2027 aan"}
    assert client.post(url, correctie).status_code == 302
    assert client.post(url, {**correctie, "tekst": "verouderd"}).status_code == 409
    notitie.refresh_from_db()
    assert (notitie.soort, notitie.tekst, notitie.versie) == ("besluit", "Besluit: Liander sluit in 2027 aan", 1)
    gewijzigd = Wijziging.objects.get(content_type__model="notitie", actie="gewijzigd")
    assert {v["veld"] for v in gewijzigd.velden} == {"soort", "tekst"}
    login(client, maak_gebruiker("beheerder"))
    assert client.get(url).status_code == 403
    assert client.post(url, {**correctie, "versie": 1, "tekst": "overschreven"}).status_code == 403
    assert Notitie.objects.get().tekst == "Besluit: Liander sluit in 2027 aan"


def test_marking_a_follow_up_done_removes_it_from_mijn_terreinen(client, park, maak_gebruiker):
    login(client, maak_gebruiker("regisseur"))
    schrijf(client, park, opvolgen_op="2026-03-15")
    notitie = Notitie.objects.get()
    response = client.post(
        reverse("opvolging-afronden", args=[park.rin, notitie.pk]), {"versie": 0, "volgende": "mijn-terreinen"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("mijn-terreinen")
    assert Notitie.objects.get().opgevolgd
    assert "Niets op te volgen." in mijn_terreinen(client)


def test_gemeente_user_sees_no_journal_and_cannot_write(client, park, maak_gebruiker):
    Notitie.objects.create(terrein=park, soort="risico", datum="2026-01-01", tekst="Geheim risico", opvolgen_op="2026-02-01")
    login(client, maak_gebruiker("gemeente", "GM0200"))
    detail = client.get(reverse("terrein-detail", args=[park.rin])).content.decode()
    assert "Geheim risico" not in detail and 'id="logboek"' not in detail
    assert 'id="opvolgen"' not in mijn_terreinen(client)
    assert schrijf(client, park).status_code == 403
    assert Notitie.objects.count() == 1


def test_medewerker_reads_the_journal_but_cannot_write(client, park, maak_gebruiker):
    Notitie.objects.create(terrein=park, soort="gesprek", datum="2026-01-01", tekst="Gesprek met parkmanagement")
    login(client, maak_gebruiker("medewerker"))
    assert "Gesprek met parkmanagement" in client.get(reverse("terrein-detail", args=[park.rin])).content.decode()
    assert schrijf(client, park).status_code == 403


def test_the_daily_digest_lists_follow_ups_due_for_author_and_regisseur_without_the_note_text(park, maak_gebruiker):
    auteur = maak_gebruiker("beheerder", username="bea")
    regisseur = maak_gebruiker("regisseur", username="rik")
    for user, adres in ((auteur, "bea@example.nl"), (regisseur, "rik@example.nl")):
        user.email = adres
        user.save()
    traject_zetten(terrein=park, regisseur=regisseur)
    vandaag = dt.date(2026, 3, 15)
    Notitie.objects.create(
        terrein=park, soort="afspraak", datum="2026-03-01", tekst="Geheime afspraak", opvolgen_op=vandaag, auteur=auteur
    )
    Notitie.objects.create(
        terrein=park, soort="risico", datum="2026-03-01", tekst="Later", opvolgen_op="2026-04-01", auteur=auteur
    )
    uitkomst = dagoverzichten_versturen(vandaag=vandaag)
    assert sorted(uitkomst["verstuurd"]) == ["bea", "rik"]
    for bericht in mail.outbox:
        assert "Opvolgen uit het logboek" in bericht.body and "Ecofactorij" in bericht.body and "15-3-2026" in bericht.body
        assert "Geheime afspraak" not in bericht.body and "1-4-2026" not in bericht.body
    mail.outbox.clear()
    assert dagoverzichten_versturen(vandaag=dt.date(2026, 3, 14))["verstuurd"] == []


def test_a_done_follow_up_is_not_mailed(park, maak_gebruiker):
    auteur = maak_gebruiker("regisseur", username="rik")
    auteur.email = "rik@example.nl"
    auteur.save()
    Notitie.objects.create(
        terrein=park, soort="afspraak", datum="2026-03-01", tekst="x", opvolgen_op="2026-03-02", opgevolgd=True, auteur=auteur
    )
    assert dagoverzichten_versturen(vandaag=timezone.localdate())["verstuurd"] == []
