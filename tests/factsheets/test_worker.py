"""With a real Celery worker on Redis: bulk runs report progress, render only what is stale, and survive SIGKILL."""

import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.db import connection
from django.urls import reverse

from factsheets import services
from factsheets.models import Factsheet, FactsheetRun
from nal_oost.celery import app
from terreinen.models import Bedrijventerrein
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory
from tests.factsheets.conftest import plankaart_voor

pytestmark = [pytest.mark.celery, pytest.mark.django_db(transaction=True)]


def maak_terreinen(gemeente, aantal):
    terreinen = []
    for i in range(aantal):
        terrein = BedrijventerreinFactory(gemeente=gemeente, naam=f"Terrein {i}", met_geometrie=True)
        plankaart_voor(terrein)
        terreinen.append(terrein)
    return terreinen


def wacht_op(voorwaarde, *, seconden=120, interval=0.05):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return
        time.sleep(interval)
    pytest.fail(f"niet binnen {seconden} s: {voorwaarde.__doc__ or voorwaarde}")


def run_klaar(run):
    run.refresh_from_db()
    return run.afgerond


def geldige_pdf(pad: Path) -> bool:
    data = pad.read_bytes()
    return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def test_bulk_run_on_a_real_worker_reports_progress_renders_only_stale_ones_and_zips_them(
    twee_gemeenten, maak_gebruiker, media, client
):
    apeldoorn, _zwolle = twee_gemeenten
    terreinen = maak_terreinen(apeldoorn, 4)
    medewerker = maak_gebruiker("medewerker")
    assert client.login(username=medewerker.username, password=WACHTWOORD)
    app.control.purge()
    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
        run = services.factsheet_run_starten(gebruiker=medewerker)
        status_url = reverse("factsheets:run-status", args=[run.pk])
        gezien = []

        def klaar_volgens_de_pagina():
            antwoord = client.get(status_url).json()
            gezien.append(antwoord)
            return antwoord["afgerond"]

        wacht_op(klaar_volgens_de_pagina, interval=0.1)
        run.refresh_from_db()
        assert (run.status, run.totaal, run.gedaan, run.mislukt) == (FactsheetRun.Status.KLAAR, 8, 8, 0)
        gedaan = [g["gedaan"] for g in gezien]
        assert gedaan == sorted(gedaan) and gedaan[-1] == 8
        assert any(0 < g < 8 for g in gedaan), "progress is visible while the worker renders"
        assert gezien[-1]["percentage"] == 100
        assert Factsheet.objects.filter(aantal_renders=1).count() == 8
        mtimes = {f.pk: os.stat(f.bestand.path).st_mtime_ns for f in Factsheet.objects.all()}

        # Nothing changed: a second run finds nothing to render.
        tweede = services.factsheet_run_starten(gebruiker=medewerker)
        wacht_op(lambda: run_klaar(tweede))
        assert (tweede.status, tweede.totaal, tweede.gedaan) == (FactsheetRun.Status.KLAAR, 0, 0)
        assert {f.pk: os.stat(f.bestand.path).st_mtime_ns for f in Factsheet.objects.all()} == mtimes

        # One park changes: only its two factsheets are rendered again.
        Bedrijventerrein.objects.filter(pk=terreinen[0].pk).update(naam="Terrein nul")
        derde = services.factsheet_run_starten(gebruiker=medewerker)
        wacht_op(lambda: run_klaar(derde))
        assert (derde.totaal, derde.gedaan) == (2, 2)
        assert sorted(Factsheet.objects.values_list("terrein__naam", "aantal_renders").filter(aantal_renders=2)) == [
            ("Terrein nul", 2),
            ("Terrein nul", 2),
        ]

    antwoord = client.get(reverse("factsheets:zip"))
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(b"".join(antwoord.streaming_content))) as zf:
        namen = sorted(zf.namelist())
        assert len(namen) == 8 and all(n.startswith("apeldoorn/") for n in namen)
        assert f"apeldoorn/{terreinen[0].rin}-terrein-nul-plankaart_detail.pdf" in namen
        assert all(zf.read(n).startswith(b"%PDF-") for n in namen)


def worker_starten(media) -> subprocess.Popen:
    db = connection.settings_dict
    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nal_oost.settings.test",
        "DATABASE_URL": f"postgis://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": settings.CELERY_BROKER_URL,
        "MEDIA_ROOT": str(media),
        "LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, str(Path(__file__).with_name("worker_proces.py"))],
        env=omgeving,
        cwd=settings.BASE_DIR,
        start_new_session=True,
    )


def test_killing_the_worker_mid_run_and_starting_a_new_one_renders_every_factsheet_exactly_once(twee_gemeenten, media):
    apeldoorn, _zwolle = twee_gemeenten
    maak_terreinen(apeldoorn, 6)
    app.control.purge()
    eerste = worker_starten(media)
    try:
        run = services.factsheet_run_starten()

        def een_paar_klaar():
            run.refresh_from_db()
            return run.gedaan >= 3

        wacht_op(een_paar_klaar)
    finally:
        os.killpg(eerste.pid, signal.SIGKILL)  # the main process and its pool child, mid-render
        eerste.wait(timeout=30)
    run.refresh_from_db()
    assert run.gedaan < run.totaal == 12, "the kill must interrupt the run"

    tweede = worker_starten(media)
    try:
        wacht_op(lambda: run_klaar(run), seconden=180)
    finally:
        os.killpg(tweede.pid, signal.SIGTERM)
        tweede.wait(timeout=60)
    assert (run.status, run.gedaan, run.mislukt) == (FactsheetRun.Status.KLAAR, 12, 0)
    assert sorted(Factsheet.objects.values_list("aantal_renders", flat=True)) == [1] * 12
    bestanden = sorted(Path(media, "factsheets").iterdir())
    assert [p.name for p in bestanden] == sorted(Path(f.bestand.name).name for f in Factsheet.objects.all())
    assert all(geldige_pdf(p) for p in bestanden), "no partial PDF and no temporary file left behind"
