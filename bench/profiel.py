"""Where the time of a screen goes: `python bench/profiel.py` (run by hand; not part of `make bench`).

The demo region on a throw-away PostGIS database (as bench/schermen_bench.py builds it), a logged-in regisseur
in Django's test client (the whole middleware stack, no server), and per screen:
- the mean wall time per request and the share spent in SQL (timed around every query) and its query count;
- cProfile's functions with the most cumulative time, to find what a screen spends its time on.

Environment: PROFIEL_N requests per screen (default 20); PROFIEL_SCHERMEN=detail,list to choose screens;
PROFIEL_BEWAARD=1 to profile with the kept pages (nal_oost/bewaren.py) serving repeats; by default every
request is rendered in full, which is what the first view after a change costs.
"""

import cProfile
import io
import os
import pstats
import time

from _opzet import testdatabase
from django.db import connection
from django.test import Client
from django.test.utils import override_settings
from schermen_bench import WACHTWOORD, trajecten_maken

from nal_oost.demo import demo_laden
from terreinen.models import Bedrijventerrein

N = int(os.environ.get("PROFIEL_N", "20"))
KEUZE = [k.strip() for k in os.environ.get("PROFIEL_SCHERMEN", "").split(",") if k.strip()]
BEWAARD = os.environ.get("PROFIEL_BEWAARD", "") == "1"


class SqlTijd:
    """Time and count every query of the connection."""

    def __init__(self):
        self.tijd = 0.0
        self.aantal = 0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.tijd += time.perf_counter() - start
            self.aantal += 1


def profiel(client: Client, pad: str) -> None:
    for _ in range(2):
        assert client.get(pad).status_code == 200, pad  # warm imports, templates and connections
    start = time.perf_counter()
    for _ in range(N):
        client.get(pad)
    zonder = (time.perf_counter() - start) / N
    sql = SqlTijd()
    profiler = cProfile.Profile()
    with connection.execute_wrapper(sql):
        start = time.perf_counter()
        profiler.enable()
        for _ in range(N):
            client.get(pad)
        profiler.disable()
        totaal = time.perf_counter() - start
    print(f"\n## {pad}\n")
    print(
        f"{zonder * 1000:.1f} ms per request; {totaal / N * 1000:.1f} ms under cProfile, "
        f"of which SQL {sql.tijd / N * 1000:.1f} ms "
        f"({sql.tijd / totaal:.0%}) in {sql.aantal / N:.0f} queries"
    )
    uit = io.StringIO()
    stats = pstats.Stats(profiler, stream=uit).sort_stats("cumulative")
    stats.print_stats(r"(nal_oost|terreinen|overzicht|stappenplan|plankaarten|prioritering|toolbox|factsheets|audit)/", 25)
    stats.print_stats(r"django/(template|db/models/sql|forms|utils/formats)", 12)
    print("\n".join(r for r in uit.getvalue().splitlines() if r.strip() and not r.startswith("   Ordered")))


def main():
    with testdatabase(), override_settings(NAL_BEWAARDE_PAGINAS=BEWAARD, ALLOWED_HOSTS=["testserver"]):
        demo_laden(wachtwoord=WACHTWOORD)
        trajecten_maken()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        rin = Bedrijventerrein.objects.filter(gemeente__code="GM0200").order_by("-ha_netto").values_list("rin", flat=True)[0]
        client = Client()
        assert client.post("/inloggen/", {"username": "demo-regisseur", "password": WACHTWOORD}).status_code == 302
        schermen = {
            "detail": f"/terreinen/{rin}/",
            "list": "/terreinen/",
            "list filtered": "/terreinen/?provincie=PV25&stap=0&sortering=-vraag_2030",
            "csv": "/terreinen/export.csv",
            "csv all columns": "/terreinen/export.csv?kolommen=alle",
        }
        for naam, pad in schermen.items():
            if not KEUZE or any(k in naam for k in KEUZE):
                profiel(client, pad)


if __name__ == "__main__":
    main()
