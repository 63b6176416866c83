"""Load test: 20 concurrent users on loopback for a bounded time, while a bulk factsheet render runs in a worker.

Serves the demo region with gunicorn on a throw-away PostGIS database, starts a real Celery worker,
queues "Alle factsheets genereren", then runs Locust headless with the mix in bench/locustfile.py
(70% pages, 20% API, 10% factsheet downloads). Prints p50/p95/p99 and error counts per request type.

    LAST_DUUR=180 LAST_GEBRUIKERS=20 python bench/lasttest.py
"""

import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _opzet import database_url, gunicorn_starten, testdatabase, vrije_poort

BASIS = Path(__file__).resolve().parent.parent
DUUR = int(os.environ.get("LAST_DUUR", "180"))
GEBRUIKERS = int(os.environ.get("LAST_GEBRUIKERS", "20"))
WACHTWOORD = "Last-test-wachtwoord-2026"


def main():
    from django.db import connection

    from api.services import api_sleutel_aanmaken
    from factsheets.models import FactsheetRun, Variant
    from factsheets.services import factsheet_renderen, factsheet_run_starten
    from nal_oost.demo import demo_laden
    from terreinen.models import Bedrijventerrein

    with testdatabase(), tempfile.TemporaryDirectory() as tmp:
        media = Path(tmp) / "media"
        os.environ["MEDIA_ROOT"] = str(media)
        from django.conf import settings

        settings.MEDIA_ROOT = media
        print("Loading the demo region …", file=sys.stderr)
        demo_laden(met_gebruikers=True, wachtwoord=WACHTWOORD)
        rins = list(Bedrijventerrein.objects.order_by("rin").values_list("rin", flat=True))
        _rij, sleutel = api_sleutel_aanmaken(organisatie="Lasttest")
        # Downloads hit parks whose factsheet exists; the bulk run renders the others meanwhile.
        klaar = rins[:10]
        for terrein_id in Bedrijventerrein.objects.filter(rin__in=klaar).values_list("pk", flat=True):
            factsheet_renderen(terrein_id=terrein_id, variant=Variant.FACTSHEET)
        connection.close()

        omgeving = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_SETTINGS_MODULE": "nal_oost.settings.test"}
        worker = subprocess.Popen(  # noqa: S603 - fixed arguments
            [sys.executable, "-m", "celery", "-A", "nal_oost", "worker", "--concurrency", "1", "--loglevel", "WARNING"],
            cwd=BASIS,
            env=omgeving,
        )
        poort = vrije_poort()
        server = gunicorn_starten(poort, workers=3, omgeving={"MEDIA_ROOT": str(media), "API_SLEUTEL_LIMIET": "1000000/min"})
        try:
            run = factsheet_run_starten(alles=True)
            uit = Path(tmp) / "locust"
            locust = [
                str(BASIS / ".venv" / "bin" / "locust"), "-f", str(BASIS / "bench" / "locustfile.py"), "--headless",
                "-u", str(GEBRUIKERS), "-r", "5", "-t", f"{DUUR}s", "--host", f"http://127.0.0.1:{poort}",
                "--csv", str(uit), "--only-summary", "--loglevel", "WARNING",
            ]  # fmt: skip
            begin = time.perf_counter()
            subprocess.run(  # noqa: S603 - fixed arguments
                locust,
                env={
                    **os.environ,
                    "LAST_RINS": ",".join(map(str, rins)),
                    "LAST_FACTSHEET_RINS": ",".join(map(str, klaar)),
                    "LAST_API_SLEUTEL": sleutel,
                    "LAST_WACHTWOORD": WACHTWOORD,
                },
                check=False,
                capture_output=True,
            )
            duur = time.perf_counter() - begin
            run.refresh_from_db()
            rapport(uit.with_name("locust_stats.csv"), duur, run, FactsheetRun)
        finally:
            server.terminate()
            worker.terminate()
            server.wait(timeout=30)
            worker.wait(timeout=60)
            connection.close()


def rapport(pad: Path, duur: float, run, factsheet_run_model) -> None:
    with pad.open(encoding="utf-8") as f:
        rijen = list(csv.DictReader(f))
    print(
        f"Load test: {GEBRUIKERS} users for {duur:.0f} s on loopback (gunicorn 3 workers, 1 Celery worker rendering), "
        f"{os.cpu_count()} CPUs."
    )
    print(
        f"Bulk factsheet run during the test: {run.gedaan} of {run.totaal} rendered, {run.mislukt} failed, status {run.status}."
    )
    print("| request | count | failures | p50 | p95 | p99 | req/s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for rij in rijen:
        print(
            f"| {rij['Name'] or rij['Type']} | {rij['Request Count']} | {rij['Failure Count']} | {rij['50%']} ms "
            f"| {rij['95%']} ms | {rij['99%']} ms | {float(rij['Requests/s']):.1f} |"
        )


if __name__ == "__main__":
    main()
