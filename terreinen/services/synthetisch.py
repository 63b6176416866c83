"""A synthetic but plausible region for when no open-data folder is available."""

import random
from decimal import Decimal

from django.contrib.gis.geos import MultiPolygon, Polygon
from django.db import transaction

from terreinen.models import RD_NEW, Bedrijventerrein, Gemeente, Provincie
from terreinen.services.aanmaken import terreinen_aanmaken

AANTAL_TERREINEN = 877
# An 11 × 7 grid of 8 km municipalities in the east of the Netherlands (RD New metres).
X0, Y0, KANT_M, KOLOMMEN, RIJEN = 180_000, 430_000, 8_000, 11, 7
WLOC_TYPES = ["B1", "B1", "B2", "B3", "B4", "C1", "A", "X"]


def _vak(x: float, y: float, b: float, h: float) -> MultiPolygon:
    return MultiPolygon(Polygon(((x, y), (x + b, y), (x + b, y + h), (x, y + h), (x, y)), srid=RD_NEW), srid=RD_NEW)


@transaction.atomic
def synthetische_regio_maken(*, seed: int = 2026) -> tuple[int, int]:
    """77 municipalities (north rows Overijssel, south rows Gelderland) and 877 parks, the same every run."""
    rnd = random.Random(seed)
    gelderland = Provincie.objects.get(code="PV25")
    overijssel = Provincie.objects.get(code="PV23")
    gemeenten = []
    for r in range(RIJEN):
        for k in range(KOLOMMEN):
            nummer = r * KOLOMMEN + k + 1
            gemeente, _ = Gemeente.objects.update_or_create(
                code=f"GM9{nummer:03d}",
                defaults={
                    "naam": f"Voorbeeldgemeente {nummer:02d}",
                    "provincie": overijssel if r >= 4 else gelderland,
                    "geometrie": _vak(X0 + k * KANT_M, Y0 + r * KANT_M, KANT_M, KANT_M),
                    "oppervlakte_land_ha": KANT_M * KANT_M // 10_000,
                },
            )
            gemeenten.append(gemeente)
    bestaand = set(Bedrijventerrein.objects.filter(rin__gte=900_001).values_list("rin", flat=True))
    nieuw = []
    for i in range(AANTAL_TERREINEN):
        gemeente = gemeenten[rnd.randrange(len(gemeenten))]
        bruto = Decimal(str(round(rnd.lognormvariate(2.6, 0.9), 4)))
        netto = (bruto * Decimal(str(round(rnd.uniform(0.7, 0.9), 2)))).quantize(Decimal("0.0001"))
        rin = 900_001 + i
        if rin in bestaand:
            continue
        nieuw.append(
            Bedrijventerrein(
                rin=rin,
                naam=f"Voorbeeldterrein {i + 1:03d}",
                gemeente=gemeente,
                peiljaar=2024,
                ha_bruto=bruto,
                ha_netto=netto,
                ha_uitgeefbaar=(netto * Decimal(str(round(rnd.uniform(0, 0.2), 2)))).quantize(Decimal("0.0001")),
                wloc_type=rnd.choice(WLOC_TYPES),
            )
        )
    terreinen_aanmaken(nieuw)
    return len(gemeenten), len(nieuw)
