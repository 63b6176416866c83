"""Starting background tasks without making web requests wait on the broker.

`taak_starten` enqueues after the surrounding transaction commits. If the broker cannot be reached,
the task is stored in `UitgesteldeTaak` instead of failing the request (with Redis down, a plain
`.delay()` blocks for ~20 s retrying before it raises); pages then say background work is delayed,
and `uitgestelde_taken_versturen` sends the backlog once the broker answers again.
"""

import functools
import logging

from celery import shared_task
from django.db import transaction
from kombu.exceptions import OperationalError
from redis.exceptions import RedisError

from nal_oost.models import UitgesteldeTaak

logger = logging.getLogger(__name__)

# Publishing fails at once instead of retrying while the request waits; callers never wait for a result,
# so the result backend is not subscribed to (with Redis down that subscription alone retries for ~20 s).
PUBLICEER_OPTIES = {"retry": False, "ignore_result": True}
BROKER_FOUTEN = (OperationalError, ConnectionError, OSError, RedisError)


def _publiceren(taak_naam: str, args, kwargs) -> None:
    from nal_oost.celery import app

    app.send_task(taak_naam, args=list(args), kwargs=dict(kwargs), **PUBLICEER_OPTIES)


def taak_versturen(taak, *args, **kwargs) -> bool:
    """Send now (outside a transaction hook); when the broker is unreachable keep it for later. True when sent."""
    taak_naam = taak if isinstance(taak, str) else taak.name
    try:
        _publiceren(taak_naam, args, kwargs)
    except BROKER_FOUTEN as exc:
        logger.warning("broker unreachable, task %s deferred: %s", taak_naam, exc)
        UitgesteldeTaak.objects.create(taak=taak_naam, args=list(args), kwargs=dict(kwargs), fout=str(exc)[:500])
        return False
    return True


def taak_starten(taak, *args, **kwargs) -> None:
    """Enqueue `taak` (a Celery task or its name) once the current transaction commits; never blocks on a dead broker."""
    transaction.on_commit(lambda: taak_versturen(taak, *args, **kwargs))


def eenmaal_na_commit(sleutel: str, terugroep, *, using: str | None = None, robust: bool = False) -> None:
    """Run `terugroep` once the current transaction commits, and once per transaction however often it is asked
    for under the same `sleutel` (a burst of writes registers it once); outside a transaction at once."""
    verbinding = transaction.get_connection(using)
    if verbinding.in_atomic_block and any(getattr(f, "_nal_eenmaal", None) == sleutel for _s, f, _r in verbinding.run_on_commit):
        return
    gemerkt = functools.partial(terugroep)
    gemerkt._nal_eenmaal = sleutel
    verbinding.on_commit(gemerkt, robust=robust)


def achtergrond_vertraagd() -> bool:
    return UitgesteldeTaak.objects.exists()


@shared_task(ignore_result=True, time_limit=120, soft_time_limit=110)
def uitgestelde_taken_versturen() -> int:
    """Send deferred tasks in the order they were deferred; stops at the first failure. Returns how many went out."""
    verstuurd = 0
    for uitgesteld in UitgesteldeTaak.objects.order_by("aangemaakt_op", "pk"):
        try:
            _publiceren(uitgesteld.taak, uitgesteld.args, uitgesteld.kwargs)
        except BROKER_FOUTEN as exc:
            UitgesteldeTaak.objects.filter(pk=uitgesteld.pk).update(pogingen=uitgesteld.pogingen + 1, fout=str(exc)[:500])
            break
        uitgesteld.delete()
        verstuurd += 1
    return verstuurd
