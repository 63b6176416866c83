"""Editing a park in the application: roles, validation next to the field, audit rows, the optimistic lock."""

import pytest
from django.urls import reverse

from audit.models import Wijziging
from nal_oost import zichtbaarheid
from terreinen.models import Bedrijventerrein, Initiatief, Netbeheerder
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def terrein(twee_gemeenten):
    return BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam="Ecofactorij")


def login(client, user):
    assert client.login(username=user.username, password=WACHTWOORD)


def _formulier(client, terrein) -> dict:
    """The form as the browser would post it: every field with its current value."""
    form = client.get(reverse("terrein-bewerken", args=[terrein.rin])).context["form"]
    data = {}
    for veld in form:
        waarde = veld.value()
        if waarde is None:
            continue
        data[veld.html_name] = [str(w) for w in waarde] if isinstance(waarde, list) else str(waarde)
    return data


def test_regisseur_saves_criteria_and_every_change_is_audited(client, terrein, maak_gebruiker):
    regisseur = maak_gebruiker("regisseur")
    login(client, regisseur)
    liander, _ = Netbeheerder.objects.get_or_create(naam="Liander")
    lola, _ = Initiatief.objects.get_or_create(naam="Lola Apeldoorn", defaults={"provincie_betrokken": True})
    data = _formulier(client, terrein)
    data.update(
        parkmanagement="true",
        aantal_bedrijven="120",
        aandeel_logistiek="35,5",
        bereikbaarheid="goed",
        netbeheerder=str(liander.pk),
        netcongestie="volledig",
        initiatieven=[str(lola.pk)],
    )
    response = client.post(reverse("terrein-bewerken", args=[terrein.rin]), data)
    assert response.status_code == 302
    terrein.refresh_from_db()
    assert terrein.parkmanagement is True and terrein.aantal_bedrijven == 120
    assert str(terrein.aandeel_logistiek) == "35.50" and terrein.netbeheerder == liander
    assert list(terrein.initiatieven.all()) == [lola]
    rij = Wijziging.objects.get(terrein_id=terrein.pk, actie="gewijzigd")
    assert rij.actor == regisseur
    nieuw = {r["veld"]: r["nieuw"] for r in rij.velden}
    assert nieuw["parkmanagement"] == "ja" and nieuw["aantal_bedrijven"] == "120"
    assert nieuw["netcongestie"] == "Ja, volledige congestie" and nieuw["netbeheerder"] == "Liander"


def test_invalid_values_are_named_next_to_the_field_and_in_the_summary_and_nothing_is_saved(client, terrein, maak_gebruiker):
    login(client, maak_gebruiker("beheerder"))
    data = _formulier(client, terrein)
    data.update(aandeel_logistiek="140", aantal_bedrijven="veel", parkmanagement="true")
    response = client.post(reverse("terrein-bewerken", args=[terrein.rin]), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert 'href="#id_aandeel_logistiek"' in body and 'href="#id_aantal_bedrijven"' in body
    # The field's error message is linked to its input (aria-describedby), after its description.
    assert 'id="id_aandeel_logistiek_error"' in body and 'aria-invalid="true"' in body
    assert 'aria-describedby="id_aandeel_logistiek_helptext id_aandeel_logistiek_error"' in body
    terrein.refresh_from_db()
    assert terrein.parkmanagement is None
    assert not Wijziging.objects.filter(terrein_id=terrein.pk, actie="gewijzigd").exists()


def test_second_editor_is_told_what_changed_and_nothing_is_overwritten(client, terrein, maak_gebruiker):
    login(client, maak_gebruiker("regisseur"))
    eerste = _formulier(client, terrein)
    tweede = _formulier(client, terrein)
    eerste.update(netcongestie="volledig", bereikbaarheid="goed")
    assert client.post(reverse("terrein-bewerken", args=[terrein.rin]), eerste).status_code == 302
    tweede.update(netcongestie="nee", terrein_vol="true")
    response = client.post(reverse("terrein-bewerken", args=[terrein.rin]), tweede)
    assert response.status_code == 409
    body = response.content.decode()
    assert "Iemand anders heeft dit terrein intussen gewijzigd" in body
    assert "Netcongestie: was ‘onbekend’, nu ‘Ja, volledige congestie’" in body
    terrein.refresh_from_db()
    assert terrein.netcongestie == "volledig" and terrein.terrein_vol is None
    # The form now carries the new version: saving again is a deliberate overwrite and succeeds.
    opnieuw = {veld.html_name: veld.value() for veld in response.context["form"] if veld.value() is not None}
    assert client.post(reverse("terrein-bewerken", args=[terrein.rin]), opnieuw).status_code == 302
    terrein.refresh_from_db()
    assert terrein.netcongestie == "nee" and terrein.terrein_vol is True


def test_reading_roles_get_403_and_parks_outside_scope_404(client, terrein, twee_gemeenten, maak_gebruiker):
    login(client, maak_gebruiker("medewerker"))
    assert client.get(reverse("terrein-bewerken", args=[terrein.rin])).status_code == 403
    assert client.post(reverse("terrein-bewerken", args=[terrein.rin]), {"parkmanagement": "true"}).status_code == 403
    client.logout()
    login(client, maak_gebruiker("gemeente", "GM0193"))
    assert client.get(reverse("terrein-bewerken", args=[terrein.rin])).status_code == 404
    assert Bedrijventerrein.objects.get(pk=terrein.pk).parkmanagement is None


def test_park_page_shows_how_many_criteria_are_known(client, terrein, maak_gebruiker):
    Bedrijventerrein.objects.filter(pk=terrein.pk).update(parkmanagement=False, aantal_bedrijven=10, bereikbaarheid="goed")
    login(client, maak_gebruiker("regisseur"))
    body = client.get(reverse("terrein-detail", args=[terrein.rin])).content.decode()
    assert "Criteria bekend: 3/9" in body


def test_completeness_page_counts_unknown_criteria_per_municipality_and_regisseur_with_links(
    client, twee_gemeenten, maak_gebruiker
):
    from stappenplan import services

    apeldoorn, zwolle = twee_gemeenten
    bekend = BedrijventerreinFactory(gemeente=apeldoorn, parkmanagement=True, bereikbaarheid="goed")
    BedrijventerreinFactory(gemeente=apeldoorn)
    BedrijventerreinFactory(gemeente=zwolle, parkmanagement=False)
    regisseur = maak_gebruiker("regisseur")
    services.trajecten_aanmaken()
    services.regisseur_toewijzen(trajecten=bekend.traject.__class__.objects.filter(terrein=bekend), regisseur=regisseur)
    login(client, regisseur)
    response = client.get(reverse("volledigheid"))
    v = response.context["volledigheid"]
    assert {c.veld: n for c, n in v["totaal"]["onbekend"]}["parkmanagement"] == 1
    per_gemeente = {r["gemeente__code"]: {c.veld: n for c, n in r["onbekend"]} for r in v["per_gemeente"]}
    assert per_gemeente["GM0200"]["parkmanagement"] == 1 and per_gemeente["GM0200"]["bereikbaarheid"] == 1
    assert per_gemeente["GM0193"]["parkmanagement"] == 0
    assert [r["traject__regisseur"] for r in v["per_regisseur"]] == [regisseur.pk]
    body = response.content.decode()
    assert "?onbekend=parkmanagement&amp;gemeente=GM0200" in body
    # the link opens exactly those parks
    lijst = client.get(reverse("terrein-lijst") + "?onbekend=parkmanagement&gemeente=GM0200")
    assert [t.pk for t in lijst.context["terreinen"]] == [
        p.pk for p in Bedrijventerrein.objects.filter(gemeente=apeldoorn, parkmanagement__isnull=True)
    ]


def test_gemeente_users_see_and_filter_on_the_criteria_the_register_opens(client, twee_gemeenten, maak_gebruiker, monkeypatch):
    BedrijventerreinFactory(gemeente=twee_gemeenten[0], warme_contacten=True)
    login(client, maak_gebruiker("gemeente", "GM0200"))
    # The yes/no flag is public (the prioritisation is transparent): counted and filterable.
    v = client.get(reverse("volledigheid")).context["volledigheid"]
    assert "warme_contacten" in [c.veld for c in v["criteria"]]
    lijst = client.get(reverse("terrein-lijst") + "?onbekend=warme_contacten")
    assert not lijst.context["filter_form"].errors
    # Classed confidential in the register, the same criterion is neither shown nor a filter.
    monkeypatch.setitem(zichtbaarheid.REGISTER, "terreinen.Bedrijventerrein.warme_contacten", zichtbaarheid.VERTROUWELIJK)
    v = client.get(reverse("volledigheid")).context["volledigheid"]
    assert "warme_contacten" not in [c.veld for c in v["criteria"]]
    lijst = client.get(reverse("terrein-lijst") + "?onbekend=warme_contacten")
    assert "warme_contacten" in str(lijst.context["filter_form"].errors["onbekend"])
