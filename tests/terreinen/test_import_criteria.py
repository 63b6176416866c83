"""The bulk criteria import: a real-looking spreadsheet, rejections, idempotence, the screen and the round trip."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from audit.models import Wijziging
from terreinen.models import Bedrijventerrein, Netbeheerder
from terreinen.services.criteria_importeren import criteria_importeren
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def parken(twee_gemeenten):
    Netbeheerder.objects.get_or_create(naam="Liander")
    return [BedrijventerreinFactory(gemeente=twee_gemeenten[i % 2], rin=9100 + i, naam=f"Park {i}") for i in range(3)]


def provincieblad(pad, parken, *, formule_waarde=True):
    """A sheet as the province keeps one: title rows with merged cells, a hidden column, formulas and a totals row.

    openpyxl does not compute formulas; the XML gets the cached value Excel would have stored, so a
    reader with data_only=True sees the result, as it would for a file saved by Excel.
    """
    boek = Workbook()
    blad = boek.active
    blad["A1"] = "Overzicht criteria bedrijventerreinen Oost-Nederland"
    blad.merge_cells("A1:F1")
    blad["A2"] = "Peildatum 1 oktober 2026"
    blad.merge_cells("A2:C2")
    blad.append([])
    blad.append(["RIN", "Naam", "Interne code", "Aantal bedrijven", "Parkmanagement", "Aandeel logistiek (%)", "Netbeheerder"])
    blad.column_dimensions["C"].hidden = True
    for i, park in enumerate(parken):
        blad.append([park.rin, park.naam, f"X{i}", 10 * (i + 1), "ja" if i else "nee", 12.5 * (i + 1), "Liander"])
    blad.append(["Totaal", None, None, "=SUM(D5:D7)", None, None, None])
    blad["D6"] = "=D5*2"  # 20: a formula whose cached value is what the park gets
    boek.save(pad)
    _cache_zetten(pad, {"D6": "20" if formule_waarde else None, "D8": "60"})
    return pad


def _cache_zetten(pad, waarden):
    """Write cached results into formula cells, as a spreadsheet program does when it saves."""
    import re
    import zipfile

    with zipfile.ZipFile(pad) as zin:
        delen = {n: zin.read(n) for n in zin.namelist()}
    xml = delen["xl/worksheets/sheet1.xml"].decode()
    for cel, waarde in waarden.items():
        if waarde is not None:
            xml = re.sub(rf'(<c r="{cel}"[^>]*>)(<f>[^<]*</f>)(<v></v>|<v/>)?', rf"\1\2<v>{waarde}</v>", xml)
    delen["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(pad, "w") as zout:
        for naam, inhoud in delen.items():
            zout.writestr(naam, inhoud)


def test_real_looking_spreadsheet_finds_the_header_skips_totals_and_reads_formula_values(tmp_path, parken):
    pad = provincieblad(tmp_path / "criteria.xlsx", parken)
    proef = criteria_importeren(pad=pad, dry_run=True)
    assert proef.geslaagd, proef.afwijzingen
    assert (proef.nieuw, proef.gewijzigd, proef.ongewijzigd, proef.afgewezen) == (0, 3, 0, 0)
    assert any("rij 8 is een totaalrij" in w for w in proef.waarschuwingen)
    assert any("Interne code" in w for w in proef.waarschuwingen)
    assert Bedrijventerrein.objects.filter(aantal_bedrijven__isnull=False).count() == 0  # a dry run writes nothing

    resultaat = criteria_importeren(pad=pad)
    assert resultaat.gewijzigd == 3
    parken = {t.rin: t for t in Bedrijventerrein.objects.select_related("netbeheerder")}
    assert [parken[9100 + i].aantal_bedrijven for i in range(3)] == [10, 20, 30]
    assert parken[9100].parkmanagement is False and parken[9101].parkmanagement is True
    assert parken[9102].aandeel_logistiek == Decimal("37.50") and parken[9102].netbeheerder.naam == "Liander"
    assert Wijziging.objects.filter(terrein_id__in=[p.pk for p in parken.values()], actie="gewijzigd").count() == 3

    opnieuw = criteria_importeren(pad=pad)
    assert (opnieuw.gewijzigd, opnieuw.ongewijzigd) == (0, 3)  # idempotent


def test_a_formula_without_a_cached_value_is_named_by_cell_and_nothing_is_written(tmp_path, parken):
    pad = provincieblad(tmp_path / "criteria.xlsx", parken, formule_waarde=False)
    resultaat = criteria_importeren(pad=pad)
    assert not resultaat.geslaagd
    assert "D6 ('Aantal bedrijven')" in resultaat.afwijzingen[0].reden
    assert not Bedrijventerrein.objects.filter(aantal_bedrijven__isnull=False).exists()


def test_one_bad_value_rejects_with_row_column_and_reason_and_writes_nothing(tmp_path, parken):
    pad = tmp_path / "criteria.csv"
    pad.write_text(
        "Criteria voor de provincie\n\nRIN;Bereikbaarheid;Aandeel logistiek (%);Netcongestie\n"
        f"{parken[0].rin};goed;12,5;nee\n{parken[1].rin};matig;140;volledig\n999999;goed;;\n",
        encoding="utf-8",
    )
    resultaat = criteria_importeren(pad=pad)
    redenen = {(a.rij, a.kolom): a.reden for a in resultaat.afwijzingen}
    assert "geen geldige keuze" in redenen[(5, "Bereikbaarheid")]
    assert "niet groter zijn dan 100" in redenen[(5, "Aandeel logistiek (%)")]
    assert "onbekend RIN-nummer 999999" in redenen[(6, "RIN")]
    assert resultaat.afgewezen == 2
    assert not Bedrijventerrein.objects.exclude(bereikbaarheid="").exists()


def test_a_sheet_without_a_recognisable_header_is_named_clearly(tmp_path, parken):
    pad = tmp_path / "criteria.csv"
    pad.write_text("Alleen tekst\nnog meer tekst\n", encoding="utf-8")
    resultaat = criteria_importeren(pad=pad)
    assert "geen kopregel gevonden" in resultaat.afwijzingen[0].reden


def test_export_as_import_sheet_then_reimport_gives_no_changes(tmp_path, parken, client, maak_gebruiker):
    Bedrijventerrein.objects.filter(pk=parken[0].pk).update(
        parkmanagement=True, aandeel_logistiek=Decimal("33.3"), bereikbaarheid="redelijk", onderstation="=Zutphen"
    )
    Bedrijventerrein.objects.filter(pk=parken[1].pk).update(
        netbeheerder=Netbeheerder.objects.get(naam="Liander"), afstand_ze_zone_km=Decimal("2.5"), netcongestie="volledig"
    )
    assert client.login(username=maak_gebruiker("regisseur").username, password=WACHTWOORD)
    response = client.get(reverse("terrein-importblad"))
    assert response.status_code == 200
    pad = tmp_path / "export.xlsx"
    pad.write_bytes(response.content)
    koppen = [c.value for c in next(load_workbook(pad).active.iter_rows(max_row=1))]
    assert koppen[:4] == ["RIN", "Naam", "Gemeente", "Parkmanagement"] and "Netcongestie" in koppen
    resultaat = criteria_importeren(pad=pad)
    assert resultaat.geslaagd, resultaat.afwijzingen
    assert (resultaat.gewijzigd, resultaat.ongewijzigd, resultaat.afgewezen) == (0, 3, 0)
    # and after an edit in the sheet exactly that change comes back
    boek = load_workbook(pad)
    boek.active.cell(row=2, column=koppen.index("Terrein vol") + 1, value="ja")
    boek.save(pad)
    assert criteria_importeren(pad=pad, dry_run=True).gewijzigd == 1


def test_screen_uploads_previews_per_park_and_field_then_confirms(client, tmp_path, parken, maak_gebruiker, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    assert client.login(username=maak_gebruiker("beheerder").username, password=WACHTWOORD)
    pad = provincieblad(tmp_path / "criteria.xlsx", parken)
    with open(pad, "rb") as f:
        response = client.post(reverse("criteria-import"), {"stap": "voorvertoning", "bestand": f})
    body = response.content.decode()
    assert response.status_code == 200 and "gewijzigd 3" in body and "Park 1" in body and "Aantal bedrijven" in body
    assert not Bedrijventerrein.objects.filter(aantal_bedrijven__isnull=False).exists()
    vingerafdruk = response.context["resultaat"].vingerafdruk
    response = client.post(reverse("criteria-import"), {"stap": "bevestigen", "vingerafdruk": vingerafdruk})
    assert response.status_code == 302
    assert Bedrijventerrein.objects.filter(aantal_bedrijven__isnull=False).count() == 3
    assert not list((tmp_path / "media" / "criteria-import").iterdir())  # the stored upload is removed


def test_confirming_a_stale_preview_writes_nothing_and_shows_the_new_preview(client, tmp_path, parken, maak_gebruiker, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    assert client.login(username=maak_gebruiker("regisseur").username, password=WACHTWOORD)
    with open(provincieblad(tmp_path / "criteria.xlsx", parken), "rb") as f:
        vingerafdruk = client.post(reverse("criteria-import"), {"bestand": f}).context["resultaat"].vingerafdruk
    Bedrijventerrein.objects.filter(pk=parken[0].pk).update(aantal_bedrijven=10)  # someone else, meanwhile
    response = client.post(reverse("criteria-import"), {"stap": "bevestigen", "vingerafdruk": vingerafdruk})
    assert response.status_code == 409
    assert not Bedrijventerrein.objects.filter(parkmanagement__isnull=False).exists()


def test_upload_validator_refuses_a_file_that_is_not_a_spreadsheet(client, tmp_path, maak_gebruiker, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    assert client.login(username=maak_gebruiker("regisseur").username, password=WACHTWOORD)
    nep = io.BytesIO(b"MZ\x90\x00 not a spreadsheet")
    nep.name = "criteria.xlsx"
    response = client.post(reverse("criteria-import"), {"bestand": nep})
    assert response.status_code == 400 and "geen geldig XLSX-bestand" in response.content.decode()


def test_reading_roles_may_not_import_or_download_the_import_sheet(client, maak_gebruiker):
    assert client.login(username=maak_gebruiker("medewerker").username, password=WACHTWOORD)
    assert client.get(reverse("criteria-import")).status_code == 403
    assert client.get(reverse("terrein-importblad")).status_code == 403


def test_command_dry_run_and_json(tmp_path, parken):
    pad = provincieblad(tmp_path / "criteria.xlsx", parken)
    out = io.StringIO()
    call_command("import_criteria", str(pad), "--dry-run", "--json", stdout=out)
    uitkomst = json.loads(out.getvalue())
    assert (uitkomst["gewijzigd"], uitkomst["afgewezen"], uitkomst["dry_run"]) == (3, 0, True)
    assert not Bedrijventerrein.objects.filter(aantal_bedrijven__isnull=False).exists()
