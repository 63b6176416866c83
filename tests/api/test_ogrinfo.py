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


def _gdal(programma: str, *argumenten: str, sleutel: str) -> str:
    resultaat = subprocess.run(  # noqa: S603 - fixed executable, arguments built by the test
        [f"/usr/bin/{programma}", "--config", "GDAL_HTTP_HEADERS", f"X-Api-Key: {sleutel}", *argumenten],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert resultaat.returncode == 0, resultaat.stderr
    return resultaat.stdout


@pytest.fixture
def regio(db):
    """Parks in two municipalities, some without plankaart (their figures are null in every row of a page)."""
    apeldoorn = GemeenteFactory(code="GM0200", naam="Apeldoorn")
    zwolle = GemeenteFactory(code="GM0193", naam="Zwolle", overijssel=True)
    for i in range(23):
        terrein = BedrijventerreinFactory(
            gemeente=apeldoorn if i % 2 else zwolle, rin=8000 + i, met_geometrie=True, aantal_bedrijven=None
        )
        if i >= 20:
            PlankaartFactory(terrein=terrein, zichtjaar=2030, laadvermogen_kw=100 + i, bestelwagens=i)
    return api_sleutel_aanmaken(organisatie="GIS-team")[1]


def test_ogrinfo_oapif_lists_collections_with_typed_fields(live_server, regio):
    landing = f"OAPIF:{live_server.url}/api/v1/ogc"
    lijst = _gdal("ogrinfo", "-ro", "-q", landing, sleutel=regio)
    for collectie in ("bedrijventerreinen", "gemeenten", "provincies"):
        assert re.search(rf"\b{collectie}\b", lijst), lijst

    # A small page size: the field types must come from the schema, not from the (all-null) values of page one.
    uitvoer = _gdal("ogrinfo", "-ro", "-so", "-oo", "PAGE_SIZE=5", landing, "bedrijventerreinen", sleutel=regio)
    assert re.search(r"Feature Count: 23\b", uitvoer), uitvoer
    assert "Geometry: Multi Polygon" in uitvoer
    assert "WGS 84" in uitvoer
    for veld, soort in (
        ("rin", "Integer"),
        ("gemeenteCode", "String"),
        ("laadvraag2030Kw", "Real"),
        ("laadvraag2025Kw", "Real"),
        ("bestelwagens2030", "Integer"),
        ("aantalBedrijven", "Integer"),
        ("parkmanagement", r"Integer\(Boolean\)"),
        ("gewijzigdOp", "DateTime"),
    ):
        assert re.search(rf"^{veld}: {soort} \(", uitvoer, re.M), (veld, uitvoer)


def _gpkg_tellen(pad) -> tuple[int, str]:
    uitvoer = subprocess.run(  # noqa: S603 - fixed executable, arguments built by the test
        ["/usr/bin/ogrinfo", "-ro", "-so", str(pad), "bedrijventerreinen"], capture_output=True, text=True, check=True
    ).stdout
    return int(re.search(r"Feature Count: (\d+)", uitvoer).group(1)), uitvoer


@pytest.mark.parametrize(
    ("crs", "verwacht"),
    [("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "WGS 84"), ("http://www.opengis.net/def/crs/EPSG/0/28992", "RD New")],
)
def test_ogr2ogr_copies_every_park_through_paging_into_a_geopackage(live_server, regio, tmp_path, crs, verwacht):
    from terreinen.models import Bedrijventerrein

    doel = tmp_path / "parken.gpkg"
    landing = f"OAPIF:{live_server.url}/api/v1/ogc"
    argumenten = ["-f", "GPKG", str(doel), landing, "bedrijventerreinen", "-oo", "PAGE_SIZE=5"]
    if "28992" in crs:
        argumenten += ["-t_srs", "EPSG:28992"]
    _gdal("ogr2ogr", *argumenten, sleutel=regio)
    aantal, uitvoer = _gpkg_tellen(doel)
    assert aantal == Bedrijventerrein.objects.count() == 23
    assert verwacht in uitvoer
    if "28992" in crs:
        # Round trip CRS84 → RD New lands on the stored corner (200000, 470000) within centimetres.
        extent = re.search(r"Extent: \(([\d.]+), ([\d.]+)\)", uitvoer)
        assert abs(float(extent.group(1)) - 200_000) < 0.5 and abs(float(extent.group(2)) - 470_000) < 0.5, uitvoer


def test_geojson_driver_reads_rd_new_from_the_items_endpoint(live_server, regio):
    url = f"{live_server.url}/api/v1/ogc/collections/bedrijventerreinen/items?limit=1000&crs=http://www.opengis.net/def/crs/EPSG/0/28992"
    uitvoer = _ogrinfo(url, regio)
    assert re.search(r"Feature Count: 23\b", uitvoer), uitvoer
    assert "Amersfoort / RD New" in uitvoer
