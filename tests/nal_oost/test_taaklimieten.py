"""Celery refuses to send a task whose soft time limit exceeds its hard one (beat logs an ERROR every run)."""

from django.conf import settings

from nal_oost.celery import app


def test_every_task_can_be_sent_its_soft_limit_is_below_its_hard_limit():
    app.loader.import_default_modules()
    taken = {naam: taak for naam, taak in app.tasks.items() if not naam.startswith("celery.")}
    assert "nal_oost.taken.uitgestelde_taken_versturen" in taken
    te_ruim = {
        naam: (zacht, hard)
        for naam, taak in taken.items()
        if (zacht := taak.soft_time_limit or settings.CELERY_TASK_SOFT_TIME_LIMIT)
        > (hard := taak.time_limit or settings.CELERY_TASK_TIME_LIMIT)
    }
    assert te_ruim == {}
