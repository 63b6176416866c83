"""Time the import of all 828 IBIS parks plus 3 × 828 plankaart rows on PostGIS.

Baseline in the same run: reading and parsing the same files without touching the database
(the floor any importer pays), so the ratio shows what validation and writing cost on top.
"""

import csv
import tempfile
from pathlib import Path

from _opzet import meet, tabel, testdatabase
from django.conf import settings

from nal_oost.importeren import lees_tabel
from plankaarten.models import Plankaart, PlankaartVersie
from plankaarten.services import plankaarten_importeren
from terreinen.models import Bedrijventerrein
from terreinen.services.importeren import gemeenten_importeren, terreinen_importeren


def plankaart_csv(map_: Path, rins: list[int]) -> Path:
    pad = map_ / "plankaarten.csv"
    with pad.open("w", newline="", encoding="utf-8") as f:
        schrijver = csv.writer(f, delimiter=";")
        schrijver.writerow(["rin", "zichtjaar", "scenario", "laadvermogen_kw", "bestelwagens", "vrachtwagens", "netcapaciteit"])
        for i, rin in enumerate(rins):
            for j, jaar in enumerate((2025, 2030, 2035)):
                schrijver.writerow([rin, jaar, "midden", f"{(i % 97) * 10 + j * 100},5", i % 40, i % 7, "deels"])
    return pad


def main():
    data = Path(settings.NAL_DATA_DIR)
    with testdatabase(), tempfile.TemporaryDirectory() as tmp:
        gemeenten_importeren(pad=data / "gemeenten.csv")
        terreinen_csv = data / "bedrijventerreinen.csv"

        def leeg_terreinen():
            Plankaart.objects.all().delete()
            PlankaartVersie.objects.all().delete()
            Bedrijventerrein.objects.all().delete()

        t_terreinen = meet(lambda: terreinen_importeren(pad=terreinen_csv), voorbereiding=leeg_terreinen)
        t_terreinen_opnieuw = meet(lambda: terreinen_importeren(pad=terreinen_csv))
        rins = sorted(Bedrijventerrein.objects.values_list("rin", flat=True))
        pk_csv = plankaart_csv(Path(tmp), rins)

        def leeg_plankaarten():
            Plankaart.objects.all().delete()
            PlankaartVersie.objects.all().delete()

        t_plankaarten = meet(lambda: plankaarten_importeren(pad=pk_csv), voorbereiding=leeg_plankaarten)
        assert Plankaart.objects.count() == 3 * len(rins)
        t_plankaarten_opnieuw = meet(lambda: plankaarten_importeren(pad=pk_csv))
        t_lezen_terreinen = meet(lambda: lees_tabel(terreinen_csv))
        t_lezen_plankaarten = meet(lambda: lees_tabel(pk_csv))
        t_totaal = t_terreinen + t_plankaarten
        print(f"Import of {len(rins)} parks and {3 * len(rins)} plankaart rows on PostGIS (median of 3 runs each):")
        print(
            tabel(
                [
                    ("import 828 parks (new)", t_terreinen, "read+parse CSV", t_lezen_terreinen),
                    ("re-import 828 parks (unchanged)", t_terreinen_opnieuw, "read+parse CSV", t_lezen_terreinen),
                    ("import 2484 plankaart rows (new version)", t_plankaarten, "read+parse CSV", t_lezen_plankaarten),
                    ("re-import 2484 plankaart rows (unchanged)", t_plankaarten_opnieuw, "read+parse CSV", t_lezen_plankaarten),
                    ("parks + plankaarten together", t_totaal, "read+parse both", t_lezen_terreinen + t_lezen_plankaarten),
                ]
            )
        )


if __name__ == "__main__":
    main()
