"""List endpoints cost the same number of queries for 3 and for 30 parks."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import BedrijventerreinFactory, PlankaartFactory, PlankaartVersieFactory, traject_zetten

pytestmark = pytest.mark.django_db

PADEN = [
    "/api/v1/bedrijventerreinen?pageSize=1000",
    "/api/v1/bedrijventerreinen?pageSize=1000&crs=http://www.opengis.net/def/crs/EPSG/0/28992&vraag2030Min=1",
    "/api/v1/gemeenten",
    "/api/v1/plankaarten?pageSize=1000",
    "/api/v1/trajecten?pageSize=1000",
    "/api/v1/aggregaten/provincies",
    "/api/v1/aggregaten/gemeenten?grootteklasse=middel",
    "/api/v1/plankaart-versies",
]


def _maak(aantal, gemeenten):
    versie = PlankaartVersieFactory()
    for i in range(aantal):
        terrein = BedrijventerreinFactory(gemeente=gemeenten[i % 2], met_geometrie=True)
        traject_zetten(terrein=terrein, stap=i % 7)
        for jaar in (2025, 2030, 2035):
            PlankaartFactory(terrein=terrein, versie=versie, zichtjaar=jaar, laadvermogen_kw=10 * i)


def _tel(client, pad):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(pad)
    assert response.status_code == 200, response.content
    return len(queries)


@pytest.mark.parametrize("pad", PADEN)
def test_query_count_is_the_same_for_3_and_30_parks(partner, twee_gemeenten, pad):
    partner.get("/api/v1/gemeenten")  # warm-up: content types, first use of the key
    _maak(3, twee_gemeenten)
    weinig = _tel(partner, pad)
    _maak(27, twee_gemeenten)
    veel = _tel(partner, pad)
    assert weinig == veel
    assert veel <= 5
