"""Browsing and searching the catalogue, and what each role sees of it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import BedrijventerreinFactory
from tests.toolbox.conftest import InstrumentFactory, inloggen
from toolbox.models import InstrumentInzet

pytestmark = pytest.mark.django_db

LIJST = reverse("toolbox:instrument-lijst")


def _titels(response) -> list[str]:
    return [i.titel for i in response.context["instrumenten"]]


def test_catalogue_lists_the_seeded_instruments_for_a_medewerker(client, maak_gebruiker):
    inloggen(client, maak_gebruiker("medewerker"))
    response = client.get(LIJST)
    assert response.status_code == 200
    body = response.content.decode()
    assert "45 instrumenten" in body
    assert "Congestiekaart Netbeheer Nederland" in body
    assert "Powerpoint voor startsessie" in body  # eigen gebruik: the programme team sees it


def test_anonymous_user_is_sent_to_login(client):
    response = client.get(LIJST)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_filter_by_category_step_and_audience(client, maak_gebruiker, zonder_seed):
    InstrumentFactory(titel="Netkaart", categorie="netcapaciteit", stappen=[0, 3], doelgroepen=["gemeenten"])
    InstrumentFactory(titel="Modelcontract", categorie="juridisch", stappen=[4], doelgroepen=["bedrijven"])
    InstrumentFactory(titel="Draaiboek", categorie="communicatie", stappen=[2], doelgroepen=["eigen_gebruik"])
    inloggen(client, maak_gebruiker("regisseur"))
    assert _titels(client.get(LIJST, {"categorie": "juridisch"})) == ["Modelcontract"]
    assert _titels(client.get(LIJST, {"categorie": ["juridisch", "netcapaciteit"]})) == ["Modelcontract", "Netkaart"]
    assert _titels(client.get(LIJST, {"stap": "3"})) == ["Netkaart"]
    assert sorted(_titels(client.get(LIJST, {"stap": ["0", "3", "4"]}))) == ["Modelcontract", "Netkaart"]
    assert _titels(client.get(LIJST, {"doelgroep": "eigen_gebruik"})) == ["Draaiboek"]
    assert _titels(client.get(LIJST, {"doelgroep": "bedrijven", "stap": "3"})) == []


def test_search_finds_words_in_title_description_and_owner(client, maak_gebruiker, zonder_seed):
    InstrumentFactory(titel="Richtprijzen", omschrijving="Prijzen van laadpalen", eigenaar="NAL")
    InstrumentFactory(titel="Subsidies", omschrijving="Regelingen", eigenaar="RVO")
    inloggen(client, maak_gebruiker("medewerker"))
    assert _titels(client.get(LIJST, {"q": "laadpalen"})) == ["Richtprijzen"]
    assert _titels(client.get(LIJST, {"q": "rvo"})) == ["Subsidies"]
    assert _titels(client.get(LIJST, {"q": "subsid"})) == ["Subsidies"]


def test_status_filter_and_seeded_step_filter(client, maak_gebruiker):
    inloggen(client, maak_gebruiker("medewerker"))
    beschikbaar = _titels(client.get(LIJST, {"status": "beschikbaar"}))
    assert "Congestiekaart Netbeheer Nederland" in beschikbaar and "Format projectplan" not in beschikbaar
    stap_4 = _titels(client.get(LIJST, {"stap": "4"}))
    assert "Checklist financial close" in stap_4 and "Uitnodiging startsessie" not in stap_4


def test_invalid_filter_value_shows_a_clear_error_and_no_results(client, maak_gebruiker):
    inloggen(client, maak_gebruiker("medewerker"))
    response = client.get(LIJST, {"stap": "9"})
    assert response.status_code == 200
    assert "9 is geen beschikbare keuze" in response.content.decode()
    assert _titels(response) == []


def test_gemeente_user_never_sees_eigen_gebruik_instruments(client, maak_gebruiker, twee_gemeenten):
    inloggen(client, maak_gebruiker("gemeente", "GM0200"))
    response = client.get(LIJST)
    titels = _titels(response)
    assert "Congestiekaart Netbeheer Nederland" in titels
    assert "Powerpoint voor startsessie incl. uitkomst plankaart voor betreffend bedrijventerrein" not in titels
    assert "Overzicht contactpersonen netbeheerders voor inhoudelijke vragen over de lokale situatie" not in titels
    body = response.content.decode()
    assert "Eigen gebruik" not in body  # not even as a filter choice
    assert _titels(client.get(LIJST, {"doelgroep": "eigen_gebruik"})) == []


def test_gemeente_user_gets_404_for_an_eigen_gebruik_instrument(client, maak_gebruiker, twee_gemeenten):
    intern = InstrumentFactory(doelgroepen=["eigen_gebruik"])
    publiek = InstrumentFactory()
    inloggen(client, maak_gebruiker("gemeente", "GM0200"))
    assert client.get(reverse("toolbox:instrument-detail", args=[intern.slug])).status_code == 404
    assert client.get(reverse("toolbox:instrument-detail", args=[publiek.slug])).status_code == 200


def test_user_without_role_sees_no_instruments(client, django_user_model):
    from tests.conftest import WACHTWOORD

    django_user_model.objects.create_user("zonderrol", password=WACHTWOORD)
    client.login(username="zonderrol", password=WACHTWOORD)
    assert _titels(client.get(LIJST)) == []


def test_usage_counts_only_count_parks_the_user_may_see(client, maak_gebruiker, twee_gemeenten, zonder_seed):
    apeldoorn, zwolle = twee_gemeenten
    instrument = InstrumentFactory(titel="Congestiekaart")
    eigen = BedrijventerreinFactory(gemeente=apeldoorn, naam="Ecofactorij")
    elders = BedrijventerreinFactory(gemeente=zwolle, naam="Hessenpoort")
    for terrein in (eigen, elders, elders):
        InstrumentInzet.objects.create(
            terrein=terrein, instrument=instrument, stap=1, datum=datetime.date(2026, 1, 5), notitie="Vertrouwelijk verloop"
        )

    inloggen(client, maak_gebruiker("regisseur"))
    [rij] = client.get(LIJST).context["instrumenten"]
    assert (rij.aantal_inzetten, rij.aantal_terreinen) == (3, 2)
    assert "Vertrouwelijk verloop" in client.get(reverse("toolbox:instrument-detail", args=[instrument.slug])).content.decode()

    inloggen(client, maak_gebruiker("gemeente", "GM0200"))
    [rij] = client.get(LIJST).context["instrumenten"]
    assert (rij.aantal_inzetten, rij.aantal_terreinen) == (1, 1)
    detail = client.get(reverse("toolbox:instrument-detail", args=[instrument.slug])).content.decode()
    assert "Ecofactorij" in detail and "Hessenpoort" not in detail
    assert "Vertrouwelijk verloop" not in detail
    assert "1 keer, op 1 terrein" in detail


def test_catalogue_query_count_does_not_grow_with_instruments(client, maak_gebruiker, twee_gemeenten, zonder_seed):
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0])
    inloggen(client, maak_gebruiker("gemeente", "GM0200"))

    def maak(n):
        for instrument in InstrumentFactory.create_batch(n, stappen=[1, 3], doelgroepen=["bedrijven", "gemeenten"]):
            InstrumentInzet.objects.create(terrein=terrein, instrument=instrument, stap=1, datum=datetime.date(2026, 1, 5))

    maak(3)
    with CaptureQueriesContext(connection) as drie:
        assert len(client.get(LIJST, {"stap": "3"}).context["instrumenten"]) == 3
    maak(27)
    with CaptureQueriesContext(connection) as dertig:
        assert len(client.get(LIJST, {"stap": "3"}).context["instrumenten"]) == 30
    assert len(drie) == len(dertig)
