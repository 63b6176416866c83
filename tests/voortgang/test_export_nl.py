"""The quarterly report's spreadsheet as a Dutch Excel user reads it: real dates shown dd-mm-jjjj, real numbers."""

import io
from datetime import datetime

import pytest
from openpyxl import load_workbook

from voortgang import selectors, services

pytestmark = pytest.mark.django_db


def test_quarterly_xlsx_has_dates_as_dates_and_figures_as_numbers(geschiedenis, maak_gebruiker):
    gegevens = selectors.kwartaal_gegevens(user=maak_gebruiker("medewerker"), kwartaal="2026-3", filters={})
    boek = load_workbook(io.BytesIO(services.kwartaalrapport_xlsx(gegevens=gegevens)))
    eerste = boek["Bewegingen"]["A2"]
    assert eerste.is_date and eerste.number_format == "dd-mm-yyyy"
    assert eerste.value == datetime(2026, 7, 1)  # C: 2 → 3 on 1 July (a date, no time of day)
    startsessie = next(r for r in boek["Doorlooptijden"].iter_rows(min_row=2) if r[0].value == "2. Startsessie")
    mediaan = startsessie[2]
    assert mediaan.value == 101.5 and mediaan.number_format == "#,##0.0##"
    assert all(c.number_format == "dd-mm-yyyy" for r in boek["Bewegingen"].iter_rows(min_row=2) for c in r[:1])
