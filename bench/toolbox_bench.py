"""Time the toolbox catalogue and park section with realistic use: 45 instruments, 828 parks, 5,000 uses.

Baseline in the same run: reading the same instruments with their steps and audiences but without the
use counts and visibility subqueries, so the ratio shows what counting only visible uses costs.
"""

import datetime
import random

from _opzet import meet, tabel, testdatabase
from django.conf import settings
from django.test import RequestFactory

from terreinen.models import Bedrijventerrein
from terreinen.services.gebruikers import gebruiker_opslaan
from terreinen.services.importeren import gemeenten_importeren, terreinen_importeren
from toolbox.models import Instrument, InstrumentInzet
from toolbox.secties import terrein_sectie_context
from toolbox.selectors import instrument_lijst


def main():
    from pathlib import Path

    data = Path(settings.NAL_DATA_DIR)
    with testdatabase():
        gemeenten_importeren(pad=data / "gemeenten.csv")
        terreinen_importeren(pad=data / "bedrijventerreinen.csv")
        terreinen = list(Bedrijventerrein.objects.only("pk", "gemeente_id"))
        instrumenten = list(Instrument.objects.all())
        rnd = random.Random(6)  # noqa: S311
        InstrumentInzet.objects.bulk_create(
            InstrumentInzet(
                terrein=rnd.choice(terreinen),
                instrument=rnd.choice(instrumenten),
                stap=1,
                datum=datetime.date(2026, 1, 1) + datetime.timedelta(days=rnd.randrange(300)),
            )
            for _ in range(5000)
        )
        regisseur, _ = gebruiker_opslaan(username="bench-regisseur", rol="regisseur", gemeente_codes=(), password=None)
        gemeente_code = terreinen[0].gemeente.code
        gemeente, _ = gebruiker_opslaan(username="bench-gemeente", rol="gemeente", gemeente_codes=(gemeente_code,), password=None)

        def basis():
            return list(Instrument.objects.prefetch_related("stappen", "doelgroepen"))

        t_basis = meet(basis, herhalingen=7)
        t_regisseur = meet(lambda: list(instrument_lijst(user=regisseur)), herhalingen=7)
        t_gemeente = meet(lambda: list(instrument_lijst(user=gemeente)), herhalingen=7)
        verzoek = RequestFactory().get("/")
        verzoek.user = regisseur
        terrein = terreinen[0]
        t_sectie = meet(lambda: terrein_sectie_context(verzoek, terrein)["form"].as_div(), herhalingen=7)
        print(f"Toolbox catalogue: {len(instrumenten)} instruments, {len(terreinen)} parks, 5000 uses (median of 7):")
        print(
            tabel(
                [
                    ("catalogue list, regisseur (all parks)", t_regisseur, "instruments+prefetch", t_basis),
                    ("catalogue list, gemeente (own parks only)", t_gemeente, "instruments+prefetch", t_basis),
                    ("park-page toolbox section with form", t_sectie, "instruments+prefetch", t_basis),
                ]
            )
        )


if __name__ == "__main__":
    main()
