"""The recomputation path end to end: real Redis, a real Celery worker, an import as the trigger."""

import time

import pytest
from celery.contrib.testing.worker import start_worker

from nal_oost.celery import app
from plankaarten.services import plankaarten_importeren
from prioritering.models import Berekening, Prioriteit
from prioritering.tasks import prioriteiten_nachtelijk_taak
from tests.factories import BedrijventerreinFactory

pytestmark = [pytest.mark.celery, pytest.mark.django_db(transaction=True)]


def wacht_tot_alles_berekend(timeout=30):
    einde = time.monotonic() + timeout
    while time.monotonic() < einde:
        open_ = Berekening.objects.filter(status__in=("wachtrij", "bezig")).exists()
        if not open_ and Berekening.objects.filter(status="klaar").exists():
            return
        time.sleep(0.1)
    pytest.fail(f"recomputation did not finish: {list(Berekening.objects.values('aanleiding', 'status', 'fout'))}")


def test_an_import_triggers_recomputation_in_the_worker_and_the_new_scores_appear(tmp_path):
    assert app.conf.broker_url.startswith("redis://")
    app.control.purge()
    terreinen = BedrijventerreinFactory.create_batch(3)  # three saves, one queued run
    assert Berekening.objects.filter(status="wachtrij").count() == 1
    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
        wacht_tot_alles_berekend()
        assert Prioriteit.objects.filter(zonder_plankaart=True).count() == 3

        pad = tmp_path / "plankaarten.csv"
        regels = ["rin;zichtjaar;scenario;laadvermogen_kw"]
        for i, t in enumerate(terreinen, start=1):
            regels += [f"{t.rin};2030;midden;{i * 100}", f"{t.rin};2035;midden;{i * 1000}"]
        pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
        assert plankaarten_importeren(pad=pad).geslaagd
        wacht_tot_alles_berekend()
    na_import = Berekening.objects.get(aanleiding="import")
    assert na_import.status == "klaar" and na_import.aantal_terreinen == 3
    scores = {p.terrein_id: p for p in Prioriteit.objects.all()}
    assert not any(p.zonder_plankaart for p in scores.values())
    assert scores[terreinen[2].pk].vraagklasse == "hoog" and scores[terreinen[2].pk].rang == 1
    assert scores[terreinen[0].pk].vraagklasse == "laag"


def test_the_nightly_task_queues_and_the_worker_computes():
    app.control.purge()
    BedrijventerreinFactory()
    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
        wacht_tot_alles_berekend()
        berekening_id = prioriteiten_nachtelijk_taak.delay().get(timeout=30)
        wacht_tot_alles_berekend()
    assert Berekening.objects.get(pk=berekening_id).status == "klaar"
    assert "prioriteiten-nachtelijk" in app.conf.beat_schedule
