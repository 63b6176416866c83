"""The park list's exports and the criteria import sheet read as a Dutch Excel user reads them."""

import csv
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from nal_oost.importeren import parse_decimaal
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, PlankaartFactory

pytestmark = pytest.mark.django_db

NL_GETAL = re.compile(r"^-?\d+(,\d+)?$")


@pytest.fixture
def ingelogd(client, twee_gemeenten, maak_gebruiker):
    terrein = BedrijventerreinFactory(
        gemeente=twee_gemeenten[0],
        naam="Ecofactorij",
        rin=1121,
        ha_bruto=Decimal("25.25"),
        ha_netto=Decimal("20.0"),
        aandeel_logistiek=Decimal("12.5"),
        afstand_ze_zone_km=Decimal("2.50"),
    )
    PlankaartFactory(terrein=terrein, zichtjaar=2030, laadvermogen_kw=Decimal("3765.0"))
    PlankaartFactory(terrein=terrein, zichtjaar=2035, laadvermogen_kw=Decimal("4100.5"))
    user = maak_gebruiker("regisseur")
    assert client.login(username=user.username, password=WACHTWOORD)
    return client


def kolommen(kop: list[str], rij: list) -> dict:
    return dict(zip(kop, rij, strict=True))


def test_park_list_csv_has_dutch_numbers_without_trailing_zero_or_dot(ingelogd):
    data = ingelogd.get(reverse("terrein-export", args=["csv"]), {"kolommen": "alle"}).content.decode("utf-8-sig")
    kop, rij = list(csv.reader(io.StringIO(data), delimiter=";"))
    cellen = kolommen(kop, rij)
    assert cellen["RIN-nummer"] == "1121"
    assert cellen["Bruto oppervlakte (ha)"] == "25,25"
    assert cellen["Netto oppervlakte (ha)"] == "20"
    assert cellen["Aandeel logistiek (%)"] == "12,5"
    assert cellen["Laadvraag 2030 (kW, scenario midden)"] == "3765"
    assert cellen["Laadvraag 2035 (kW, scenario midden)"] == "4100,5"
    getallen = [c for k, c in cellen.items() if c and ("(ha)" in k or "(kW" in k or "(%)" in k)]
    assert all(NL_GETAL.match(c) for c in getallen), getallen
    assert parse_decimaal(cellen["Laadvraag 2035 (kW, scenario midden)"], nl=True) == Decimal("4100.5")


def test_park_list_xlsx_has_real_numbers_with_a_grouped_format(ingelogd):
    blad = load_workbook(io.BytesIO(ingelogd.get(reverse("terrein-export", args=["xlsx"]), {"kolommen": "alle"}).content)).active
    kop = [c.value for c in blad[1]]
    cellen = kolommen(kop, list(blad[2]))
    assert cellen["RIN-nummer"].value == 1121 and cellen["RIN-nummer"].number_format == "General"
    kw = cellen["Laadvraag 2030 (kW, scenario midden)"]
    assert (kw.value, kw.number_format) == (3765, "#,##0")
    kw = cellen["Laadvraag 2035 (kW, scenario midden)"]
    assert (kw.value, kw.number_format) == (4100.5, "#,##0.0##")
    assert cellen["Bruto oppervlakte (ha)"].value == 25.25


def test_criteria_import_sheet_writes_real_numbers(ingelogd):
    blad = load_workbook(io.BytesIO(ingelogd.get(reverse("terrein-importblad")).content)).active
    cellen = kolommen([c.value for c in blad[1]], list(blad[2]))
    afstand = cellen["Afstand tot ZE-zone (km)"]
    assert (afstand.value, afstand.number_format) == (2.5, "#,##0.0##")
    assert cellen["Aandeel logistiek (%)"].value == 12.5
