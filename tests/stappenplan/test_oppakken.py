"""Taking on parks, giving them back, bulk assignment from the list (audited per park) and Mijn terreinen."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from audit.models import Wijziging
from stappenplan import services
from stappenplan.models import Traject
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(username=user.username, password=WACHTWOORD)
    return client


def audit_regisseur(traject_ids) -> int:
    rijen = Wijziging.objects.filter(
        content_type=ContentType.objects.get_for_model(Traject), object_id__in=[str(i) for i in traject_ids]
    )
    return sum(any(r["veld"] == "regisseur" for r in rij.velden) for rij in rijen)


def test_regisseur_takes_on_a_park_and_gives_it_back_audited(client, traject, regisseur):
    login(client, regisseur)
    body = client.get(reverse("terrein-detail", args=[traject.terrein.rin])).content.decode()
    assert "Ik pak dit terrein op" in body
    client.post(reverse("terrein-oppakken", args=[traject.terrein.rin]))
    traject.refresh_from_db()
    assert traject.regisseur == regisseur
    assert "Terrein teruggeven" in client.get(reverse("terrein-detail", args=[traject.terrein.rin])).content.decode()
    assert traject.terrein.naam in client.get(reverse("mijn-terreinen")).content.decode()
    client.post(reverse("terrein-teruggeven", args=[traject.terrein.rin]))
    traject.refresh_from_db()
    assert traject.regisseur is None
    assert audit_regisseur([traject.pk]) == 2


def test_a_park_with_a_regisseur_cannot_be_taken_on_by_another(client, traject, regisseur, maak_gebruiker):
    services.terrein_oppakken(traject=traject, user=regisseur)
    ander = maak_gebruiker("regisseur", username="regisseur-b")
    response = login(client, ander).post(reverse("terrein-oppakken", args=[traject.terrein.rin]), follow=True)
    assert "is al regisseur van dit terrein" in response.content.decode()
    traject.refresh_from_db()
    assert traject.regisseur == regisseur


def test_reading_roles_cannot_take_on_parks(client, traject, maak_gebruiker):
    url = reverse("terrein-oppakken", args=[traject.terrein.rin])
    assert login(client, maak_gebruiker("medewerker")).post(url).status_code == 403
    client.logout()
    assert login(client, maak_gebruiker("gemeente", "GM0193")).post(url).status_code == 404


def test_beheerder_assigns_ticked_parks_and_all_results_of_a_filter_one_audit_row_per_park(
    client, twee_gemeenten, regisseur, maak_gebruiker
):
    apeldoorn, zwolle = twee_gemeenten
    hier = BedrijventerreinFactory.create_batch(3, gemeente=apeldoorn)
    daar = BedrijventerreinFactory.create_batch(2, gemeente=zwolle)
    login(client, maak_gebruiker("beheerder"))
    lijst = client.get(reverse("terrein-lijst")).content.decode()
    assert 'form="toewijzen-form"' in lijst and "alle 5 resultaten van dit filter" in lijst
    client.post(reverse("regisseur-toewijzen"), {"regisseur": regisseur.pk, "rin": [hier[0].rin, hier[1].rin], "querystring": ""})
    assert set(Traject.objects.filter(regisseur=regisseur).values_list("terrein__rin", flat=True)) == {hier[0].rin, hier[1].rin}
    client.post(reverse("regisseur-toewijzen"), {"regisseur": regisseur.pk, "alle": "1", "querystring": "?gemeente=GM0193"})
    toegewezen = Traject.objects.filter(regisseur=regisseur)
    assert set(toegewezen.values_list("terrein__rin", flat=True)) == {hier[0].rin, hier[1].rin, *(t.rin for t in daar)}
    assert audit_regisseur(toegewezen.values_list("pk", flat=True)) == 4


def test_only_the_beheerder_assigns_in_bulk(client, twee_gemeenten, regisseur):
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0])
    login(client, regisseur)
    assert 'form="toewijzen-form"' not in client.get(reverse("terrein-lijst")).content.decode()
    response = client.post(reverse("regisseur-toewijzen"), {"regisseur": regisseur.pk, "rin": [terrein.rin]})
    assert response.status_code == 403
    assert not Traject.objects.filter(regisseur=regisseur).exists()


def test_mijn_terreinen_shows_next_action_what_is_missing_days_left_and_priority(client, traject, regisseur):
    services.terrein_oppakken(traject=traject, user=regisseur)
    body = login(client, regisseur).get(reverse("mijn-terreinen")).content.decode()
    assert "Volgende actie" in body and "Achtergrondchecklist mist" in body
    assert "Dagen over" in body and "Prioriteit (rang)" in body
