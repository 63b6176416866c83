"""Importing IBIS business parks: the real CSV, PDOK GeoJSON/GeoPackage/Shapefile, rejections, constraints."""

import io
import json
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.contrib.gis.gdal import DataSource
from django.contrib.gis.geos import GEOSGeometry
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from terreinen.models import RD_NEW, Bedrijventerrein
from terreinen.services.importeren import gemeenten_importeren, terreinen_importeren
from tests.factories import BedrijventerreinFactory, GemeenteFactory, vierkant

pytestmark = pytest.mark.django_db

RESULTAAT_SLEUTELS = {"nieuw", "gewijzigd", "ongewijzigd", "afgewezen", "afwijzingen"}
OGR2OGR = shutil.which("ogr2ogr")

# A small park in Apeldoorn (lon 5.95, lat 52.2), about 135 m x 224 m.
APELDOORN_VIERKANT = [[5.950, 52.200], [5.952, 52.200], [5.952, 52.202], [5.950, 52.202], [5.950, 52.200]]
APELDOORN_RD = (193_543, 468_249)  # centre of APELDOORN_VIERKANT in EPSG:28992
STRIKJE = [[5.950, 52.200], [5.952, 52.202], [5.952, 52.200], [5.950, 52.202], [5.950, 52.200]]


def snapshot():
    """Every stored value of every park, geometry as WKB hex, including gewijzigd_op."""
    velden = [f.attname for f in Bedrijventerrein._meta.concrete_fields]
    return [
        tuple(v.hex if isinstance(v, GEOSGeometry) else v for v in rij)
        for rij in Bedrijventerrein.objects.order_by("rin").values_list(*velden)
    ]


def schrijf(tmp_path, naam, tekst, encoding="utf-8"):
    pad = tmp_path / naam
    pad.write_bytes(tekst.encode(encoding))
    return pad


def afwijzingen(resultaat):
    return [(a.rij, a.kolom, a.reden) for a in resultaat.afwijzingen]


def counts(resultaat):
    return resultaat.nieuw, resultaat.gewijzigd, resultaat.ongewijzigd, resultaat.afgewezen


def ibis_feature(rin, naam, ring=APELDOORN_VIERKANT, gem_codes="GM0200", **extra):
    eigenschappen = {
        "RIN_NUMMER": rin,
        "PLAN_NAAM": naam,
        "GEM_CODES": gem_codes,
        "HA_BRUTO": 12.3456,
        "HA_NETTO": 10.5,
        "HA_TOTTUIT": 0.75,
        "WLOC_TYPE": "B2",
        "JAAR": 2024,
        **extra,
    }
    geometrie = None if ring is None else {"type": "Polygon", "coordinates": [ring]}
    return {"type": "Feature", "properties": eigenschappen, "geometry": geometrie}


def schrijf_geojson(tmp_path, naam, features, crs=None):
    collectie = {"type": "FeatureCollection", "features": features}
    if crs:
        collectie["crs"] = {"type": "name", "properties": {"name": crs}}
    pad = tmp_path / naam
    pad.write_text(json.dumps(collectie), encoding="utf-8")
    return pad


def ogr2ogr(*args):
    assert OGR2OGR, "ogr2ogr (gdal-bin) is needed for the GeoPackage and Shapefile tests"
    subprocess.run([OGR2OGR, *map(str, args)], check=True, capture_output=True)  # noqa: S603 - fixed tool, test paths


@pytest.fixture
def gemeenten(db):
    return {
        "GM0200": GemeenteFactory(code="GM0200", naam="Apeldoorn", geometrie=None),
        "GM0202": GemeenteFactory(code="GM0202", naam="Arnhem", geometrie=None),
        "GM0193": GemeenteFactory(code="GM0193", naam="Zwolle", overijssel=True, geometrie=None),
    }


@pytest.fixture
def echte_gemeenten(data_dir):
    assert gemeenten_importeren(pad=data_dir / "gemeenten.csv").geslaagd


# --- the real open data ----------------------------------------------------------------------------


def test_real_csv_creates_840_parks_with_their_ibis_values(data_dir, echte_gemeenten):
    resultaat = terreinen_importeren(pad=data_dir / "bedrijventerreinen.csv")

    assert counts(resultaat) == (840, 0, 0, 0)
    assert resultaat.waarschuwingen == []  # municipality/province are joined columns, not unknown ones
    assert Bedrijventerrein.objects.count() == 840
    terrein = Bedrijventerrein.objects.get(rin=777)
    assert (terrein.naam, terrein.gemeente.code, terrein.peiljaar, terrein.wloc_type) == (
        "Industrie terrein I",
        "GM0197",
        2024,
        "B1",
    )
    assert (terrein.ha_bruto, terrein.ha_netto, terrein.ha_uitgeefbaar) == (Decimal("21.4843"), Decimal("18.1122"), Decimal("0"))
    assert (terrein.geometrie, terrein.geometrie_bron) == (None, "")


def test_reimporting_the_real_csv_reports_everything_unchanged_and_changes_nothing(data_dir, echte_gemeenten):
    terreinen_importeren(pad=data_dir / "bedrijventerreinen.csv")
    voor = snapshot()

    resultaat = terreinen_importeren(pad=data_dir / "bedrijventerreinen.csv")

    assert counts(resultaat) == (0, 0, 840, 0)
    assert snapshot() == voor  # includes gewijzigd_op


def test_one_changed_value_in_the_real_csv_changes_only_that_park(data_dir, echte_gemeenten, tmp_path):
    terreinen_importeren(pad=data_dir / "bedrijventerreinen.csv")
    tekst = (data_dir / "bedrijventerreinen.csv").read_text(encoding="utf-8")
    oud = "777,Industrie terrein I,GM0197,Aalten,Gelderland,2024,21.4843,18.1122,0,B1"
    assert oud in tekst
    pad = schrijf(tmp_path, "bedrijventerreinen.csv", tekst.replace(oud, oud.replace("18.1122", "19.5")))
    voor = {rij[1]: rij for rij in snapshot()}

    resultaat = terreinen_importeren(pad=pad)

    assert counts(resultaat) == (0, 1, 839, 0)
    na = {rij[1]: rij for rij in snapshot()}
    assert {rin for rin in na if na[rin] != voor[rin]} == {777}
    assert Bedrijventerrein.objects.get(rin=777).ha_netto == Decimal("19.5")


def test_a_park_changed_by_an_import_gets_a_new_gewijzigd_op(gemeenten, tmp_path):
    terrein = BedrijventerreinFactory(rin=101, naam="Ecofactorij", gemeente=gemeenten["GM0200"], ha_netto=Decimal("20"))
    eerder = terrein.gewijzigd_op

    resultaat = terreinen_importeren(
        pad=schrijf(tmp_path, "t.csv", "ibis_rin,name,municipality_code,ha_netto\n101,Ecofactorij,GM0200,21\n")
    )

    assert counts(resultaat) == (0, 1, 0, 0)
    terrein.refresh_from_db()
    assert terrein.ha_netto == Decimal("21")
    assert terrein.gewijzigd_op > eerder


def test_changing_more_parks_does_not_cost_more_queries(gemeenten, tmp_path):
    """Checking and writing changed rows is done in bulk: the query count does not grow per row."""
    for rin in range(101, 106):
        BedrijventerreinFactory(rin=rin, naam=f"T{rin}", gemeente=gemeenten["GM0200"], ha_netto=Decimal("1"))
    kop = "ibis_rin,name,municipality_code,ha_netto\n"
    een = schrijf(
        tmp_path, "een.csv", kop + "".join(f"{rin},T{rin},GM0200,{2 if rin == 101 else 1}\n" for rin in range(101, 106))
    )
    vijf = schrijf(tmp_path, "vijf.csv", kop + "".join(f"{rin},T{rin},GM0200,3\n" for rin in range(101, 106)))

    with CaptureQueriesContext(connection) as bij_een:
        assert counts(terreinen_importeren(pad=een)) == (0, 1, 4, 0)
    with CaptureQueriesContext(connection) as bij_vijf:
        assert counts(terreinen_importeren(pad=vijf)) == (0, 5, 0, 0)

    assert len(bij_vijf) == len(bij_een), [q["sql"][:80] for q in bij_vijf.captured_queries]


def test_dry_run_reports_the_counts_and_writes_nothing(data_dir, echte_gemeenten):
    resultaat = terreinen_importeren(pad=data_dir / "bedrijventerreinen.csv", dry_run=True)

    assert counts(resultaat) == (840, 0, 0, 0)
    assert Bedrijventerrein.objects.count() == 0


def test_dry_run_reports_the_same_rejections_as_the_real_import(gemeenten, tmp_path):
    # A name longer than the 200 characters the model allows.
    pad = schrijf(tmp_path, "t.csv", f"ibis_rin,name,municipality_code\n101,{'x' * 201},GM0200\n102,Kort,GM0200\n")

    proef = terreinen_importeren(pad=pad, dry_run=True)
    echt = terreinen_importeren(pad=pad)

    assert echt.afgewezen == 1
    assert Bedrijventerrein.objects.count() == 0
    assert (proef.afgewezen, afwijzingen(proef)) == (echt.afgewezen, afwijzingen(echt))


# --- the management command -----------------------------------------------------------------------


def test_command_json_prints_one_object_with_the_counts(data_dir, echte_gemeenten):
    out = io.StringIO()
    call_command("import_terreinen", str(data_dir / "bedrijventerreinen.csv"), "--json", stdout=out)

    resultaat = json.loads(out.getvalue())
    assert resultaat.keys() >= RESULTAAT_SLEUTELS
    assert (resultaat["nieuw"], resultaat["gewijzigd"], resultaat["ongewijzigd"], resultaat["afgewezen"]) == (840, 0, 0, 0)
    assert resultaat["afwijzingen"] == []
    assert Bedrijventerrein.objects.count() == 840


def test_command_dry_run_reports_counts_and_writes_nothing(gemeenten, tmp_path):
    pad = schrijf(tmp_path, "t.csv", "ibis_rin,name,municipality_code\n101,Ecofactorij,GM0200\n102,Kayersdijk,GM0202\n")
    out = io.StringIO()

    call_command("import_terreinen", str(pad), "--dry-run", "--json", stdout=out)

    resultaat = json.loads(out.getvalue())
    assert (resultaat["nieuw"], resultaat["gewijzigd"], resultaat["ongewijzigd"], resultaat["afgewezen"]) == (2, 0, 0, 0)
    assert resultaat["dry_run"] is True
    assert Bedrijventerrein.objects.count() == 0


def test_command_exits_with_status_1_and_lists_every_rejection(gemeenten, tmp_path):
    pad = schrijf(
        tmp_path,
        "t.csv",
        "ibis_rin,name,municipality_code,ha_netto\n101,Ecofactorij,GM0200,10\n102,Kayersdijk,GM9999,5\n103,Hessenpoort,GM0193,veel\n",
    )
    out = io.StringIO()

    with pytest.raises(SystemExit) as exc:
        call_command("import_terreinen", str(pad), "--json", stdout=out)

    assert exc.value.code == 1
    resultaat = json.loads(out.getvalue())
    assert resultaat["afgewezen"] == 2
    assert resultaat["afwijzingen"] == [
        {
            "bestand": "t.csv",
            "rij": 3,
            "kolom": "municipality_code",
            "reden": "onbekende gemeentecode GM9999 (importeer eerst de gemeenten)",
        },
        {"bestand": "t.csv", "rij": 4, "kolom": "ha_netto", "reden": "'veel' is geen getal"},
    ]
    assert Bedrijventerrein.objects.count() == 0


# --- IBIS geodata: GeoJSON, GeoPackage, Shapefile -------------------------------------------------------


def test_pdok_geojson_in_wgs84_creates_a_park_with_ibis_geometry_in_rd(gemeenten, tmp_path):
    pad = schrijf_geojson(tmp_path, "ibis.geojson", [ibis_feature(4242, "Apeldoorn-Noord", gem_codes="GM0200, GM0202")])

    resultaat = terreinen_importeren(pad=pad)

    assert counts(resultaat) == (1, 0, 0, 0)
    assert resultaat.waarschuwingen == []
    terrein = Bedrijventerrein.objects.get(rin=4242)
    assert (terrein.naam, terrein.gemeente.code, terrein.peiljaar, terrein.wloc_type) == ("Apeldoorn-Noord", "GM0200", 2024, "B2")
    assert (terrein.ha_bruto, terrein.ha_netto, terrein.ha_uitgeefbaar) == (Decimal("12.3456"), Decimal("10.5"), Decimal("0.75"))
    assert terrein.geometrie_bron == Bedrijventerrein.GeometrieBron.IBIS == "ibis"
    assert terrein.geometrie.srid == RD_NEW
    assert terrein.geometrie.geom_type == "MultiPolygon"
    x, y = terrein.geometrie.centroid.coords
    assert 100_000 < x < 280_000 and 400_000 < y < 560_000
    # lon 5.951, lat 52.201 is RD (193 543, 468 249) (gdaltransform); lon/lat swapped would land far outside.
    assert (x, y) == pytest.approx(APELDOORN_RD, abs=5)
    assert terrein.geometrie.area == pytest.approx(0.002 * 68_400 * 0.002 * 111_250, rel=0.03)


def test_reimporting_the_same_geojson_changes_nothing(gemeenten, tmp_path):
    pad = schrijf_geojson(tmp_path, "ibis.geojson", [ibis_feature(4242, "Apeldoorn-Noord"), ibis_feature(4243, "Zuid")])
    terreinen_importeren(pad=pad)
    voor = snapshot()

    resultaat = terreinen_importeren(pad=pad)

    assert counts(resultaat) == (0, 0, 2, 0)
    assert snapshot() == voor


def test_a_csv_without_geometry_keeps_the_geometry_from_an_earlier_geojson(gemeenten, tmp_path):
    terreinen_importeren(pad=schrijf_geojson(tmp_path, "ibis.geojson", [ibis_feature(4242, "Apeldoorn-Noord")]))
    geometrie = Bedrijventerrein.objects.get(rin=4242).geometrie

    resultaat = terreinen_importeren(
        pad=schrijf(tmp_path, "t.csv", "ibis_rin,name,municipality_code\n4242,Apeldoorn Noord,GM0200\n")
    )

    assert counts(resultaat) == (0, 1, 0, 0)
    terrein = Bedrijventerrein.objects.get(rin=4242)
    assert terrein.naam == "Apeldoorn Noord"
    assert terrein.geometrie.equals_exact(geometrie, 0.001)
    assert terrein.geometrie_bron == "ibis"
    assert terrein.ha_netto == Decimal("10.5")  # not in the CSV, so not touched


def test_geojson_declaring_rd_new_in_its_crs_member_is_not_reprojected(gemeenten, tmp_path):
    ring = [[195_000, 468_000], [195_100, 468_000], [195_100, 468_100], [195_000, 468_100], [195_000, 468_000]]
    pad = schrijf_geojson(
        tmp_path, "rd.geojson", [ibis_feature(4242, "RD-vierkant", ring=ring)], crs="urn:ogc:def:crs:EPSG::28992"
    )

    resultaat = terreinen_importeren(pad=pad)

    assert counts(resultaat) == (1, 0, 0, 0)
    geometrie = Bedrijventerrein.objects.get(rin=4242).geometrie
    assert geometrie.srid == RD_NEW
    assert geometrie.extent == pytest.approx((195_000, 468_000, 195_100, 468_100), abs=0.001)
    assert geometrie.area == pytest.approx(10_000, abs=0.01)


def test_geopackage_in_rd_new_is_imported_with_the_same_geometry_as_the_wgs84_source(gemeenten, tmp_path):
    bron = schrijf_geojson(tmp_path, "ibis.geojson", [ibis_feature(4242, "Apeldoorn-Noord")])
    gpkg = tmp_path / "ibis.gpkg"
    ogr2ogr("-f", "GPKG", "-t_srs", "EPSG:28992", gpkg, bron)
    assert DataSource(str(gpkg))[0].srs.srid == 28992  # the file really is in another CRS than WGS84

    resultaat = terreinen_importeren(pad=gpkg)

    assert counts(resultaat) == (1, 0, 0, 0)
    terrein = Bedrijventerrein.objects.get(rin=4242)
    assert (terrein.naam, terrein.gemeente.code, terrein.ha_netto, terrein.geometrie_bron) == (
        "Apeldoorn-Noord",
        "GM0200",
        Decimal("10.5"),
        "ibis",
    )
    # Importing the WGS84 GeoJSON afterwards finds the same geometry (within the 1 cm tolerance): unchanged.
    assert counts(terreinen_importeren(pad=bron)) == (0, 0, 1, 0)


def test_shapefile_with_prj_is_imported(gemeenten, tmp_path):
    bron = schrijf_geojson(tmp_path, "ibis.geojson", [ibis_feature(4242, "Apeldoorn-Noord"), ibis_feature(4243, "Zuid")])
    shp = tmp_path / "ibis.shp"
    ogr2ogr("-f", "ESRI Shapefile", "-t_srs", "EPSG:28992", shp, bron)
    assert shp.with_suffix(".prj").is_file()

    resultaat = terreinen_importeren(pad=shp)

    assert counts(resultaat) == (2, 0, 0, 0)
    terrein = Bedrijventerrein.objects.get(rin=4243)
    assert (terrein.naam, terrein.ha_uitgeefbaar, terrein.peiljaar, terrein.geometrie_bron) == (
        "Zuid",
        Decimal("0.75"),
        2024,
        "ibis",
    )
    assert terrein.geometrie.centroid.coords == pytest.approx(APELDOORN_RD, abs=5)


def test_shapefile_without_prj_is_rejected_because_the_coordinate_system_is_unknown(gemeenten, tmp_path):
    bron = schrijf_geojson(tmp_path, "ibis.geojson", [ibis_feature(4242, "Apeldoorn-Noord")])
    shp = tmp_path / "ibis.shp"
    ogr2ogr("-f", "ESRI Shapefile", "-t_srs", "EPSG:28992", shp, bron)
    shp.with_suffix(".prj").unlink()

    resultaat = terreinen_importeren(pad=shp)

    assert [(a.bestand, a.rij, a.kolom) for a in resultaat.afwijzingen] == [("ibis.shp", None, None)]
    assert "coördinatenstelsel" in resultaat.afwijzingen[0].reden
    assert Bedrijventerrein.objects.count() == 0


def test_self_intersecting_polygon_is_rejected_and_the_valid_feature_is_not_written_either(gemeenten, tmp_path):
    bestaand = BedrijventerreinFactory(rin=4242, naam="Oud", gemeente=gemeenten["GM0200"])
    voor = snapshot()
    pad = schrijf_geojson(tmp_path, "ibis.geojson", [ibis_feature(4242, "Nieuw"), ibis_feature(4243, "Strikje", ring=STRIKJE)])

    resultaat = terreinen_importeren(pad=pad)

    assert [(a.rij, a.kolom) for a in resultaat.afwijzingen] == [(2, "geometrie")]
    assert "ongeldige geometrie" in resultaat.afwijzingen[0].reden
    assert "Self-intersection" in resultaat.afwijzingen[0].reden
    assert snapshot() == voor
    assert Bedrijventerrein.objects.get(pk=bestaand.pk).naam == "Oud"


def test_geojson_with_height_coordinates_is_stored_in_2d(gemeenten, tmp_path):
    feature = ibis_feature(4242, "Met hoogte", ring=[[lon, lat, 12.5] for lon, lat in APELDOORN_VIERKANT])

    resultaat = terreinen_importeren(pad=schrijf_geojson(tmp_path, "ibis.geojson", [feature]))

    assert counts(resultaat) == (1, 0, 0, 0)
    geometrie = Bedrijventerrein.objects.get(rin=4242).geometrie
    assert not geometrie.hasz
    assert geometrie.centroid.coords == pytest.approx(APELDOORN_RD, abs=5)


def test_a_point_instead_of_a_polygon_is_rejected(gemeenten, tmp_path):
    feature = ibis_feature(4242, "Punt", ring=None)
    feature["geometry"] = {"type": "Point", "coordinates": [5.95, 52.2]}

    resultaat = terreinen_importeren(pad=schrijf_geojson(tmp_path, "ibis.geojson", [feature]))

    assert afwijzingen(resultaat) == [(1, "geometrie", "geometrie is Point, verwacht (Multi)Polygon")]
    assert Bedrijventerrein.objects.count() == 0


def test_a_feature_without_geometry_creates_a_park_without_geometry(gemeenten, tmp_path):
    resultaat = terreinen_importeren(pad=schrijf_geojson(tmp_path, "ibis.geojson", [ibis_feature(4242, "Zonder", ring=None)]))

    assert counts(resultaat) == (1, 0, 0, 0)
    terrein = Bedrijventerrein.objects.get(rin=4242)
    assert (terrein.geometrie, terrein.geometrie_bron) == (None, "")


# --- malformed tables ---------------------------------------------------------------------------------


@pytest.fixture
def bestaand_terrein(gemeenten):
    return BedrijventerreinFactory(rin=101, naam="Ecofactorij", gemeente=gemeenten["GM0200"], ha_netto=Decimal("20"))


def test_missing_required_column_is_rejected_and_nothing_is_written(bestaand_terrein, tmp_path):
    voor = snapshot()
    pad = schrijf(tmp_path, "t.csv", "ibis_rin,name,ha_netto\n101,Ecofactorij,21\n102,Nieuw,3\n")

    resultaat = terreinen_importeren(pad=pad)

    assert afwijzingen(resultaat) == [(None, None, "verplichte kolom ontbreekt: gemeente_code")]
    assert resultaat.afgewezen == 1
    assert snapshot() == voor


def test_unknown_municipality_code_is_rejected_and_nothing_is_written(bestaand_terrein, tmp_path):
    voor = snapshot()
    pad = schrijf(tmp_path, "t.csv", "ibis_rin,name,municipality_code,ha_netto\n101,Ecofactorij,GM0200,21\n102,Nieuw,GM9999,3\n")

    resultaat = terreinen_importeren(pad=pad)

    assert afwijzingen(resultaat) == [(3, "municipality_code", "onbekende gemeentecode GM9999 (importeer eerst de gemeenten)")]
    assert snapshot() == voor


def test_duplicate_rin_is_rejected_naming_the_other_row_and_nothing_is_written(bestaand_terrein, tmp_path):
    voor = snapshot()
    pad = schrijf(
        tmp_path,
        "t.csv",
        "ibis_rin,name,municipality_code\n102,Nieuw,GM0202\n101,Ecofactorij 2,GM0200\n103,Ander,GM0193\n102,Nog eens,GM0202\n",
    )

    resultaat = terreinen_importeren(pad=pad)

    assert afwijzingen(resultaat) == [(5, "ibis_rin", "RIN 102 staat dubbel in het bestand (ook rij 2)")]
    assert snapshot() == voor


def test_text_in_a_number_column_is_rejected_and_nothing_is_written(bestaand_terrein, tmp_path):
    voor = snapshot()
    pad = schrijf(
        tmp_path, "t.csv", "ibis_rin;name;municipality_code;ha_netto\n101;Ecofactorij;GM0200;veel\n102;Nieuw;GM0202;3,5\n"
    )

    resultaat = terreinen_importeren(pad=pad)

    assert afwijzingen(resultaat) == [(2, "ha_netto", "'veel' is geen getal")]
    assert snapshot() == voor


@pytest.mark.parametrize(
    ("regel", "verwacht"),
    [
        ("102,Nieuw,GM0202,-3", (3, "ha_netto", "waarde mag niet negatief zijn")),
        ("0,Nieuw,GM0202,3", (3, "ibis_rin", "RIN-nummer ontbreekt of is niet positief")),
        (",Nieuw,GM0202,3", (3, "ibis_rin", "RIN-nummer ontbreekt of is niet positief")),
        ("102,,GM0202,3", (3, "name", "naam ontbreekt")),
        ("102,Nieuw,Arnhem,3", (3, "municipality_code", "'Arnhem' is geen CBS-gemeentecode (GMxxxx)")),
        ("102,Nieuw,GM0202,3,extra", (3, None, "meer waarden dan kolommen")),
    ],
    ids=["negatief", "rin-nul", "rin-leeg", "naam-leeg", "gemeente-naam", "te-veel-waarden"],
)
def test_other_bad_values_are_rejected_on_their_row_and_nothing_is_written(bestaand_terrein, tmp_path, regel, verwacht):
    voor = snapshot()
    pad = schrijf(tmp_path, "t.csv", f"ibis_rin,name,municipality_code,ha_netto\n101,Ecofactorij,GM0200,21\n{regel}\n")

    resultaat = terreinen_importeren(pad=pad)

    assert afwijzingen(resultaat) == [verwacht]
    assert snapshot() == voor


def test_each_row_is_counted_once_as_new_changed_unchanged_or_rejected(bestaand_terrein, gemeenten, tmp_path):
    BedrijventerreinFactory(rin=102, naam="Kayersdijk", gemeente=gemeenten["GM0202"], ha_netto=Decimal("5"))
    pad = schrijf(
        tmp_path,
        "t.csv",
        "ibis_rin,name,municipality_code,ha_netto\n101,Ecofactorij,GM0200,21\n102,Kayersdijk,GM0202,5\n103,Nieuw,GM9999,3\n",
    )

    resultaat = terreinen_importeren(pad=pad, dry_run=True)

    # 101 changed, 102 unchanged, 103 rejected: the rejected new row must not also count as new.
    assert counts(resultaat) == (0, 1, 1, 1)


def test_utf16_file_is_rejected_as_a_whole_and_nothing_is_written(bestaand_terrein, tmp_path):
    voor = snapshot()
    pad = schrijf(tmp_path, "t.csv", "ibis_rin,name,municipality_code\n101,Ecofactorij,GM0200\n102,Nieuw,GM0202\n", "utf-16")

    resultaat = terreinen_importeren(pad=pad)

    assert [(a.bestand, a.rij, a.kolom) for a in resultaat.afwijzingen] == [("t.csv", None, None)]
    assert "UTF-16" in resultaat.afwijzingen[0].reden
    assert snapshot() == voor


def test_unknown_columns_are_reported_as_warnings_and_are_not_fatal(gemeenten, tmp_path):
    pad = schrijf(tmp_path, "t.csv", "RIN-nummer,Plan naam,Gem codes,Opmerking,gemeente\n101,Ecofactorij,200,let op,Apeldoorn\n")

    resultaat = terreinen_importeren(pad=pad)

    assert counts(resultaat) == (1, 0, 0, 0)
    assert resultaat.waarschuwingen == ["onbekende kolom genegeerd: Opmerking"]
    assert Bedrijventerrein.objects.get(rin=101).gemeente.code == "GM0200"


# --- database constraints and size classes -------------------------------------------------------------


def test_database_rejects_a_park_with_geometry_but_no_geometry_source(gemeenten):
    with pytest.raises(IntegrityError, match="terrein_geometrie_heeft_bron"), transaction.atomic():
        Bedrijventerrein.objects.create(rin=1, naam="X", gemeente=gemeenten["GM0200"], geometrie=vierkant(), geometrie_bron="")


def test_database_accepts_a_park_with_geometry_and_a_source_or_without_geometry(gemeenten):
    Bedrijventerrein.objects.create(
        rin=1, naam="X", gemeente=gemeenten["GM0200"], geometrie=vierkant(), geometrie_bron="benaderd"
    )
    Bedrijventerrein.objects.create(rin=2, naam="Y", gemeente=gemeenten["GM0200"])
    assert Bedrijventerrein.objects.count() == 2


@pytest.mark.parametrize("veld", ["ha_bruto", "ha_netto", "ha_uitgeefbaar"])
def test_database_rejects_negative_hectares(gemeenten, veld):
    with pytest.raises(IntegrityError, match="niet_negatief"), transaction.atomic():
        Bedrijventerrein.objects.create(rin=1, naam="X", gemeente=gemeenten["GM0200"], **{veld: Decimal("-0.5")})


GROOTTEKLASSEN = [
    (Decimal("0"), "klein"),
    (Decimal("10"), "klein"),
    (Decimal("10.5"), "middel"),
    (Decimal("50"), "middel"),
    (Decimal("50.01"), "groot"),
    (None, None),
]


@pytest.mark.parametrize(("ha_netto", "klasse"), GROOTTEKLASSEN)
def test_grootteklasse_follows_net_hectares(ha_netto, klasse):
    assert Bedrijventerrein(ha_netto=ha_netto).grootteklasse == klasse


def test_met_grootteklasse_annotation_agrees_with_the_property(gemeenten):
    terreinen = [BedrijventerreinFactory(gemeente=gemeenten["GM0200"], ha_netto=ha) for ha, _klasse in GROOTTEKLASSEN]

    uit_db = dict(Bedrijventerrein.objects.met_grootteklasse().values_list("pk", "grootteklasse_db"))

    assert uit_db == {t.pk: klasse for t, (_ha, klasse) in zip(terreinen, GROOTTEKLASSEN, strict=True)}
    for terrein in Bedrijventerrein.objects.met_grootteklasse():
        assert terrein.grootteklasse_db == terrein.grootteklasse
