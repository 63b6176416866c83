"""A selection round's CSV and XLSX as a Dutch Excel user reads them: decimal comma, local time, Dutch adjectives."""

import csv
import io
import re
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from nal_oost.importeren import parse_decimaal
from prioritering import services
from prioritering.models import Selectieronde
from tests.conftest import WACHTWOORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def ronde(twee_gemeenten, maak_terrein, client, maak_gebruiker) -> Selectieronde:
    apeldoorn, zwolle = twee_gemeenten
    maak_terrein(gemeente=apeldoorn, naam="Kellen", kw_2030="3765.0", kw_2035=9000, groot=True)
    maak_terrein(gemeente=apeldoorn, naam="Ecofactorij", kw_2030="1250.5", kw_2035=100, klein=True)
    maak_terrein(gemeente=zwolle, naam="Hessenpoort", kw_2030="2000", kw_2035=5000)
    for i in range(6):  # the lower tertiles: the three above are the candidates (demand class hoog)
        maak_terrein(gemeente=(apeldoorn, zwolle)[i % 2], naam=f"Klein {i}", kw_2030=i + 1, kw_2035=1)
    services.prioriteiten_berekenen()
    ronde = services.selectieronde_maken(naam="Startronde", aantal=3)
    # 23:30 UTC on 30 June is already 1 July in Amsterdam (summer time, UTC+2).
    Selectieronde.objects.filter(pk=ronde.pk).update(aangemaakt_op=datetime(2026, 6, 30, 23, 30, tzinfo=UTC))
    assert client.login(username=maak_gebruiker("medewerker").username, password=WACHTWOORD)
    return ronde


def test_round_csv_has_decimal_commas_local_time_and_correct_adjectives(client, ronde):
    data = client.get(reverse("prioritering:ronde-export", args=[ronde.pk, "csv"])).content
    assert data.startswith("\ufeff".encode())
    rijen = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    kop = dict(r for r in rijen if len(r) == 2)
    assert kop["Aangemaakt op"] == "01-07-2026 01:30"
    koppen = next(r for r in rijen if r[:2] == ["volgorde", "RIN"])
    keuzes = [dict(zip(koppen, r, strict=True)) for r in rijen[rijen.index(koppen) + 1 :]]
    kw = {k["naam"]: k["laadvermogen 2030 (kW)"] for k in keuzes}
    assert kw["Kellen"] == "3765" and kw["Ecofactorij"] == "1250,5" and kw["Hessenpoort"] == "2000"
    assert all(re.fullmatch(r"\d+(,\d+)?", v) for v in kw.values())
    assert parse_decimaal(kw["Ecofactorij"], nl=True) == Decimal("1250.5")
    redenen = " ".join(k["reden"] for k in keuzes)
    assert "Gelderse aandeel" in redenen and "Overijsselse aandeel" in redenen
    assert "Gelderlande" not in redenen and "Overijssele " not in redenen


def test_round_xlsx_has_real_numbers_and_a_local_date(client, ronde):
    blad = load_workbook(io.BytesIO(client.get(reverse("prioritering:ronde-export", args=[ronde.pk, "xlsx"])).content)).active
    rijen = list(blad.iter_rows())
    aangemaakt = next(r[1] for r in rijen if r[0].value == "Aangemaakt op")
    assert aangemaakt.value == datetime(2026, 7, 1, 1, 30) and aangemaakt.number_format == "dd-mm-yyyy hh:mm"
    koprij = next(i for i, r in enumerate(rijen) if r[0].value == "volgorde")
    assert all(c.font.bold for c in rijen[koprij])
    koppen = [c.value for c in rijen[koprij]]
    kw = {r[koppen.index("naam")].value: r[koppen.index("laadvermogen 2030 (kW)")] for r in rijen[koprij + 1 :]}
    assert kw["Kellen"].value == 3765 and kw["Kellen"].number_format == "#,##0"
    assert kw["Ecofactorij"].value == 1250.5 and kw["Ecofactorij"].number_format == "#,##0.0##"


def test_rounds_saved_with_the_wrong_adjectives_are_corrected_by_the_migration(ronde):
    from importlib import import_module

    from django.apps import apps

    keuze = ronde.keuzes.first()
    keuze.reden = "Hoogste score in Gelderland (rang 1), binnen het Gelderlande aandeel van 2."
    keuze.save(update_fields=["reden"])
    import_module("prioritering.migrations.0002_bijvoeglijke_provincienamen").herstellen(apps, None)
    keuze.refresh_from_db()
    assert keuze.reden == "Hoogste score in Gelderland (rang 1), binnen het Gelderse aandeel van 2."
