from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from audit.models import Wijziging
from nal_oost.verzoek import actor_context
from tests.beveiliging.helpers import CONTACT_EMAIL, assert_geen_vertrouwelijks, vertrouwelijks_zaaien
from tests.factories import BedrijventerreinFactory, PlankaartFactory, stakeholder_maken, traject_zetten

pytestmark = pytest.mark.django_db


@pytest.fixture
def terrein(twee_gemeenten):
    return BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam="Ecofactorij")


def test_a_changed_park_field_is_recorded_with_who_when_old_new_and_request_id(client, terrein, maak_gebruiker):
    regisseur = maak_gebruiker("regisseur")
    client.force_login(regisseur)
    # A request that changes a park, as the colleagues' edit views will do, through a throwaway view.
    from django.test import RequestFactory

    from nal_oost.middleware import RequestIdMiddleware

    def wijzig(request):
        terrein.netcongestie = "volledig"
        terrein.aantal_bedrijven = 42
        terrein.save()
        from django.http import HttpResponse

        return HttpResponse("ok")

    request = RequestFactory().post("/", HTTP_X_REQUEST_ID="actie-12345678")
    request.user = regisseur
    with override_settings(NAL_PROXY_AANTAL=1):  # the id of a trusted proxy
        RequestIdMiddleware(wijzig)(request)

    rij = Wijziging.objects.get(object_id=str(terrein.pk), actie="gewijzigd")
    assert rij.actor == regisseur and rij.actor_naam == regisseur.username
    assert rij.request_id == "actie-12345678" and rij.terrein_id == terrein.pk
    assert timezone.now() - rij.tijdstip < timedelta(minutes=1)
    velden = {v["veld"]: (v["oud"], v["nieuw"]) for v in rij.velden}
    assert velden == {"netcongestie": ("", "Ja, volledige congestie"), "aantal_bedrijven": ("", "42")}


def test_saving_without_changes_writes_nothing(terrein):
    Wijziging.objects.all().delete()
    terrein.save()
    assert not Wijziging.objects.exists()


def test_traject_step_status_and_regisseur_changes_are_recorded(terrein, maak_gebruiker):
    from stappenplan.services import stap_zetten

    regisseur = maak_gebruiker("regisseur")
    traject = traject_zetten(terrein=terrein, stap=1)
    traject.regisseur = regisseur
    traject.save()
    rij = Wijziging.objects.filter(object_id=str(traject.pk), actie="gewijzigd").get()
    assert {v["veld"]: (v["oud"], v["nieuw"]) for v in rij.velden} == {"regisseur": ("", regisseur.username)}
    assert rij.terrein_id == terrein.pk and rij.actor_naam == "systeem"

    # A transition changes step (and possibly status) only through the state machine; it is audited too.
    stap_zetten(traject=traject, actie="stap_terug", user=regisseur, reden="Stakeholders opnieuw in kaart brengen")
    overgang = Wijziging.objects.filter(object_id=str(traject.pk), actie="gewijzigd").order_by("pk").last()
    assert {v["veld"]: (v["oud"], v["nieuw"]) for v in overgang.velden}["stap"] == ("1. Voorbereiding", "0. Inventarisatie")


def test_contact_and_plankaart_changes_and_deletes_are_recorded_on_the_park(terrein):
    betrokkenheid, _ = vertrouwelijks_zaaien(terrein)
    plankaart = PlankaartFactory(terrein=terrein)
    plankaart.laadvermogen_kw = 750
    plankaart.save()
    betrokkenheid.warm_contact = False
    betrokkenheid.save()
    betrokkenheid.delete()
    acties = set(Wijziging.objects.filter(terrein_id=terrein.pk).values_list("content_type__model", "actie"))
    assert {("betrokkenheid", "aangemaakt"), ("betrokkenheid", "gewijzigd"), ("betrokkenheid", "verwijderd")} <= acties
    assert {("plankaart", "aangemaakt"), ("plankaart", "gewijzigd")} <= acties
    # A contact person belongs to an organisation (of many parks): audited, not on one park.
    gewijzigd = Wijziging.objects.get(content_type__model="contactpersoon", actie="gewijzigd")
    assert gewijzigd.velden == [{"veld": "email", "label": "e-mail", "oud": f"oud-{CONTACT_EMAIL}", "nieuw": CONTACT_EMAIL}]


def test_commands_and_background_work_act_as_a_named_system_actor(terrein):
    with actor_context("commando import_terreinen"):
        terrein.naam = "Ecofactorij Zuid"
        terrein.save()
    assert Wijziging.objects.get(actie="gewijzigd").actor_naam == "commando import_terreinen"


def test_import_users_command_records_its_changes_as_that_command(twee_gemeenten, tmp_path):
    bestand = tmp_path / "gebruikers.csv"
    bestand.write_text("gebruikersnaam;rol;gemeenten\nj.jansen;gemeente;GM0200\n", encoding="utf-8")
    call_command("import_users", str(bestand), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Wijziging.objects.get(content_type__model="user", actie="aangemaakt").actor_naam == "commando import_users"


def _geschiedenis(client, terrein, **params):
    return client.get(reverse("terrein-detail", args=[terrein.rin]), params).content.decode()


def test_the_park_page_shows_the_history_filterable_by_user_and_date(client, terrein, maak_gebruiker):
    regisseur, beheerder = maak_gebruiker("regisseur"), maak_gebruiker("beheerder")
    terrein.ha_netto = 31
    terrein.save()
    Wijziging.objects.filter(actie="gewijzigd", terrein_id=terrein.pk).update(actor=regisseur, actor_naam=regisseur.username)
    oud = Wijziging.objects.filter(actie="aangemaakt", terrein_id=terrein.pk, content_type__model="bedrijventerrein").get()
    Wijziging.objects.filter(pk=oud.pk).update(tijdstip=timezone.now() - timedelta(days=40), actor_naam=beheerder.username)
    client.force_login(maak_gebruiker("medewerker"))

    alles = _geschiedenis(client, terrein)
    assert 'id="geschiedenis"' in alles and "Geschiedenis" in alles
    assert "Netto oppervlakte (ha)" in alles and "31" in alles
    assert regisseur.username in alles and beheerder.username in alles

    van_regisseur = _geschiedenis(client, terrein, gebruiker=regisseur.username)
    assert "<del>20</del>" in van_regisseur and "aangemaakt" not in van_regisseur.split('id="geschiedenis"')[1]
    recent = _geschiedenis(client, terrein, van=(timezone.localdate() - timedelta(days=7)).isoformat())
    assert "Bedrijventerrein aangemaakt" not in recent and "Bedrijventerrein gewijzigd" in recent
    fout = _geschiedenis(client, terrein, van="2026-05-01", tot="2026-04-01")
    assert "De einddatum ligt vóór de begindatum." in fout
    onzin = _geschiedenis(client, terrein, van="gisteren")
    assert "Voer een geldige datum in." in onzin


def test_gemeente_users_see_only_public_park_changes_without_names(client, terrein, maak_gebruiker):
    regisseur = maak_gebruiker("regisseur")
    vertrouwelijks_zaaien(terrein, auteur=regisseur)
    traject_zetten(terrein=terrein, regisseur=regisseur)
    terrein.warme_contacten = True
    terrein.bereikbaarheid = "goed"
    terrein.save()
    Wijziging.objects.update(actor=regisseur, actor_naam=regisseur.username)
    client.force_login(maak_gebruiker("gemeente", "GM0200"))
    pagina = _geschiedenis(client, terrein, gebruiker=regisseur.username)
    geschiedenis = pagina.split('id="geschiedenis"')[1]
    assert "Bereikbaarheid" in geschiedenis and "Provincie" in geschiedenis
    assert "Warme contacten" in geschiedenis  # a Bijlage 7 criterion: public (issue 14)
    assert regisseur.username not in geschiedenis
    assert "Contact" not in geschiedenis and "Notitie" not in geschiedenis
    assert_geen_vertrouwelijks(pagina)


def test_the_audit_trail_cannot_be_changed_in_the_admin(client, maak_gebruiker, terrein):
    client.force_login(maak_gebruiker("beheerder"))
    rij = Wijziging.objects.first()
    assert client.get(reverse("admin:audit_wijziging_change", args=[rij.pk])).status_code == 200
    assert client.post(reverse("admin:audit_wijziging_delete", args=[rij.pk]), {"post": "yes"}).status_code == 403
    assert Wijziging.objects.filter(pk=rij.pk).exists()


def test_the_history_section_costs_the_same_queries_for_few_and_many_changes(client, terrein, maak_gebruiker, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.NAL_BEWAARDE_PAGINAS = False  # what building the page costs, not serving a kept one

    client.force_login(maak_gebruiker("medewerker"))
    url = reverse("terrein-detail", args=[terrein.rin])
    client.get(url)
    with CaptureQueriesContext(connection) as weinig:
        client.get(url)
    for i in range(30):
        stakeholder_maken(terrein=terrein, organisatie=f"Bedrijf {i}", soort="bedrijf", naam=f"Persoon {i}")
    with CaptureQueriesContext(connection) as veel:
        client.get(url)
    assert len(weinig) == len(veel)


def test_logging_in_writes_no_field_change_for_last_login(client, maak_gebruiker):
    from tests.conftest import WACHTWOORD

    user = maak_gebruiker("medewerker")
    Wijziging.objects.all().delete()
    client.post(reverse("login"), {"username": user.username, "password": WACHTWOORD})
    user.refresh_from_db()
    assert user.last_login is not None
    assert not Wijziging.objects.exists()
