import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from overzicht.exports import formule_veilig
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory

pytestmark = pytest.mark.django_db

GEVAARLIJK = ['=HYPERLINK("http://x")', "+31 6", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]


@pytest.mark.parametrize("tekst", GEVAARLIJK)
def test_text_a_spreadsheet_would_evaluate_gets_a_leading_apostrophe(tekst):
    assert formule_veilig(tekst) == "'" + tekst


@pytest.mark.parametrize("waarde", ["Ecofactorij", "A=B", "", 12, None])
def test_ordinary_values_pass_unchanged(waarde):
    assert formule_veilig(waarde) == waarde


@pytest.fixture
def ingelogd(client, twee_gemeenten, maak_gebruiker):
    for i, naam in enumerate(GEVAARLIJK):
        BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam=naam, rin=900 + i)
    user = maak_gebruiker("medewerker")
    assert client.login(username=user.username, password=WACHTWOORD)
    return client


def test_csv_export_neutralises_formulas_and_uses_dutch_excel_conventions(ingelogd):
    response = ingelogd.get(reverse("terrein-export", args=["csv"]), {"sortering": "rin", "kolommen": "alle"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    namen = [r[1] for r in rijen[1:]]
    assert namen == ["'" + n for n in GEVAARLIJK]
    assert rijen[1][6] == "20"  # netto ha, Decimal 20.0000 without trailing zeros
    assert rijen[1][5] == "25"


def test_xlsx_export_has_no_formula_cells_and_numbers_stay_numbers(ingelogd):
    response = ingelogd.get(reverse("terrein-export", args=["xlsx"]), {"sortering": "rin", "kolommen": "alle"})
    assert response["Content-Disposition"].endswith('.xlsx"')
    blad = load_workbook(io.BytesIO(response.content)).active
    cellen = [c for rij in blad.iter_rows(min_row=2) for c in rij]
    assert all(c.data_type != "f" for c in cellen)
    namen = [blad.cell(row=i, column=2).value for i in range(2, 2 + len(GEVAARLIJK))]
    # XML normalises a carriage return to a newline when read back; the apostrophe is what matters.
    assert namen == ["'" + n.replace("\r", "\n") for n in GEVAARLIJK]
    assert blad.cell(row=2, column=1).value == 900
    assert blad.cell(row=2, column=7).value == 20
    assert blad.cell(row=1, column=1).font.bold
