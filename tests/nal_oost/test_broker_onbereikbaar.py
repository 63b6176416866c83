import shutil
import socket
import subprocess
import time
from contextlib import contextmanager

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import transaction
from django.urls import reverse
from kombu import pools

from nal_oost.celery import app
from nal_oost.models import UitgesteldeTaak
from nal_oost.taken import taak_starten, uitgestelde_taken_versturen
from plankaarten.models import Plankaart
from plankaarten.tasks import plankaarten_modelleren_taak
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory

pytestmark = [pytest.mark.celery, pytest.mark.django_db(transaction=True)]


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def redis_server(poort: int):
    """A private Redis on `poort`, so stopping it does not disturb anything else."""
    proces = subprocess.Popen(  # noqa: S603 - fixed arguments
        [shutil.which("redis-server"), "--port", str(poort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", poort), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    try:
        yield
    finally:
        proces.terminate()
        proces.wait(timeout=10)


@pytest.fixture
def eigen_broker():
    poort = _vrije_poort()
    oud = (app.conf.broker_url, app.conf.result_backend)
    url = f"redis://127.0.0.1:{poort}/0"
    app.conf.broker_url = url
    app.conf.result_backend = url
    _vergeet_verbindingen()
    yield poort
    app.conf.broker_url, app.conf.result_backend = oud
    _vergeet_verbindingen()


def _vergeet_verbindingen():
    # The app caches its connection and producer pools; drop them so the new broker URL is used.
    # kombu keeps a process-wide registry of pools per connection; reset it so none is reused closed.
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None
    app._local.__dict__.pop("backend", None)


def test_web_keeps_serving_while_redis_is_down_and_the_work_runs_once_it_is_back(eigen_broker, client, maak_gebruiker):
    BedrijventerreinFactory.create_batch(2)
    # Broker down: starting a task neither blocks nor fails the caller; it is kept in the database.
    begin = time.perf_counter()
    with transaction.atomic():
        taak_starten(plankaarten_modelleren_taak)
    duur = time.perf_counter() - begin
    assert UitgesteldeTaak.objects.filter(taak=plankaarten_modelleren_taak.name).count() == 1
    assert duur < 5, f"enqueueing with the broker down took {duur:.1f} s"

    assert client.login(username=maak_gebruiker("regisseur").username, password=WACHTWOORD)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "Achtergrondwerk (zoals berekeningen en factsheets) is vertraagd" in response.content.decode()

    # Broker back: the backlog is sent and the worker does the work, once.
    with redis_server(eigen_broker), start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
        achterstand = UitgesteldeTaak.objects.count()  # also the score recomputation the new parks asked for
        assert uitgestelde_taken_versturen() == achterstand
        for _ in range(100):
            if Plankaart.objects.count() == 6:
                break
            time.sleep(0.1)
    assert Plankaart.objects.count() == 6
    assert not UitgesteldeTaak.objects.exists()
    assert "is vertraagd" not in client.get(reverse("home")).content.decode()


def test_a_deferred_task_stays_queued_while_the_broker_is_still_down(eigen_broker):
    UitgesteldeTaak.objects.create(taak=plankaarten_modelleren_taak.name)
    assert uitgestelde_taken_versturen() == 0
    uitgesteld = UitgesteldeTaak.objects.get()
    assert uitgesteld.pogingen == 2
    assert uitgesteld.fout
