"""Unit tests of the shared import machinery: Dutch value parsing, headings, reading tables."""

from decimal import Decimal

import pytest
from openpyxl import Workbook

from nal_oost.importeren import (
    BestandFout,
    ImportResultaat,
    WaardeFout,
    kolommen_toewijzen,
    lees_tabel,
    normaliseer_kop,
    parse_decimaal,
    parse_geheel,
    parse_janee,
    rapport,
)

# --- parse_decimaal -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [
        ("1.234,5", Decimal("1234.5")),
        ("1234,5", Decimal("1234.5")),
        ("1234.5", Decimal("1234.5")),
        ("12.345.678,90", Decimal("12345678.90")),
        ("0,25", Decimal("0.25")),
        (" 42 ", Decimal("42")),
        ("1 234,5", Decimal("1234.5")),
        ("\u00a01.234,5\u00a0", Decimal("1234.5")),
        ("-3,5", Decimal("-3.5")),
        (7, Decimal("7")),
        (2.5, Decimal("2.5")),
        (0.1, Decimal("0.1")),
        (Decimal("3.14"), Decimal("3.14")),
    ],
)
def test_parse_decimaal_reads_dutch_and_plain_notation_and_spreadsheet_numbers(invoer, verwacht):
    assert parse_decimaal(invoer) == verwacht


@pytest.mark.parametrize("leeg", [None, ""])
def test_parse_decimaal_treats_empty_as_missing(leeg):
    assert parse_decimaal(leeg) is None


@pytest.mark.parametrize("onzin", ["veel", "1,2,3", "NaN", "Infinity", "-", "12 kW", True])
def test_parse_decimaal_rejects_text_that_is_not_a_finite_number(onzin):
    with pytest.raises(WaardeFout, match="is geen getal"):
        parse_decimaal(onzin)


def test_parse_decimaal_error_quotes_the_original_value():
    with pytest.raises(WaardeFout) as exc:
        parse_decimaal("veel")
    assert str(exc.value) == "'veel' is geen getal"


@pytest.mark.parametrize(("invoer", "verwacht"), [("12", 12), ("1.000,0", 1000), ("2030", 2030), (2030, 2030), (2030.0, 2030)])
def test_parse_geheel_accepts_whole_numbers(invoer, verwacht):
    assert parse_geheel(invoer) == verwacht


@pytest.mark.parametrize("breuk", ["12,5", "2.030", 0.5])
def test_parse_geheel_rejects_a_fraction(breuk):
    # A dot without a comma is a decimal point, so "2.030" is 2.03, not 2030.
    with pytest.raises(WaardeFout, match="is geen geheel getal"):
        parse_geheel(breuk)


# --- parse_janee ----------------------------------------------------------------------------


@pytest.mark.parametrize("ja", ["ja", "Ja", " JA ", "j", "yes", "Y", "true", "waar", "1", 1, True])
def test_parse_janee_reads_yes_variants_as_true(ja):
    assert parse_janee(ja) is True


@pytest.mark.parametrize("nee", ["nee", "Nee", " NEE ", "n", "no", "false", "onwaar", "0", 0, False])
def test_parse_janee_reads_no_variants_as_false(nee):
    assert parse_janee(nee) is False


@pytest.mark.parametrize("leeg", [None, ""])
def test_parse_janee_treats_empty_as_unknown(leeg):
    assert parse_janee(leeg) is None


@pytest.mark.parametrize("onzin", ["misschien", "jawel", "2", 2])
def test_parse_janee_rejects_anything_else(onzin):
    with pytest.raises(WaardeFout, match="is geen ja/nee"):
        parse_janee(onzin)


# --- normaliseer_kop / kolommen_toewijzen -------------------------------------------------------


@pytest.mark.parametrize(
    ("kop", "verwacht"),
    [
        ("Laadvermogen (kW)", "laadvermogen_kw"),
        (" Bestelwagens ", "bestelwagens"),
        ("RIN", "rin"),
        ("\ufeffRIN", "rin"),
        ("\ufeff rin ", "rin"),
        ("GEM_CODES", "gem_codes"),
        ("gem-codes", "gem_codes"),
        ("Gem Codes", "gem_codes"),
        ("gem - codes", "gem_codes"),
        ("Aandeel eigen terrein (%)", "aandeel_eigen_terrein_%"),
        ("HA_TOTTUIT", "ha_tottuit"),
        ("", ""),
        (None, ""),
    ],
)
def test_normaliseer_kop_makes_headings_case_space_and_punctuation_insensitive(kop, verwacht):
    assert normaliseer_kop(kop) == verwacht


ALIASSEN = {"rin": ("ibis_rin", "rin_nummer"), "naam": ("plan_naam",), "ha_netto": ()}


def test_kolommen_toewijzen_maps_aliases_and_reports_unknown_columns():
    kolommen = kolommen_toewijzen(
        ["RIN_NUMMER", "Plan Naam", "HA-NETTO", "Opmerking", "provincie"], ALIASSEN, ("rin",), ("provincie",)
    )
    assert kolommen.koppen == {"rin": "RIN_NUMMER", "naam": "Plan Naam", "ha_netto": "HA-NETTO"}
    assert kolommen.onbekend == ["Opmerking"]


def test_kolommen_toewijzen_names_every_missing_required_column():
    with pytest.raises(BestandFout) as exc:
        kolommen_toewijzen(["ha_netto"], ALIASSEN, ("rin", "naam"))
    assert str(exc.value) == "verplichte kolom ontbreekt: rin, naam"


def test_kolom_waarde_strips_whitespace_and_turns_blank_into_none():
    kolommen = kolommen_toewijzen(["RIN", "naam"], ALIASSEN, ("rin",))
    assert kolommen.waarde({"RIN": "  101 ", "naam": "   "}, "rin") == "101"
    assert kolommen.waarde({"RIN": "  101 ", "naam": "   "}, "naam") is None
    assert kolommen.waarde({"RIN": 101}, "rin") == 101
    assert kolommen.waarde({"RIN": 101}, "ha_netto") is None


# --- lees_tabel -------------------------------------------------------------------------------


def test_lees_tabel_reads_utf8_comma_separated(tmp_path):
    pad = tmp_path / "a.csv"
    pad.write_text("rin,naam,ha_netto\n101,Ekkersrijt,12.5\n102,De Kar,3\n", encoding="utf-8")
    koppen, rijen = lees_tabel(pad)
    assert koppen == ["rin", "naam", "ha_netto"]
    assert rijen == [
        (2, {"rin": "101", "naam": "Ekkersrijt", "ha_netto": "12.5"}),
        (3, {"rin": "102", "naam": "De Kar", "ha_netto": "3"}),
    ]


def test_lees_tabel_reads_semicolon_utf8_with_bom_and_strips_headings(tmp_path):
    pad = tmp_path / "a.csv"
    pad.write_bytes("RIN; Naam ;Laadvermogen (kW)\r\n101;Zuidbroek;1.234,5\r\n".encode("utf-8-sig"))
    koppen, rijen = lees_tabel(pad)
    assert koppen == ["RIN", "Naam", "Laadvermogen (kW)"]
    assert rijen == [(2, {"RIN": "101", "Naam": "Zuidbroek", "Laadvermogen (kW)": "1.234,5"})]


def test_lees_tabel_reads_windows_1252(tmp_path):
    pad = tmp_path / "a.csv"
    data = "rin;naam;bron\n101;Eëlbroek;Café Doesburg – 2024\n".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    pad.write_bytes(data)
    _koppen, rijen = lees_tabel(pad)
    assert rijen == [(2, {"rin": "101", "naam": "Eëlbroek", "bron": "Café Doesburg – 2024"})]


def test_lees_tabel_reads_tab_separated(tmp_path):
    pad = tmp_path / "a.txt"
    pad.write_text("rin\tnaam\tha_netto\n101\tA, B en C\t1,5\n", encoding="utf-8")
    koppen, rijen = lees_tabel(pad)
    assert koppen == ["rin", "naam", "ha_netto"]
    assert rijen == [(2, {"rin": "101", "naam": "A, B en C", "ha_netto": "1,5"})]


def test_lees_tabel_keeps_quoted_separators_inside_a_value(tmp_path):
    pad = tmp_path / "a.csv"
    pad.write_text('rin;naam\n101;"Kanaal; Noord"\n', encoding="utf-8")
    assert lees_tabel(pad)[1] == [(2, {"rin": "101", "naam": "Kanaal; Noord"})]


def test_lees_tabel_skips_blank_lines_but_keeps_the_row_numbers_a_user_sees(tmp_path):
    pad = tmp_path / "a.csv"
    pad.write_text("rin;naam\n101;A\n\n;\n104;D\n", encoding="utf-8")
    assert [nummer for nummer, _rij in lees_tabel(pad)[1]] == [2, 5]


def test_lees_tabel_marks_a_row_with_more_values_than_headings(tmp_path):
    pad = tmp_path / "a.csv"
    pad.write_text("rin;naam\n101;A;extra\n", encoding="utf-8")
    assert lees_tabel(pad)[1] == [(2, {"__te_veel__": 3})]


def test_lees_tabel_refuses_utf16_as_a_whole_file(tmp_path):
    pad = tmp_path / "a.csv"
    pad.write_bytes("rin;naam\n101;A\n".encode("utf-16"))
    with pytest.raises(BestandFout, match="UTF-16"):
        lees_tabel(pad)


def test_lees_tabel_refuses_bytes_that_are_neither_utf8_nor_windows_1252(tmp_path):
    pad = tmp_path / "a.csv"
    pad.write_bytes(b"rin;naam\n101;A\x81B\n")
    with pytest.raises(BestandFout) as exc:
        lees_tabel(pad)
    assert "0x81" in str(exc.value)
    assert "positie 14" in str(exc.value)  # 0-based byte offset


def test_lees_tabel_refuses_an_empty_file(tmp_path):
    pad = tmp_path / "a.csv"
    pad.write_bytes(b"")
    with pytest.raises(BestandFout, match="leeg"):
        lees_tabel(pad)


def test_lees_tabel_reads_xlsx_keeping_numbers_as_numbers(tmp_path):
    pad = tmp_path / "a.xlsx"
    boek = Workbook()
    blad = boek.active
    blad.append([" RIN ", "Laadvermogen (kW)", "Netcapaciteit", None])
    blad.append([101, 1234.5, " ja ", None])
    blad.append([None, None, None, None])
    blad.append([102, 7, None, None])
    boek.save(pad)
    koppen, rijen = lees_tabel(pad)
    assert koppen == ["RIN", "Laadvermogen (kW)", "Netcapaciteit", ""]
    assert rijen == [
        (2, {"RIN": 101, "Laadvermogen (kW)": 1234.5, "Netcapaciteit": " ja ", "": ""}),
        (4, {"RIN": 102, "Laadvermogen (kW)": 7, "Netcapaciteit": "", "": ""}),
    ]
    assert isinstance(rijen[0][1]["RIN"], int)


def test_lees_tabel_refuses_a_text_file_named_xlsx(tmp_path):
    pad = tmp_path / "a.xlsx"
    pad.write_text("rin;naam\n101;A\n", encoding="utf-8")
    with pytest.raises(BestandFout, match="geen geldig XLSX-bestand"):
        lees_tabel(pad)


# --- ImportResultaat / rapport --------------------------------------------------------------------


def test_afgewezen_counts_rejected_rows_not_rejections():
    resultaat = ImportResultaat(bestand="x.csv")
    resultaat.wijs_af(3, "rin", "a")
    resultaat.wijs_af(3, "naam", "b")
    resultaat.wijs_af(5, "rin", "c")
    assert resultaat.afgewezen == 2
    assert not resultaat.geslaagd


def test_a_file_level_rejection_counts_as_one():
    resultaat = ImportResultaat(bestand="x.csv")
    resultaat.wijs_af(None, None, "het bestand is leeg")
    assert resultaat.afgewezen == 1
    assert resultaat.as_dict()["afwijzingen"] == [
        {"bestand": "x.csv", "rij": None, "kolom": None, "reden": "het bestand is leeg"}
    ]


def test_rapport_says_nothing_was_written_when_rejected_and_marks_a_dry_run():
    resultaat = ImportResultaat(bestand="x.csv", dry_run=True, nieuw=2)
    resultaat.waarschuwingen.append("onbekende kolom genegeerd: Opmerking")
    resultaat.wijs_af(4, "rin", "RIN-nummer ontbreekt")
    assert rapport(resultaat).splitlines() == [
        "Proefimport (niets geschreven): x.csv: nieuw 2, gewijzigd 0, ongewijzigd 0, afgewezen 1",
        "  waarschuwing: onbekende kolom genegeerd: Opmerking",
        "  afgewezen: x.csv, rij 4, kolom 'rin': RIN-nummer ontbreekt",
        "Er is niets geschreven.",
    ]
