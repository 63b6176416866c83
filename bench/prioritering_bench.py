"""Time the full recomputation of all priority scores for the demo region, and for 10× as many parks.

Baselines in the same run: the three bulk reads the recomputation starts with (the floor any
scoring pays), and the recomputation of the demo region itself for the 10× figure, so the ratio
shows how cost grows with the number of parks. Query counts are printed as well: they must not
grow with the number of parks beyond one upsert per 1,000 parks.
"""

import itertools
from decimal import Decimal

from _opzet import meet, tabel, testdatabase
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nal_oost.demo import demo_laden
from plankaarten.models import Plankaart, PlankaartVersie
from prioritering import services, signalen
from prioritering.models import Prioriteit
from terreinen.models import Bedrijventerrein


def queries(functie) -> int:
    with CaptureQueriesContext(connection) as ctx:
        functie()
    return len(ctx.captured_queries)


def vermenigvuldig(factor: int) -> None:
    """Add synthetic copies of every park with its current midden plankaart rows (bulk, no signals)."""
    origineel = list(Bedrijventerrein.objects.values("gemeente_id", "ha_bruto", "ha_netto", "wloc_type", "rin", "naam"))
    vraag = {
        (t, j): kw
        for t, j, kw in Plankaart.objects.actueel()
        .filter(scenario="midden", zichtjaar__in=(2030, 2035))
        .values_list("terrein__rin", "zichtjaar", "laadvermogen_kw")
    }
    versie = PlankaartVersie.objects.create(nummer=99_999, bron="bench synthetisch", gemodelleerd=True)
    congestie = itertools.cycle(["", "nee", "congestiemanagement", "volledig"])
    kopieen = []
    for k in range(1, factor):
        for t in origineel:
            kopieen.append(
                Bedrijventerrein(
                    rin=10_000_000 * k + t["rin"],
                    naam=f"{t['naam']} (kopie {k})",
                    gemeente_id=t["gemeente_id"],
                    ha_bruto=t["ha_bruto"],
                    ha_netto=t["ha_netto"],
                    wloc_type=t["wloc_type"],
                    netcongestie=next(congestie),
                )
            )
    Bedrijventerrein.objects.bulk_create(kopieen, batch_size=2000)
    rijen = []
    for t in Bedrijventerrein.objects.filter(rin__gte=10_000_000).values("pk", "rin"):
        bron_rin = t["rin"] % 10_000_000
        for jaar in (2030, 2035):
            kw = vraag.get((bron_rin, jaar))
            if kw is not None:
                schaal = Decimal(1 + (t["rin"] // 10_000_000) % 7) / 4
                rijen.append(
                    Plankaart(terrein_id=t["pk"], versie=versie, zichtjaar=jaar, scenario="midden", laadvermogen_kw=kw * schaal)
                )
    Plankaart.objects.bulk_create(rijen, batch_size=2000)


def main():
    signalen.loskoppelen()
    with testdatabase():
        demo_laden(met_gebruikers=False)
        aantal = Bedrijventerrein.objects.count()
        kader = services.afwegingskader_actueel()

        def leeg():
            Prioriteit.objects.all().delete()

        def alles_anders():
            # Every stored row differs, so the run writes all of them (as after a new weights version).
            Prioriteit.objects.update(score=-1)

        t_eerste = meet(lambda: services.prioriteiten_berekenen(kader=kader), voorbereiding=leeg)
        t_opnieuw = meet(lambda: services.prioriteiten_berekenen(kader=kader), voorbereiding=alles_anders)
        t_ongewijzigd = meet(lambda: services.prioriteiten_berekenen(kader=kader))
        t_lezen = meet(services._invoer_lezen)
        alles_anders()
        q_1x = queries(lambda: services.prioriteiten_berekenen(kader=kader))
        services.prioriteiten_berekenen(kader=kader)
        t_ronde = meet(lambda: services.selectieronde_maken(naam="bench", aantal=20))

        vermenigvuldig(10)
        aantal_10x = Bedrijventerrein.objects.count()
        t_10x = meet(lambda: services.prioriteiten_berekenen(kader=kader), voorbereiding=alles_anders)
        t_lezen_10x = meet(services._invoer_lezen)
        alles_anders()
        q_10x = queries(lambda: services.prioriteiten_berekenen(kader=kader))
        assert Prioriteit.objects.filter(kader=kader).count() == aantal_10x

        print(f"Full recomputation of priority scores on PostGIS (median of 3 runs each); demo region: {aantal} parks.")
        print(
            tabel(
                [
                    (f"score {aantal} parks, first time (insert)", t_eerste, "bulk reads only", t_lezen),
                    (f"score {aantal} parks, all scores changed (upsert)", t_opnieuw, "bulk reads only", t_lezen),
                    (f"score {aantal} parks, nothing changed (no writes)", t_ongewijzigd, "bulk reads only", t_lezen),
                    ("selection round N=20 (read, select, save)", t_ronde, f"score {aantal} parks, all changed", t_opnieuw),
                    (
                        f"score {aantal_10x} parks (10×, synthetic), all changed",
                        t_10x,
                        f"score {aantal} parks, all changed",
                        t_opnieuw,
                    ),
                    (f"bulk reads {aantal_10x} parks", t_lezen_10x, f"bulk reads {aantal} parks", t_lezen),
                ]
            )
        )
        print(f"\nQueries per recomputation: {q_1x} for {aantal} parks, {q_10x} for {aantal_10x} parks (one upsert per 1,000).")


if __name__ == "__main__":
    main()
