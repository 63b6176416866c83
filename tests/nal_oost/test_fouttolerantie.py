"""Fault tolerance against the real services: a killed worker child, a lost broker, a dropped database session."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection

from plankaarten.models import Plankaart, PlankaartVersie
from terreinen.models import Bedrijventerrein
from terreinen.services.importeren import terreinen_importeren
from tests.factories import BedrijventerreinFactory
from tests.nal_oost.test_broker_onbereikbaar import _vergeet_verbindingen, _vrije_poort, redis_server

pytestmark = [pytest.mark.celery, pytest.mark.django_db(transaction=True)]
ROOT = Path(settings.BASE_DIR)


def _wacht_tot(voorwaarde, seconden=60, stap=0.2):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return True
        time.sleep(stap)
    return False


def _worker(broker_url: str, queue: str, log: Path) -> subprocess.Popen:
    """A real `celery worker` process (prefork, one child) on the test database."""
    db = connection.settings_dict
    omgeving = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="nal_oost.settings.test",
        DATABASE_URL=f"postgis://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
        REDIS_URL=broker_url,
    )
    return subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "nal_oost",
            "worker",
            "-I",
            "tests.nal_oost.taken_voor_tests",
            "--pool",
            "prefork",
            "--concurrency",
            "1",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--loglevel",
            "INFO",
            "--logfile",
            str(log),
        ],
        cwd=ROOT,
        env=omgeving,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )


def _stop(proces: subprocess.Popen):
    proces.send_signal(signal.SIGTERM)
    try:
        proces.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proces.kill()


@pytest.fixture
def broker(tmp_path):
    from nal_oost.celery import app

    poort = _vrije_poort()
    url = f"redis://127.0.0.1:{poort}/0"
    oud = (app.conf.broker_url, app.conf.result_backend)
    app.conf.broker_url = app.conf.result_backend = url
    _vergeet_verbindingen()
    yield app, poort, url
    app.conf.broker_url, app.conf.result_backend = oud
    _vergeet_verbindingen()


def _kinderen(pid: int) -> list[int]:
    uit = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False).stdout  # noqa: S607
    return [int(p) for p in uit.split()]


def test_a_worker_child_killed_mid_task_runs_the_task_again_with_nothing_lost_or_duplicated(broker, tmp_path):
    app, poort, url = broker
    BedrijventerreinFactory.create_batch(4)
    marker = tmp_path / "marker.txt"
    with redis_server(poort):
        worker = _worker(url, "fouttest", tmp_path / "worker.log")
        try:
            resultaat = app.send_task(
                "tests.nal_oost.taken_voor_tests.traag_modelleren", args=[str(marker), 3.0], queue="fouttest"
            )
            assert _wacht_tot(lambda: marker.exists()), (tmp_path / "worker.log").read_text()
            # The child has written its rows but not committed; kill it hard.
            kind = int(marker.read_text().split()[0])
            os.kill(kind, signal.SIGKILL)
            uitkomst = resultaat.get(timeout=90)
        finally:
            _stop(worker)
    regels = marker.read_text().splitlines()
    assert len(regels) == 2, regels  # ran twice: once killed, once completed
    assert regels[0].split()[0] != regels[1].split()[0]  # by a fresh child
    assert uitkomst["nieuw"] == 12
    assert Plankaart.objects.count() == 12
    assert PlankaartVersie.objects.count() == 1


def test_a_worker_that_lost_its_broker_resumes_consuming_when_it_returns(broker, tmp_path):
    app, poort, url = broker
    worker = _worker(url, "fouttest", tmp_path / "worker.log")
    try:
        with redis_server(poort):
            eerste = app.send_task("tests.nal_oost.taken_voor_tests.echo", args=["voor"], queue="fouttest")
            assert eerste.get(timeout=60) == "voor"
        # Redis is gone now; the worker keeps trying to reconnect.
        time.sleep(3)
        assert worker.poll() is None, "the worker must survive losing its broker"
        with redis_server(poort):
            tweede = app.send_task("tests.nal_oost.taken_voor_tests.echo", args=["na"], queue="fouttest")
            assert tweede.get(timeout=90) == "na"
    finally:
        _stop(worker)


def test_an_import_whose_database_session_drops_rolls_back_entirely_and_can_be_rerun(data_dir):
    from terreinen.services.importeren import gemeenten_importeren

    gemeenten_importeren(pad=data_dir / "gemeenten.csv")
    db = connection.settings_dict
    inserts = []

    def verbreek_na_eerste_insert(execute, sql, params, many, context):
        resultaat = execute(sql, params, many, context)
        if sql.startswith("INSERT") and Bedrijventerrein._meta.db_table in sql and not inserts:
            inserts.append(sql)
            # What a server restart does to this session: the server ends it mid-transaction.
            pid = connection.connection.info.backend_pid
            with psycopg.connect(dbname=db["NAME"], host=db["HOST"], user=db["USER"], autocommit=True) as beheer:
                beheer.execute("SELECT pg_terminate_backend(%s)", [pid])
        return resultaat

    with pytest.raises((OperationalError, InterfaceError)), connection.execute_wrapper(verbreek_na_eerste_insert):
        terreinen_importeren(pad=data_dir / "bedrijventerreinen.csv")
    assert inserts, "the import never reached its first insert"
    connection.close()
    assert Bedrijventerrein.objects.count() == 0  # nothing of the interrupted import was kept

    opnieuw = terreinen_importeren(pad=data_dir / "bedrijventerreinen.csv")
    assert (opnieuw.nieuw, opnieuw.afgewezen) == (840, 0)
    assert Bedrijventerrein.objects.count() == 840
