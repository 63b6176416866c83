"""Tasks only the fault-tolerance tests load into their worker (celery worker -I tests.nal_oost.taken_voor_tests)."""

import os
import time

from celery import shared_task
from django.db import transaction

from plankaarten.modellering import plankaarten_modelleren


@shared_task(acks_late=True, reject_on_worker_lost=True)
def traag_modelleren(marker: str, wacht_s: float) -> dict:
    """Model plankaarten inside one transaction and hold it open for `wacht_s` seconds before committing."""
    with transaction.atomic():
        resultaat = plankaarten_modelleren()
        with open(marker, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()} geschreven\n")
        time.sleep(wacht_s)
    return resultaat.as_dict()


@shared_task
def echo(waarde: str) -> str:
    return waarde
