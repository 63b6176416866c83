"""The regisseur's workbench on PostGIS: the bulk criteria import of every park, and the park edit save.

Baselines in the same run:
- the criteria import (dry run and real) of an XLSX import sheet with every park against reading
  and parsing that file alone (`lees_tabel`, the floor any importer pays);
- the edit screen's save (`terrein_bewerken`: row lock, version check, validation, audited save)
  against a plain `Model.save()` of the same change (also audited).
Score recomputation is not queued here (prioritering signals disconnected), as in the other benches.
"""

import secrets
import tempfile
from pathlib import Path

from _opzet import meet, tabel, testdatabase
from django.conf import settings

from nal_oost.importeren import lees_tabel
from overzicht.exports import importblad_xlsx
from prioritering import signalen
from terreinen.models import Bedrijventerrein, Netbeheerder
from terreinen.services.bewerken import terrein_bewerken
from terreinen.services.criteria_importeren import _is_kopregel, criteria_importeren
from terreinen.services.gebruikers import gebruiker_opslaan
from terreinen.services.importeren import gemeenten_importeren, terreinen_importeren

AANTAL_BEWERKINGEN = 200
CRITERIA_LEEG = {
    "parkmanagement": None,
    "aantal_bedrijven": None,
    "aantal_sectoren": None,
    "aandeel_logistiek": None,
    "bereikbaarheid": "",
    "terrein_vol": None,
    "warme_contacten": None,
    "eigen_initiatief": None,
    "afstand_ze_zone_km": None,
    "netbeheerder": None,
    "onderstation": "",
    "netcongestie": "",
}


def importblad(pad: Path) -> int:
    """An import sheet of every park with every criterion filled in (so a real import changes every park)."""
    liander, _ = Netbeheerder.objects.get_or_create(naam="Liander")
    terreinen = list(Bedrijventerrein.objects.select_related("gemeente").defer("geometrie").order_by("rin"))
    for i, t in enumerate(terreinen):
        t.parkmanagement = i % 2 == 0
        t.aantal_bedrijven = 10 + i % 90
        t.aantal_sectoren = 3 + i % 25
        t.aandeel_logistiek = i % 100
        t.bereikbaarheid = ("goed", "redelijk", "slecht")[i % 3]
        t.terrein_vol = i % 3 == 0
        t.warme_contacten = i % 4 == 0
        t.eigen_initiatief = i % 5 == 0
        t.afstand_ze_zone_km = (i % 40) / 2
        t.netbeheerder = liander
        t.onderstation = f"Onderstation {i % 30}"
        t.netcongestie = ("nee", "congestiemanagement", "volledig")[i % 3]
    pad.write_bytes(importblad_xlsx(terreinen))
    return len(terreinen)


def main():
    data = Path(settings.NAL_DATA_DIR)
    signalen.loskoppelen()
    with testdatabase(), tempfile.TemporaryDirectory() as tmp:
        gemeenten_importeren(pad=data / "gemeenten.csv")
        terreinen_importeren(pad=data / "bedrijventerreinen.csv")
        pad = Path(tmp) / "criteria.xlsx"
        aantal = importblad(pad)

        def leeg():
            Bedrijventerrein.objects.update(**CRITERIA_LEEG)

        leeg()
        t_lezen = meet(lambda: lees_tabel(pad, kop_herkennen=_is_kopregel))
        proef = criteria_importeren(pad=pad, dry_run=True)
        assert proef.geslaagd and proef.gewijzigd == aantal, proef.afwijzingen[:3]
        t_proef = meet(lambda: criteria_importeren(pad=pad, dry_run=True))
        t_echt = meet(lambda: criteria_importeren(pad=pad), voorbereiding=leeg)
        t_opnieuw = meet(lambda: criteria_importeren(pad=pad))
        assert criteria_importeren(pad=pad, dry_run=True).ongewijzigd == aantal

        regisseur, _ = gebruiker_opslaan(
            username="bench-regisseur", rol="regisseur", gemeente_codes=(), password=secrets.token_urlsafe(24)
        )
        terreinen = list(Bedrijventerrein.objects.defer("geometrie").order_by("rin")[:AANTAL_BEWERKINGEN])
        teller = {"n": 0}

        def bewerken():
            teller["n"] += 1
            for t in terreinen:
                terrein_bewerken(terrein=t, user=regisseur, gegevens={"aantal_bedrijven": teller["n"]}, gezien_op=t.gewijzigd_op)
                t.gewijzigd_op = Bedrijventerrein.objects.values_list("gewijzigd_op", flat=True).get(pk=t.pk)

        def gewoon_opslaan():
            teller["n"] += 1
            for t in terreinen:
                t.aantal_bedrijven = teller["n"]
                t.save()

        t_bewerken = meet(bewerken)
        t_opslaan = meet(gewoon_opslaan)
    signalen.verbinden()
    print(f"Criteria import of {aantal} parks (XLSX import sheet, every criterion) and park edit saves on PostGIS:")
    print(
        tabel(
            [
                (f"criteria import {aantal} parks, dry run", t_proef, "reading the file alone", t_lezen),
                (
                    f"criteria import {aantal} parks, every park changed (audited saves)",
                    t_echt,
                    "reading the file alone",
                    t_lezen,
                ),
                (f"criteria import {aantal} parks again, nothing changed", t_opnieuw, "reading the file alone", t_lezen),
                (f"{AANTAL_BEWERKINGEN} park edit saves (lock, version check, audit)", t_bewerken, "plain model save", t_opslaan),
            ]
        )
    )


if __name__ == "__main__":
    main()
