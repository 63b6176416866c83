"""Importing CBS municipalities (CSV and PDOK GeoJSON): real files, the command, rejections, constraints."""

import io
import json
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction

from terreinen.models import RD_NEW, Gemeente, Provincie
from terreinen.services.importeren import gemeenten_importeren
from tests.factories import GemeenteFactory

pytestmark = pytest.mark.django_db

RESULTAAT_SLEUTELS = {"nieuw", "gewijzigd", "ongewijzigd", "afgewezen", "afwijzingen"}


def snapshot():
    """Every stored value of every municipality, geometry as WKB hex."""
    rijen = Gemeente.objects.order_by("code").values_list(
        "code", "naam", "provincie__code", "oppervlakte_land_ha", "inwoners", "geometrie", "ze_zone", "geldig_van", "geldig_tot"
    )
    return [(*r[:5], r[5].hex if r[5] else None, *r[6:]) for r in rijen]


def schrijf(tmp_path, naam, tekst, encoding="utf-8"):
    pad = tmp_path / naam
    pad.write_bytes(tekst.encode(encoding))
    return pad


def afwijzingen(resultaat):
    return [(a.rij, a.kolom, a.reden) for a in resultaat.afwijzingen]


# --- the real open data ----------------------------------------------------------------------------


def test_real_csv_creates_77_municipalities_in_three_provinces(data_dir):
    resultaat = gemeenten_importeren(pad=data_dir / "gemeenten.csv")

    assert (resultaat.nieuw, resultaat.gewijzigd, resultaat.ongewijzigd, resultaat.afgewezen) == (77, 0, 0, 0)
    assert resultaat.waarschuwingen == []
    assert Gemeente.objects.count() == 77
    assert Counter(Gemeente.objects.values_list("provincie__code", flat=True)) == {"PV25": 51, "PV23": 25, "PV26": 1}
    apeldoorn = Gemeente.objects.get(code="GM0200")
    assert (apeldoorn.naam, apeldoorn.provincie.code, apeldoorn.oppervlakte_land_ha, apeldoorn.inwoners) == (
        "Apeldoorn",
        "PV25",
        33986,
        167191,
    )
    assert Gemeente.objects.get(provincie__code="PV26").naam == "Veenendaal"
    assert not Gemeente.objects.filter(geometrie__isnull=False).exists()


def test_reimporting_the_real_csv_reports_everything_unchanged_and_changes_nothing(data_dir):
    gemeenten_importeren(pad=data_dir / "gemeenten.csv")
    voor = snapshot()

    resultaat = gemeenten_importeren(pad=data_dir / "gemeenten.csv")

    assert (resultaat.nieuw, resultaat.gewijzigd, resultaat.ongewijzigd, resultaat.afgewezen) == (0, 0, 77, 0)
    assert snapshot() == voor


def test_real_geojson_after_csv_sets_rd_geometry_on_all_77_and_keeps_the_csv_attributes(data_dir):
    gemeenten_importeren(pad=data_dir / "gemeenten.csv")

    resultaat = gemeenten_importeren(pad=data_dir / "gemeenten.geojson")

    assert (resultaat.nieuw, resultaat.gewijzigd, resultaat.ongewijzigd, resultaat.afgewezen) == (0, 77, 0, 0)
    assert Gemeente.objects.count() == 77
    assert Gemeente.objects.filter(geometrie__isnull=False).count() == 77
    for gemeente in Gemeente.objects.all():
        assert gemeente.geometrie.srid == RD_NEW
        assert gemeente.geometrie.geom_type == "MultiPolygon"
        assert gemeente.geometrie.valid
        x, y = gemeente.geometrie.centroid.coords
        assert 100_000 < x < 280_000, gemeente
        assert 400_000 < y < 560_000, gemeente
    apeldoorn = Gemeente.objects.get(code="GM0200")
    # Apeldoorn is in the middle of the Veluwe: RD roughly (195 km, 468 km); the GeoJSON has no inhabitants column.
    x, y = apeldoorn.geometrie.centroid.coords
    assert abs(x - 195_000) < 10_000 and abs(y - 468_000) < 10_000
    assert apeldoorn.geometrie.area / 10_000 == pytest.approx(33_986, rel=0.05)  # CBS land area in ha; area in m²
    assert apeldoorn.inwoners == 167191


def test_reimporting_the_real_geojson_reports_everything_unchanged_and_changes_nothing(data_dir):
    gemeenten_importeren(pad=data_dir / "gemeenten.csv")
    gemeenten_importeren(pad=data_dir / "gemeenten.geojson")
    voor = snapshot()

    resultaat = gemeenten_importeren(pad=data_dir / "gemeenten.geojson")

    assert (resultaat.nieuw, resultaat.gewijzigd, resultaat.ongewijzigd, resultaat.afgewezen) == (0, 0, 77, 0)
    assert snapshot() == voor


def test_real_geojson_alone_creates_the_municipalities_with_provinces_found_by_name(data_dir):
    resultaat = gemeenten_importeren(pad=data_dir / "gemeenten.geojson")

    assert (resultaat.nieuw, resultaat.afgewezen) == (77, 0)
    assert Counter(Gemeente.objects.values_list("provincie__code", flat=True)) == {"PV25": 51, "PV23": 25, "PV26": 1}


def test_a_changed_value_is_reported_as_changed_and_only_that_field_is_written(data_dir, tmp_path):
    gemeenten_importeren(pad=data_dir / "gemeenten.csv")
    tekst = (
        (data_dir / "gemeenten.csv")
        .read_text(encoding="utf-8")
        .replace("GM0200,Apeldoorn,Gelderland,PV25,33986,167191", "GM0200,Apeldoorn,Gelderland,PV25,33986,170000")
    )
    pad = schrijf(tmp_path, "gemeenten.csv", tekst)
    voor = {r[0]: r for r in snapshot()}

    resultaat = gemeenten_importeren(pad=pad)

    assert (resultaat.nieuw, resultaat.gewijzigd, resultaat.ongewijzigd, resultaat.afgewezen) == (0, 1, 76, 0)
    na = {r[0]: r for r in snapshot()}
    assert na["GM0200"][4] == 170000
    assert {c for c in na if na[c] != voor[c]} == {"GM0200"}


def test_dry_run_reports_the_counts_and_writes_nothing(data_dir):
    resultaat = gemeenten_importeren(pad=data_dir / "gemeenten.csv", dry_run=True)

    assert (resultaat.nieuw, resultaat.gewijzigd, resultaat.ongewijzigd, resultaat.afgewezen) == (77, 0, 0, 0)
    assert resultaat.dry_run
    assert Gemeente.objects.count() == 0


# --- the management command -----------------------------------------------------------------------


def test_command_json_prints_one_object_with_the_counts(data_dir):
    out = io.StringIO()
    call_command("import_gemeenten", str(data_dir / "gemeenten.csv"), "--json", stdout=out)

    resultaat = json.loads(out.getvalue())
    assert resultaat.keys() >= RESULTAAT_SLEUTELS
    assert (resultaat["nieuw"], resultaat["gewijzigd"], resultaat["ongewijzigd"], resultaat["afgewezen"]) == (77, 0, 0, 0)
    assert resultaat["afwijzingen"] == []
    assert Gemeente.objects.count() == 77


def test_command_dry_run_reports_counts_and_writes_nothing(data_dir):
    out = io.StringIO()
    call_command("import_gemeenten", str(data_dir / "gemeenten.csv"), "--json", "--dry-run", stdout=out)

    resultaat = json.loads(out.getvalue())
    assert (resultaat["nieuw"], resultaat["afgewezen"], resultaat["dry_run"]) == (77, 0, True)
    assert Gemeente.objects.count() == 0


def test_command_exits_with_status_1_and_lists_rejections_when_a_row_is_rejected(tmp_path):
    pad = schrijf(tmp_path, "g.csv", "code,name,province_code\nGM0200,Apeldoorn,PV25\nGM0193,Zwolle,PV99\n")
    out = io.StringIO()

    with pytest.raises(SystemExit) as exc:
        call_command("import_gemeenten", str(pad), "--json", stdout=out)

    assert exc.value.code == 1
    resultaat = json.loads(out.getvalue())
    assert resultaat["afgewezen"] == 1
    assert resultaat["afwijzingen"] == [
        {"bestand": "g.csv", "rij": 3, "kolom": "province_code", "reden": "onbekende provincie 'PV99'"}
    ]
    assert Gemeente.objects.count() == 0


def test_command_plain_report_names_the_rejection(tmp_path):
    pad = schrijf(tmp_path, "g.csv", "code,province_code\nGM0200,PV25\n")
    out = io.StringIO()

    with pytest.raises(SystemExit):
        call_command("import_gemeenten", str(pad), stdout=out)

    assert "afgewezen: g.csv: verplichte kolom ontbreekt: naam" in out.getvalue()
    assert "Er is niets geschreven." in out.getvalue()


def test_command_refuses_a_path_that_does_not_exist(tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("import_gemeenten", str(tmp_path / "bestaat-niet.csv"), stdout=io.StringIO())


# --- malformed files ------------------------------------------------------------------------------


@pytest.fixture
def bestaande_gemeente(db):
    return GemeenteFactory(code="GM0200", naam="Apeldoorn", geometrie=None)


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        (
            "code,name,province_code\nGM0202,Arnhem,PV25\nGM0200,,PV25\n",
            (3, "name", "naam ontbreekt"),
        ),
        (
            "code,name,province_code\nGM0202,Arnhem,PV25\nGM0193,Zwolle,PV99\n",
            (3, "province_code", "onbekende provincie 'PV99'"),
        ),
        (
            "code,name,province_code\nGM0202,Arnhem,PV25\nXX0193,Zwolle,PV23\n",
            (3, "code", "'XX0193' is geen CBS-gemeentecode (GMxxxx)"),
        ),
        (
            "code,name,province_code\nGM0202,Arnhem,PV25\ngm202,Arnhem,PV25\n",
            (3, "code", "gemeentecode GM0202 staat dubbel in het bestand (ook rij 2)"),
        ),
        (
            "code,name\nGM0202,Arnhem\n",
            (2, "provincie", "provincie ontbreekt voor nieuwe gemeente GM0202"),
        ),
        (
            "code,name,province_code,inhabitants_2023\nGM0202,Arnhem,PV25,165770\nGM0193,Zwolle,PV23,veel\n",
            (3, "inhabitants_2023", "'veel' is geen getal"),
        ),
    ],
    ids=["naam-leeg", "provincie-onbekend", "code-ongeldig", "code-dubbel", "provincie-ontbreekt", "inwoners-tekst"],
)
def test_a_bad_row_is_rejected_with_row_column_and_reason_and_nothing_is_written(bestaande_gemeente, tmp_path, tekst, verwacht):
    voor = snapshot()
    resultaat = gemeenten_importeren(pad=schrijf(tmp_path, "g.csv", tekst))

    assert afwijzingen(resultaat) == [verwacht]
    assert resultaat.afgewezen == 1
    assert snapshot() == voor


def test_missing_required_column_is_a_file_level_rejection_and_nothing_is_written(bestaande_gemeente, tmp_path):
    voor = snapshot()
    resultaat = gemeenten_importeren(pad=schrijf(tmp_path, "g.csv", "gemeentecode;inwoners\nGM0200;170000\n"))

    assert afwijzingen(resultaat) == [(None, None, "verplichte kolom ontbreekt: naam")]
    assert snapshot() == voor


def test_utf16_file_is_a_file_level_rejection(bestaande_gemeente, tmp_path):
    voor = snapshot()
    resultaat = gemeenten_importeren(pad=schrijf(tmp_path, "g.csv", "code,name,province_code\nGM0202,Arnhem,PV25\n", "utf-16"))

    assert [(a.rij, a.kolom) for a in resultaat.afwijzingen] == [(None, None)]
    assert "UTF-16" in resultaat.afwijzingen[0].reden
    assert snapshot() == voor


def test_an_existing_municipality_can_be_updated_from_a_file_without_a_province_column(bestaande_gemeente, tmp_path):
    pad = schrijf(tmp_path, "g.csv", "Gemeentecode;Gemeentenaam;Aantal inwoners\n200;Apeldoorn;167191\n")

    resultaat = gemeenten_importeren(pad=pad)

    assert (resultaat.nieuw, resultaat.gewijzigd, resultaat.afgewezen) == (0, 1, 0)
    gemeente = Gemeente.objects.get(code="GM0200")
    assert (gemeente.inwoners, gemeente.provincie.code) == (167191, "PV25")


# --- database constraints -------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["G0200", "GM200", "GMX200", "gm0200", "0200"])
def test_database_rejects_a_municipality_code_that_is_not_gmxxxx(code):
    provincie = Provincie.objects.get(code="PV25")
    with pytest.raises(IntegrityError, match="gemeente_code_gmxxxx"), transaction.atomic():
        Gemeente.objects.create(code=code, naam="Fout", provincie=provincie)


def test_database_accepts_a_gmxxxx_code():
    Gemeente.objects.create(code="GM0200", naam="Apeldoorn", provincie=Provincie.objects.get(code="PV25"))
    assert Gemeente.objects.filter(code="GM0200").exists()
