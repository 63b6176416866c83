"""The one spreadsheet rule (nal_oost/exports.py): what a Dutch user's Excel reads from every CSV and XLSX we write."""

import csv
import io
import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.utils import translation
from openpyxl import load_workbook

from nal_oost.exports import Blad, csv_bestand, csv_cel, werkboek
from nal_oost.importeren import parse_decimaal

# A number in a Dutch CSV: digits, optionally a decimal comma; never a dot (Dutch Excel reads `3.765` as 3765).
NL_GETAL = re.compile(r"^-?\d+(,\d+)?$")


@pytest.mark.parametrize(
    ("waarde", "cel"),
    [
        (Decimal("3765.0"), "3765"),  # the selection round's `3765.0`
        (Decimal("20.0000"), "20"),
        (Decimal("2.50"), "2,5"),
        (Decimal("1E+6"), "1000000"),
        (0.1 + 0.2, "0,3"),  # no float artefact
        (101.5, "101,5"),
        (-0.25, "-0,25"),  # a negative number, not a formula
        (3765, "3765"),
        (3765.0, "3765"),
        (True, "ja"),
        (False, "nee"),
        (None, ""),
        (date(2026, 12, 31), "31-12-2026"),
        ("=1+1", "'=1+1"),
        ("-kort", "'-kort"),
    ],
)
def test_a_csv_cell_follows_the_dutch_rule(waarde, cel):
    assert csv_cel(waarde) == cel


@pytest.mark.parametrize(
    ("utc", "lokaal"),
    [
        (datetime(2026, 6, 30, 22, 30, tzinfo=UTC), "01-07-2026 00:30"),  # summer time: UTC+2
        (datetime(2026, 1, 15, 23, 15, tzinfo=UTC), "16-01-2026 00:15"),  # winter time: UTC+1
    ],
)
def test_a_moment_in_a_csv_is_dutch_local_time_not_utc(utc, lokaal):
    assert csv_cel(utc) == lokaal


def test_a_csv_round_trips_through_the_dutch_excel_dialect():
    rijen = [["naam", "kW", "ha", "op"], ["Kellen", Decimal("3810.0"), 20.5, datetime(2026, 3, 1, 8, 5, tzinfo=UTC)]]
    data = csv_bestand(rijen)
    assert data.startswith("\ufeff".encode()) and b"\r\n" in data
    gelezen = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert gelezen[1][0] == "Kellen"
    assert all(NL_GETAL.match(c) for c in gelezen[1][1:3])
    assert [parse_decimaal(c, nl=True) for c in gelezen[1][1:3]] == [Decimal("3810"), Decimal("20.5")]
    assert datetime.strptime(gelezen[1][3], "%d-%m-%Y %H:%M") == datetime(2026, 3, 1, 9, 5)


def test_an_xlsx_holds_real_numbers_and_local_dates_with_dutch_friendly_formats():
    inhoud = werkboek(
        [
            Blad(
                "Blad",
                ["RIN", "kW", "ha", "dagen", "op", "datum", "ja/nee", "tekst"],
                [
                    [
                        1121,
                        Decimal("3810.0"),
                        Decimal("20.50"),
                        0.1 + 0.2,
                        datetime(2026, 7, 1, 6, 0, tzinfo=UTC),
                        date(2026, 7, 2),
                        True,
                        "+31",
                    ]
                ],
                inleiding=[["Selectieronde", "Start"], []],
            )
        ]
    )
    blad = load_workbook(io.BytesIO(inhoud)).active
    assert blad["A1"].value == "Selectieronde" and blad["A3"].font.bold
    rin, kw, ha, dagen, op, datum, janee, tekst = blad[4]
    assert (rin.value, rin.number_format) == (1121, "General")  # an identifier is not grouped
    assert (kw.value, kw.number_format) == (3810, "#,##0")
    assert (ha.value, ha.number_format) == (20.5, "#,##0.0##")
    assert dagen.value == 0.3
    assert (op.value, op.number_format) == (datetime(2026, 7, 1, 8, 0), "dd-mm-yyyy hh:mm")  # Amsterdam, naive
    assert op.is_date and datum.is_date and datum.number_format == "dd-mm-yyyy"
    assert janee.value == "ja"
    assert tekst.value == "'+31"


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [
        (Decimal("1100000"), "1.100.000"),
        (Decimal("1.1E+6"), "1.100.000"),
        (Decimal("0.570"), "0,57"),
        (3765.0, "3.765"),
        (0.1 + 0.2, "0,3"),
        (Decimal("4100.50"), "4.100,5"),
        (1187, "1.187"),
        (None, None),
        ("–", "–"),
    ],
)
def test_a_number_on_screen_is_grouped_with_a_decimal_comma_like_in_the_export(waarde, tekst):
    from nal_oost.templatetags.getallen import getal

    with translation.override("nl"):
        assert getal(waarde) == tekst


def test_a_number_on_screen_can_be_rounded():
    from nal_oost.templatetags.getallen import getal

    with translation.override("nl"):
        assert getal(Decimal("3765.46"), 1) == "3.765,5"
        assert getal(Decimal("3765.04"), 1) == "3.765"
