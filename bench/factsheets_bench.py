"""Time factsheet rendering: one PDF cold and warm, and a bulk run in-process vs. through 1 and 2 Celery worker processes.

Baselines in the same run: the warm render for the cold one, and the in-process bulk render for the
worker runs, so the ratios show what a fresh interpreter and the queue cost (or what a second process
gains). The region is the demo region (`demo_laden`); `FACTSHEET_BENCH_N` parks (default 40, `0` = all)
are kept so one run takes minutes, not an hour. Memory is the peak resident size (VmHWM) of the
processes that rendered.
"""

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _opzet import meting, testdatabase
from django.conf import settings
from django.db import connection
from django.test.utils import override_settings

from factsheets import services
from factsheets.models import Factsheet, FactsheetRun, Variant
from nal_oost.celery import app
from nal_oost.demo import demo_laden
from terreinen.models import Bedrijventerrein

N = int(os.environ.get("FACTSHEET_BENCH_N", "40"))
WARM = 15


def piek_mb(pid: int | str = "self") -> float:
    for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
        if regel.startswith("VmHWM:"):
            return int(regel.split()[1]) / 1024
    return float("nan")


def kinderen(pid: int) -> list[int]:
    uit = []
    for taak in Path(f"/proc/{pid}/task").iterdir():
        uit += [int(p) for p in (taak / "children").read_text().split()]
    return uit


def p(tijden, q):
    return statistics.quantiles(tijden, n=100, method="inclusive")[q - 1] if len(tijden) > 1 else tijden[0]


def koud(terrein_id: int) -> tuple[float, float]:
    """One render in a fresh interpreter (Django, WeasyPrint and fonts loaded from scratch): seconds and peak MB."""
    code = (
        "import sys,time,resource; sys.path.insert(0,'bench'); import _opzet;"
        "from factsheets import services; s=time.perf_counter();"
        f"services.factsheet_renderen(terrein_id={terrein_id}, variant='factsheet', forceren=True);"
        "print(time.perf_counter()-s, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)"
    )
    uit = subprocess.run([sys.executable, "-c", code], env=omgeving(), cwd=settings.BASE_DIR, capture_output=True, text=True)  # noqa: S603
    if uit.returncode:
        raise RuntimeError(uit.stderr)
    seconden, mb = uit.stdout.split()[-2:]
    return float(seconden), float(mb)


def omgeving() -> dict:
    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nal_oost.settings.test",
        "DATABASE_URL": f"postgis://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "LOG_LEVEL": "WARNING",
    }


def wacht(run: FactsheetRun) -> FactsheetRun:
    while True:
        run.refresh_from_db()
        if run.afgerond:
            return run
        time.sleep(0.05)


def via_worker(processen: int, *, alles: bool) -> tuple[float, FactsheetRun, float]:
    """A run through a real worker with `processen` pool processes: wall time from queueing to done, and peak MB per child."""
    celery = Path(sys.executable).with_name("celery")
    worker = subprocess.Popen(  # noqa: S603
        [
            str(celery),
            "-A",
            "nal_oost",
            "worker",
            f"--concurrency={processen}",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            f"--hostname=bench-{processen}@%h",
        ],
        env=omgeving(),
        cwd=settings.BASE_DIR,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        while not app.control.ping(destination=[f"bench-{processen}@{os.uname().nodename}"], timeout=0.5):
            time.sleep(0.2)
        start = time.perf_counter()
        run = FactsheetRun.objects.create(alles=alles)
        from factsheets.tasks import factsheet_run_taak

        factsheet_run_taak.delay(run.pk)
        run = wacht(run)
        duur = time.perf_counter() - start
        piek = max((piek_mb(k) for k in kinderen(worker.pid)), default=float("nan"))
        return duur, run, piek
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=60)


def main():
    with testdatabase(), tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        demo_laden(met_gebruikers=False)
        if N:
            houden = list(Bedrijventerrein.objects.order_by("pk").values_list("pk", flat=True)[:N])
            Bedrijventerrein.objects.exclude(pk__in=houden).delete()
        aantal = Bedrijventerrein.objects.count()
        pdfs = aantal * len(Variant.values)
        app.control.purge()
        terrein = Bedrijventerrein.objects.order_by("-ha_bruto").first()

        koude = [koud(terrein.pk) for _ in range(3)]
        t_koud = statistics.median(k[0] for k in koude)
        mb_koud = max(k[1] for k in koude)
        warme = []
        for _ in range(WARM):
            start = time.perf_counter()
            services.factsheet_renderen(terrein_id=terrein.pk, variant=Variant.FACTSHEET, forceren=True)
            warme.append(time.perf_counter() - start)
        Factsheet.objects.all().delete()

        start = time.perf_counter()
        run = services.factsheet_run_synchroon(run=FactsheetRun.objects.create(alles=True))
        t_proces = time.perf_counter() - start
        assert run.gedaan == pdfs, run
        mb_proces = piek_mb()

        t_w1, run1, mb_w1 = via_worker(1, alles=True)
        assert run1.gedaan == pdfs and run1.mislukt == 0, run1
        t_w2, run2, mb_w2 = via_worker(2, alles=True)
        assert run2.gedaan == pdfs and run2.mislukt == 0, run2
        t_niets, run_niets, _ = via_worker(2, alles=False)
        assert run_niets.totaal == 0, run_niets

        warm_p50, warm_p95 = p(warme, 50), p(warme, 95)
        ms = "{:.0f} ms".format
        rijen = [
            ("one factsheet, warm p50", ms(warm_p50 * 1000), "–", "–"),
            ("one factsheet, warm p95", ms(warm_p95 * 1000), f"warm p50: {ms(warm_p50 * 1000)}", f"{warm_p95 / warm_p50:.2f}×"),
            (
                "one factsheet, cold (fresh interpreter)",
                ms(t_koud * 1000),
                f"warm p50: {ms(warm_p50 * 1000)}",
                f"{t_koud / warm_p50:.1f}×",
            ),
            ("peak memory, cold single render", f"{mb_koud:.0f} MB", "–", "–"),
            ("peak memory, in-process bulk", f"{mb_proces:.0f} MB", "–", "–"),
            (
                "peak memory per worker child, 1 process",
                f"{mb_w1:.0f} MB",
                f"in-process: {mb_proces:.0f} MB",
                f"{mb_w1 / mb_proces:.2f}×",
            ),
            (
                "peak memory per worker child, 2 processes",
                f"{mb_w2:.0f} MB",
                f"in-process: {mb_proces:.0f} MB",
                f"{mb_w2 / mb_proces:.2f}×",
            ),
            (f"bulk in-process, {pdfs} PDFs", f"{t_proces:.1f} s ({t_proces / pdfs * 1000:.0f} ms/PDF)", "–", "–"),
            ("bulk via worker, 1 process", f"{t_w1:.1f} s", f"in-process: {t_proces:.1f} s", f"{t_w1 / t_proces:.2f}×"),
            ("bulk via worker, 2 processes", f"{t_w2:.1f} s", f"1 process: {t_w1:.1f} s", f"{t_w2 / t_w1:.2f}×"),
            (
                "second run, nothing stale (2 processes)",
                f"{t_niets:.2f} s",
                f"bulk 2 processes: {t_w2:.1f} s",
                f"{t_niets / t_w2:.3f}×",
            ),
        ]
        belasting = f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        print(f"Factsheets: {aantal} parks × {len(Variant.values)} variants = {pdfs} PDFs, demo region; {belasting}.")
        print("| figure | value | baseline (same run) | ratio |")
        print("|---|---:|---|---:|")
        for rij in rijen:
            meting(*rij)
            print("| " + " | ".join(rij) + " |")


if __name__ == "__main__":
    main()
