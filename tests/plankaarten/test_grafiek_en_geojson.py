import json
from decimal import Decimal

import pytest

from plankaarten.grafiek import laadvraag_svg
from plankaarten.selectors import plankaart_actueel
from terreinen.geojson import feature_collection
from terreinen.models import Bedrijventerrein
from tests.factories import BedrijventerreinFactory, PlankaartFactory

pytestmark = pytest.mark.django_db


def test_chart_has_a_bar_per_year_with_data_and_says_which_year_has_none():
    terrein = BedrijventerreinFactory()
    PlankaartFactory(terrein=terrein, zichtjaar=2025, laadvermogen_kw=Decimal("120"), gemodelleerd=True)
    PlankaartFactory(terrein=terrein, zichtjaar=2035, laadvermogen_kw=Decimal("1480"), versie__nummer=77)
    svg = laadvraag_svg(plankaart_actueel(terrein=terrein))
    assert svg.count("<rect") == 2
    assert "2030: geen gegevens" in svg
    assert "2035: 1.480 kW" in svg
    assert "gemodelleerd" in svg
    assert 'role="img"' in svg and "<title" in svg


def test_chart_escapes_the_title():
    svg = laadvraag_svg([], titel="<script>x</script>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_feature_collection_is_wgs84_with_six_decimals_and_properties():
    terrein = BedrijventerreinFactory(met_geometrie=True, naam="Ecofactorij")
    BedrijventerreinFactory()  # without geometry
    data = json.loads(
        feature_collection(Bedrijventerrein.objects.order_by("rin"), eigenschappen=("naam", "gemeente__naam"), id_veld="rin")
    )
    assert data["type"] == "FeatureCollection"
    eerste, tweede = data["features"]
    assert eerste["id"] == terrein.rin
    assert eerste["properties"] == {"naam": "Ecofactorij", "gemeente_naam": terrein.gemeente.naam}
    lon, lat = eerste["geometry"]["coordinates"][0][0][0]
    assert 3 < lon < 8 and 50 < lat < 54
    assert len(str(lon).split(".")[1]) <= 6
    assert tweede["geometry"] is None


def test_feature_collection_in_rd_new_keeps_metres():
    BedrijventerreinFactory(met_geometrie=True)
    data = json.loads(feature_collection(Bedrijventerrein.objects.all(), eigenschappen=("naam",), srid=28992))
    x, y = data["features"][0]["geometry"]["coordinates"][0][0][0]
    assert (x, y) == (200000, 470000)
