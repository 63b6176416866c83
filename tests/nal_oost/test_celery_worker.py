import pytest
from celery.contrib.testing.worker import start_worker

from nal_oost.celery import app
from plankaarten.models import Plankaart
from plankaarten.tasks import plankaarten_modelleren_taak
from tests.factories import BedrijventerreinFactory

pytestmark = [pytest.mark.celery, pytest.mark.django_db(transaction=True)]


def test_real_worker_on_redis_models_plankaarten_and_a_repeat_changes_nothing():
    assert app.conf.broker_url.startswith("redis://")
    BedrijventerreinFactory.create_batch(3)
    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
        eerste = plankaarten_modelleren_taak.delay().get(timeout=30)
        tweede = plankaarten_modelleren_taak.delay().get(timeout=30)
    assert eerste["nieuw"] == 9
    assert tweede["nieuw"] == 0 and tweede["ongewijzigd"] == 9
    assert Plankaart.objects.actueel().count() == 9
