"""Importing plankaarten: the Dutch Excel dialect, XLSX, versioning, rejections, the command, constraints."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models import Count
from openpyxl import Workbook

from plankaarten.models import Plankaart, PlankaartVersie
from plankaarten.services import plankaarten_importeren
from tests.factories import BedrijventerreinFactory, GemeenteFactory, PlankaartFactory, PlankaartVersieFactory

pytestmark = pytest.mark.django_db

RESULTAAT_SLEUTELS = {"nieuw", "gewijzigd", "ongewijzigd", "afgewezen", "afwijzingen"}
VELDEN = (
    "terrein__rin",
    "zichtjaar",
    "scenario",
    "laadvermogen_kw",
    "bestelwagens",
    "vrachtwagens",
    "aandeel_eigen_terrein",
    "netcapaciteit",
    "ruimte_collectief",
    "behoefte_laadplein",
    "bron",
    "gemodelleerd",
    "actueel",
)

NL_KOP = (
    "RIN;Zichtjaar;Scenario;Laadvermogen (kW); Bestelwagens ;Vrachtwagens;Aandeel eigen terrein (%);"
    "Netcapaciteit;Ruimte collectief;Behoefte laadplein;Bron"
)
NL_RIJEN = [
    " 101 ; 2030 ; Hoog ;1.234,5; 12 ; 3 ;37,5; Ja ; ja ;Nee; Gemeente Doesburg, café-overleg ",
    "102;2025;;0,5;;;;deels;;;Provincie Gelderland – Zoë",
    "",
    "103;2035;laag;12.345.678,9;1.000,0;0;100;NEE;nee;ja;Eerbeek",
]
NL_VERWACHT = [
    (
        101,
        2030,
        "hoog",
        Decimal("1234.5"),
        12,
        3,
        Decimal("37.50"),
        "ja",
        True,
        False,
        "Gemeente Doesburg, café-overleg",
        False,
        True,
    ),
    (102, 2025, "midden", Decimal("0.5"), None, None, None, "deels", None, None, "Provincie Gelderland – Zoë", False, True),
    (103, 2035, "laag", Decimal("12345678.9"), 1000, 0, Decimal("100.00"), "nee", False, True, "Eerbeek", False, True),
]


def rijen():
    return sorted(Plankaart.objects.values_list(*VELDEN))


def alles():
    """Every plankaart and version, to check that a rejected import wrote nothing."""
    return rijen(), sorted(PlankaartVersie.objects.values_list("nummer", "bron", "bestandsnaam"))


def counts(resultaat):
    return resultaat.nieuw, resultaat.gewijzigd, resultaat.ongewijzigd, resultaat.afgewezen


def afwijzingen(resultaat):
    return [(a.rij, a.kolom, a.reden) for a in resultaat.afwijzingen]


def schrijf(tmp_path, naam, tekst, encoding="utf-8"):
    pad = tmp_path / naam
    pad.write_bytes(tekst.encode(encoding))
    return pad


def schrijf_xlsx(pad, regels):
    boek = Workbook()
    for regel in regels:
        boek.active.append(regel)
    boek.save(pad)
    return pad


@pytest.fixture
def terreinen(db):
    gemeente = GemeenteFactory(code="GM0200", naam="Apeldoorn")
    return {rin: BedrijventerreinFactory(rin=rin, gemeente=gemeente) for rin in (101, 102, 103)}


# --- the Dutch Excel dialect ------------------------------------------------------------------------


def test_windows_1252_semicolon_decimal_comma_csv_is_imported_exactly(terreinen, tmp_path):
    data = "\r\n".join([NL_KOP, *NL_RIJEN]).encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # really Windows-1252, not UTF-8
    pad = tmp_path / "plankaart.csv"
    pad.write_bytes(data)

    resultaat = plankaarten_importeren(pad=pad)

    assert afwijzingen(resultaat) == []
    assert resultaat.waarschuwingen == []
    assert counts(resultaat) == (3, 0, 0, 0)
    assert rijen() == NL_VERWACHT


def test_utf8_with_bom_variant_is_imported_exactly(terreinen, tmp_path):
    pad = schrijf(tmp_path, "plankaart.csv", "\r\n".join([NL_KOP, *NL_RIJEN]), "utf-8-sig")
    assert pad.read_bytes().startswith(b"\xef\xbb\xbf")

    resultaat = plankaarten_importeren(pad=pad)

    assert (afwijzingen(resultaat), resultaat.waarschuwingen, counts(resultaat)) == ([], [], (3, 0, 0, 0))
    assert rijen() == NL_VERWACHT


def test_xlsx_with_real_numbers_is_imported_exactly(terreinen, tmp_path):
    kop = [k.strip() for k in NL_KOP.split(";")]
    pad = schrijf_xlsx(
        tmp_path / "plankaart.xlsx",
        [
            kop,
            [101, 2030, "Hoog", 1234.5, 12, 3, 37.5, " Ja ", True, False, " Gemeente Doesburg, café-overleg "],
            [102, 2025, None, 0.5, None, None, None, "deels", None, None, "Provincie Gelderland – Zoë"],
            [None] * len(kop),
            [103, 2035, "laag", 12345678.9, 1000, 0, 100, "NEE", "nee", "ja", "Eerbeek"],
        ],
    )

    resultaat = plankaarten_importeren(pad=pad)

    assert (afwijzingen(resultaat), resultaat.waarschuwingen, counts(resultaat)) == ([], [], (3, 0, 0, 0))
    assert rijen() == NL_VERWACHT


def test_the_same_figures_as_csv_and_as_xlsx_are_unchanged_on_the_second_import(terreinen, tmp_path):
    plankaarten_importeren(pad=schrijf(tmp_path, "plankaart.csv", "\n".join([NL_KOP, *NL_RIJEN]), "cp1252"))
    kop = [k.strip() for k in NL_KOP.split(";")]
    xlsx = schrijf_xlsx(
        tmp_path / "plankaart.xlsx",
        [
            kop,
            [101, 2030, "hoog", 1234.5, 12, 3, 37.5, "ja", "ja", "nee", "Gemeente Doesburg, café-overleg"],
            [102, 2025, "midden", 0.5, None, None, None, "deels", None, None, "Provincie Gelderland – Zoë"],
            [103, 2035, "laag", 12345678.9, 1000, 0, 100, "nee", "nee", "ja", "Eerbeek"],
        ],
    )

    resultaat = plankaarten_importeren(pad=xlsx)

    assert counts(resultaat) == (0, 0, 3, 0)
    assert PlankaartVersie.objects.count() == 1


# --- versioning ---------------------------------------------------------------------------------------

EENVOUDIG = (
    "rin,zichtjaar,scenario,laadvermogen_kw,bron\n101,2030,midden,500,model\n101,2035,midden,900,model\n102,2030,hoog,250,model\n"
)


def test_first_import_creates_version_1_with_current_rows(terreinen, tmp_path):
    resultaat = plankaarten_importeren(pad=schrijf(tmp_path, "v1.csv", EENVOUDIG))

    assert counts(resultaat) == (3, 0, 0, 0)
    versie = PlankaartVersie.objects.get()
    assert (versie.nummer, versie.bron, versie.bestandsnaam, versie.gemodelleerd) == (1, "v1.csv", "v1.csv", False)
    assert sorted(versie.plankaarten.values_list("terrein__rin", "zichtjaar", "scenario", "laadvermogen_kw", "actueel")) == [
        (101, 2030, "midden", Decimal("500.0"), True),
        (101, 2035, "midden", Decimal("900.0"), True),
        (102, 2030, "hoog", Decimal("250.0"), True),
    ]


def test_reimporting_the_same_file_creates_no_version_and_reports_everything_unchanged(terreinen, tmp_path):
    pad = schrijf(tmp_path, "v1.csv", EENVOUDIG)
    plankaarten_importeren(pad=pad)
    voor = alles()

    resultaat = plankaarten_importeren(pad=pad)

    assert counts(resultaat) == (0, 0, 3, 0)
    assert alles() == voor
    assert PlankaartVersie.objects.count() == 1


def test_reimporting_a_file_without_scenario_column_uses_midden_and_changes_nothing(terreinen, tmp_path):
    pad = schrijf(tmp_path, "v1.csv", "rin;zichtjaar;laadvermogen_kw\n101;2030;500\n102;2030;250\n")
    plankaarten_importeren(pad=pad)
    voor = alles()

    resultaat = plankaarten_importeren(pad=pad)

    assert counts(resultaat) == (0, 0, 2, 0)
    assert alles() == voor
    assert set(Plankaart.objects.values_list("scenario", flat=True)) == {"midden"}


def test_a_changed_row_gets_a_new_version_and_the_old_row_is_kept_but_no_longer_current(terreinen, tmp_path):
    plankaarten_importeren(pad=schrijf(tmp_path, "v1.csv", EENVOUDIG))
    oud = Plankaart.objects.get(terrein__rin=101, zichtjaar=2035)

    resultaat = plankaarten_importeren(
        pad=schrijf(tmp_path, "v2.csv", EENVOUDIG.replace("101,2035,midden,900", "101,2035,midden,950"))
    )

    assert counts(resultaat) == (0, 1, 2, 0)
    assert PlankaartVersie.objects.count() == 2
    nieuw = PlankaartVersie.objects.get(nummer=2)
    assert (nieuw.bron, nieuw.bestandsnaam) == ("v2.csv", "v2.csv")
    assert list(nieuw.plankaarten.values_list("terrein__rin", "zichtjaar", "laadvermogen_kw", "actueel")) == [
        (101, 2035, Decimal("950.0"), True)
    ]
    oud.refresh_from_db()
    assert (oud.versie.nummer, oud.laadvermogen_kw, oud.actueel) == (1, Decimal("900.0"), False)
    # Unchanged rows stay current in version 1.
    assert sorted(Plankaart.objects.actueel().values_list("terrein__rin", "zichtjaar", "versie__nummer", "laadvermogen_kw")) == [
        (101, 2030, 1, Decimal("500.0")),
        (101, 2035, 2, Decimal("950.0")),
        (102, 2030, 1, Decimal("250.0")),
    ]
    per_sleutel = Plankaart.objects.actueel().values("terrein", "zichtjaar", "scenario").annotate(n=Count("id"))
    assert [r["n"] for r in per_sleutel] == [1, 1, 1]
    assert Plankaart.objects.count() == 4


def test_a_new_row_in_a_later_file_is_counted_as_new_in_the_next_version(terreinen, tmp_path):
    plankaarten_importeren(pad=schrijf(tmp_path, "v1.csv", EENVOUDIG))

    resultaat = plankaarten_importeren(pad=schrijf(tmp_path, "v2.csv", EENVOUDIG + "103,2025,laag,10,model\n"))

    assert counts(resultaat) == (1, 0, 3, 0)
    assert list(PlankaartVersie.objects.get(nummer=2).plankaarten.values_list("terrein__rin", "scenario")) == [(103, "laag")]


def test_unknown_columns_are_reported_as_warnings_and_are_not_fatal(terreinen, tmp_path):
    pad = schrijf(tmp_path, "p.csv", "RIN;Zichtjaar;Laadvermogen (kW);Opmerking;Contactpersoon\n101;2030;500;nakijken;Piet\n")

    resultaat = plankaarten_importeren(pad=pad)

    assert resultaat.geslaagd
    assert resultaat.waarschuwingen == ["onbekende kolom genegeerd: Opmerking", "onbekende kolom genegeerd: Contactpersoon"]
    assert counts(resultaat) == (1, 0, 0, 0)
    assert Plankaart.objects.get().laadvermogen_kw == Decimal("500.0")


# --- rejections: nothing is written ---------------------------------------------------------------------

KOP = "rin;zichtjaar;scenario;laadvermogen_kw;bestelwagens;aandeel_eigen_terrein;netcapaciteit;ruimte_collectief;bron"
GOED = "102;2030;midden;300;5;50;ja;ja;nieuw"  # valid, and would change 102/2030 if written


@pytest.fixture
def eerste_versie(terreinen, tmp_path):
    pad = schrijf(tmp_path, "v1.csv", f"{KOP}\n101;2030;midden;500;;;;;\n102;2030;midden;250;;;;;\n")
    assert plankaarten_importeren(pad=pad).geslaagd
    return alles()


@pytest.mark.parametrize(
    ("slecht", "verwacht"),
    [
        ("999;2030;midden;100;;;;;", (3, "rin", "onbekend bedrijventerrein: RIN 999")),
        (";2030;midden;100;;;;;", (3, "rin", "RIN-nummer ontbreekt")),
        ("101;2040;midden;100;;;;;", (3, "zichtjaar", "zichtjaar 2040 is niet 2025, 2030 of 2035")),
        ("101;;midden;100;;;;;", (3, "zichtjaar", "zichtjaar ontbreekt")),
        ("101;2030;extreem;100;;;;;", (3, "scenario", "'extreem' is niet een van: laag, midden, hoog")),
        ("101;2030;midden;-5;;;;;", (3, "laadvermogen_kw", "laadvermogen mag niet negatief zijn")),
        ("101;2030;midden;;;;;;", (3, "laadvermogen_kw", "laadvermogen ontbreekt")),
        ("101;2030;midden;veel;;;;;", (3, "laadvermogen_kw", "'veel' is geen getal")),
        ("101;2030;midden;100;-1;;;;", (3, "bestelwagens", "aantal mag niet negatief zijn")),
        ("101;2030;midden;100;2,5;;;;", (3, "bestelwagens", "'2,5' is geen geheel getal")),
        ("101;2030;midden;100;;120;;;", (3, "aandeel_eigen_terrein", "percentage moet tussen 0 en 100 liggen")),
        ("101;2030;midden;100;;;misschien;;", (3, "netcapaciteit", "'misschien' is niet een van: ja, deels, nee")),
        ("101;2030;midden;100;;;;soms;", (3, "ruimte_collectief", "'soms' is geen ja/nee")),
        ("102;2030;MIDDEN;100;;;;;", (3, "zichtjaar", "dubbele rij voor dit terrein, zichtjaar en scenario (ook rij 2)")),
        ("102;2030;;100;;;;;", (3, "zichtjaar", "dubbele rij voor dit terrein, zichtjaar en scenario (ook rij 2)")),
        ("101;2030;midden;100;;;;;;", (3, None, "meer waarden dan kolommen")),
    ],
    ids=[
        "rin-onbekend",
        "rin-leeg",
        "zichtjaar-2040",
        "zichtjaar-leeg",
        "scenario-onbekend",
        "laadvermogen-negatief",
        "laadvermogen-leeg",
        "laadvermogen-tekst",
        "bestelwagens-negatief",
        "bestelwagens-breuk",
        "aandeel-boven-100",
        "netcapaciteit-misschien",
        "ruimte-soms",
        "dubbel",
        "dubbel-standaardscenario",
        "te-veel-waarden",
    ],
)
def test_a_bad_row_is_rejected_with_row_column_and_reason_and_nothing_is_written(eerste_versie, tmp_path, slecht, verwacht):
    resultaat = plankaarten_importeren(pad=schrijf(tmp_path, "v2.csv", f"{KOP}\n{GOED}\n{slecht}\n"))

    assert afwijzingen(resultaat) == [verwacht]
    assert resultaat.afgewezen == 1
    assert alles() == eerste_versie


def test_every_bad_row_is_reported_not_only_the_first(eerste_versie, tmp_path):
    pad = schrijf(tmp_path, "v2.csv", f"{KOP}\n{GOED}\n999;2040;midden;-1;;;;;\n101;2030;midden;100;;;misschien;;\n")

    resultaat = plankaarten_importeren(pad=pad)

    assert afwijzingen(resultaat) == [
        (3, "rin", "onbekend bedrijventerrein: RIN 999"),
        (3, "zichtjaar", "zichtjaar 2040 is niet 2025, 2030 of 2035"),
        (3, "laadvermogen_kw", "laadvermogen mag niet negatief zijn"),
        (4, "netcapaciteit", "'misschien' is niet een van: ja, deels, nee"),
    ]
    assert resultaat.afgewezen == 2
    assert alles() == eerste_versie


def test_missing_required_column_is_a_file_level_rejection(eerste_versie, tmp_path):
    resultaat = plankaarten_importeren(pad=schrijf(tmp_path, "v2.csv", "RIN;Jaar;Bron\n101;2030;x\n"))

    assert afwijzingen(resultaat) == [(None, None, "verplichte kolom ontbreekt: laadvermogen_kw")]
    assert alles() == eerste_versie


def test_utf16_file_is_a_file_level_rejection(eerste_versie, tmp_path):
    resultaat = plankaarten_importeren(pad=schrijf(tmp_path, "v2.csv", f"{KOP}\n{GOED}\n", "utf-16"))

    assert [(a.bestand, a.rij, a.kolom) for a in resultaat.afwijzingen] == [("v2.csv", None, None)]
    assert "UTF-16" in resultaat.afwijzingen[0].reden
    assert alles() == eerste_versie


def test_a_file_named_xlsx_that_is_not_a_workbook_is_a_file_level_rejection(eerste_versie, tmp_path):
    resultaat = plankaarten_importeren(pad=schrijf(tmp_path, "v2.xlsx", f"{KOP}\n{GOED}\n"))

    assert [(a.bestand, a.rij, a.kolom) for a in resultaat.afwijzingen] == [("v2.xlsx", None, None)]
    assert "geen geldig XLSX-bestand" in resultaat.afwijzingen[0].reden
    assert alles() == eerste_versie


@pytest.mark.parametrize(
    ("slecht", "kolom"),
    [
        ("101;2030;midden;100000000000;;;;;", "laadvermogen_kw"),  # numeric(12,1) holds < 10^11
        ("101;2030;midden;100;3000000000;;;;", "bestelwagens"),  # beyond a PostgreSQL integer
        (f"101;2030;midden;100;;;;;{'x' * 301}", "bron"),  # max_length 300
    ],
    ids=["laadvermogen", "bestelwagens", "bron"],
)
def test_a_value_too_large_for_the_database_is_rejected_on_its_row_not_a_crash(eerste_versie, tmp_path, slecht, kolom):
    resultaat = plankaarten_importeren(pad=schrijf(tmp_path, "v2.csv", f"{KOP}\n{GOED}\n{slecht}\n"))

    assert [(a.rij, a.kolom) for a in resultaat.afwijzingen] == [(3, kolom)]
    assert alles() == eerste_versie


# --- the management command -----------------------------------------------------------------------------


def test_command_json_prints_one_object_with_the_counts(terreinen, tmp_path):
    out = io.StringIO()
    call_command("import_plankaarten", str(schrijf(tmp_path, "v1.csv", EENVOUDIG)), "--json", stdout=out)

    resultaat = json.loads(out.getvalue())
    assert resultaat.keys() >= RESULTAAT_SLEUTELS
    assert (resultaat["nieuw"], resultaat["gewijzigd"], resultaat["ongewijzigd"], resultaat["afgewezen"]) == (3, 0, 0, 0)
    assert resultaat["afwijzingen"] == []
    assert Plankaart.objects.count() == 3


def test_command_dry_run_reports_counts_and_writes_nothing(terreinen, tmp_path):
    out = io.StringIO()
    call_command("import_plankaarten", str(schrijf(tmp_path, "v1.csv", EENVOUDIG)), "--dry-run", "--json", stdout=out)

    resultaat = json.loads(out.getvalue())
    assert (resultaat["nieuw"], resultaat["gewijzigd"], resultaat["ongewijzigd"], resultaat["afgewezen"]) == (3, 0, 0, 0)
    assert (Plankaart.objects.count(), PlankaartVersie.objects.count()) == (0, 0)


def test_command_exits_with_status_1_and_lists_rejections(eerste_versie, tmp_path):
    out = io.StringIO()
    pad = schrijf(tmp_path, "v2.csv", f"{KOP}\n{GOED}\n101;2040;midden;100;;;;;\n")

    with pytest.raises(SystemExit) as exc:
        call_command("import_plankaarten", str(pad), "--json", stdout=out)

    assert exc.value.code == 1
    resultaat = json.loads(out.getvalue())
    assert resultaat["afgewezen"] == 1
    assert resultaat["afwijzingen"] == [
        {"bestand": "v2.csv", "rij": 3, "kolom": "zichtjaar", "reden": "zichtjaar 2040 is niet 2025, 2030 of 2035"}
    ]
    assert alles() == eerste_versie


# --- database constraints -------------------------------------------------------------------------------


def test_database_rejects_zichtjaar_2040():
    with pytest.raises(IntegrityError, match="plankaart_zichtjaar_geldig"), transaction.atomic():
        PlankaartFactory(zichtjaar=2040)


def test_database_rejects_two_rows_for_the_same_park_year_scenario_and_version():
    eerste = PlankaartFactory(zichtjaar=2030, scenario="hoog", actueel=False)
    with pytest.raises(IntegrityError, match="plankaart_uniek_per_versie"), transaction.atomic():
        PlankaartFactory(terrein=eerste.terrein, versie=eerste.versie, zichtjaar=2030, scenario="hoog", actueel=False)


def test_database_rejects_two_current_rows_for_the_same_park_year_and_scenario():
    eerste = PlankaartFactory(zichtjaar=2030, scenario="midden")
    with pytest.raises(IntegrityError, match="plankaart_een_actuele_per_sleutel"), transaction.atomic():
        PlankaartFactory(terrein=eerste.terrein, versie=PlankaartVersieFactory(), zichtjaar=2030, scenario="midden")


def test_database_accepts_older_versions_that_are_no_longer_current():
    eerste = PlankaartFactory(zichtjaar=2030, scenario="midden", actueel=False)
    PlankaartFactory(terrein=eerste.terrein, versie=PlankaartVersieFactory(), zichtjaar=2030, scenario="midden")
    PlankaartFactory(terrein=eerste.terrein, versie=PlankaartVersieFactory(), zichtjaar=2030, scenario="midden", actueel=False)
    assert Plankaart.objects.filter(terrein=eerste.terrein).count() == 3


def test_database_rejects_negative_laadvermogen():
    with pytest.raises(IntegrityError, match="plankaart_laadvermogen_niet_negatief"), transaction.atomic():
        PlankaartFactory(laadvermogen_kw=Decimal("-0.1"))


@pytest.mark.parametrize(
    ("velden", "constraint"),
    [
        ({"scenario": "extreem"}, "plankaart_scenario_geldig"),
        ({"aandeel_eigen_terrein": Decimal("100.01")}, "plankaart_aandeel_eigen_terrein_percentage"),
        ({"netcapaciteit": "soms"}, "plankaart_netcapaciteit_geldig"),
    ],
)
def test_database_rejects_other_invalid_plankaart_values(velden, constraint):
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        PlankaartFactory(**velden)
