"""GIS tools read the API's GeoJSON as served: GDAL's ogrinfo against a running test server."""

import re
import subprocess

import pytest

from api.services import api_sleutel_aanmaken
from tests.factories import BedrijventerreinFactory, GemeenteFactory, PlankaartFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _ogrinfo(url: str, sleutel: str) -> str:
    resultaat = subprocess.run(  # noqa: S603 - fixed executable, arguments built by the test
        ["/usr/bin/ogrinfo", "-ro", "-so", "-al", "--config", "GDAL_HTTP_HEADERS", f"X-Api-Key: {sleutel}", f"GeoJSON:{url}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert resultaat.returncode == 0, resultaat.stderr
    return resultaat.stdout


def test_ogrinfo_reads_the_parks_geojson_with_the_right_feature_count(live_server):
    gemeente = GemeenteFactory(code="GM0200", naam="Apeldoorn")
    for i in range(7):
        terrein = BedrijventerreinFactory(gemeente=gemeente, rin=7000 + i, met_geometrie=True)
        PlankaartFactory(terrein=terrein, zichtjaar=2030, laadvermogen_kw=100 + i)
    _rij, sleutel = api_sleutel_aanmaken(organisatie="GIS-team")
    url = f"{live_server.url}/api/v1/bedrijventerreinen?pageSize=1000"

    uitvoer = _ogrinfo(url, sleutel)
    assert re.search(r"Feature Count: 7\b", uitvoer), uitvoer
    assert "Geometry: Multi Polygon" in uitvoer
    assert re.search(r"gemeenteCode: String", uitvoer) and re.search(r"laadvraag2030Kw: Real", uitvoer)
    assert "WGS 84" in uitvoer

    rd = _ogrinfo(url + "&crs=http://www.opengis.net/def/crs/EPSG/0/28992", sleutel)
    assert re.search(r"Feature Count: 7\b", rd)
    assert "Amersfoort / RD New" in rd
