import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import ApiClient
from tests.factories import InstrumentFactory
from toolbox.models import Instrument

pytestmark = pytest.mark.django_db


@pytest.fixture
def instrumenten(db):
    Instrument.objects.all().delete()  # the seeded catalogue; these tests list exactly what they create
    return {
        "overeenkomst": InstrumentFactory(
            slug="samenwerkingsovereenkomst",
            titel="Voorbeeld samenwerkingsovereenkomst",
            categorie="juridisch",
            stappen=[3, 4],
            doelgroepen=["bedrijven", "parkmanagement"],
        ),
        "congestiekaart": InstrumentFactory(
            slug="congestiekaart", titel="Congestiekaart", categorie="netcapaciteit", stappen=[0], doelgroepen=["gemeenten"]
        ),
        "criteria": InstrumentFactory(
            slug="prioriteringscriteria",
            titel="Prioriteringscriteria",
            categorie="prioritering",
            stappen=[0, 1],
            doelgroepen=["eigen_gebruik"],
        ),
    }


def _slugs(response):
    return [i["slug"] for i in response.json()["_embedded"]["instrumenten"]]


def test_partners_get_the_toolbox_without_instruments_for_own_use(partner, instrumenten):
    response = partner.get("/api/v1/instrumenten")
    assert response.status_code == 200
    assert response["API-Version"]
    assert _slugs(response) == ["congestiekaart", "samenwerkingsovereenkomst"]
    overeenkomst = response.json()["_embedded"]["instrumenten"][1]
    assert overeenkomst["stappen"] == [3, 4]
    assert overeenkomst["doelgroepen"] == ["bedrijven", "parkmanagement"]
    assert overeenkomst["documentVersie"] is None
    assert partner.get("/api/v1/instrumenten/prioriteringscriteria").status_code == 404


def test_instruments_filter_by_step_category_and_audience(partner, instrumenten):
    assert _slugs(partner.get("/api/v1/instrumenten", {"stap": "3"})) == ["samenwerkingsovereenkomst"]
    assert _slugs(partner.get("/api/v1/instrumenten", {"categorie": "netcapaciteit"})) == ["congestiekaart"]
    assert _slugs(partner.get("/api/v1/instrumenten", {"doelgroep": "gemeenten"})) == ["congestiekaart"]


def test_invalid_instrument_filters_are_all_reported_at_once(partner, instrumenten):
    response = partner.get("/api/v1/instrumenten", {"stap": "9", "doelgroep": "eigen_gebruik", "kleur": "rood"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert {p["name"] for p in response.json()["invalidParams"]} == {"stap", "doelgroep", "kleur"}


def test_an_instrument_by_slug_and_a_trailing_slash_is_404(partner, instrumenten):
    assert partner.get("/api/v1/instrumenten/congestiekaart").json()["titel"] == "Congestiekaart"
    assert partner.get("/api/v1/instrumenten/congestiekaart/").status_code == 404


def test_a_key_without_the_instrumenten_scope_gets_403(maak_sleutel, instrumenten):
    _rij, ruw = maak_sleutel(scope=["bedrijventerreinen"])
    assert ApiClient(ruw).get("/api/v1/instrumenten").status_code == 403


def test_instrument_list_needs_as_many_queries_for_30_instruments_as_for_3(partner, instrumenten):
    partner.get("/api/v1/instrumenten")  # records the key's last use (once a minute), not part of the comparison
    with CaptureQueriesContext(connection) as drie:
        assert partner.get("/api/v1/instrumenten").status_code == 200
    InstrumentFactory.create_batch(27)
    with CaptureQueriesContext(connection) as dertig:
        assert len(_slugs(partner.get("/api/v1/instrumenten", {"pageSize": "100"}))) >= 29
    assert len(drie) == len(dertig)
