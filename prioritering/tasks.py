"""Background work of the prioritisation; thin adapters around the services."""

from celery import shared_task

from prioritering import services
from prioritering.models import Berekening


@shared_task(acks_late=True, time_limit=600, soft_time_limit=540)
def prioriteiten_berekenen_taak(berekening_id: int) -> dict:
    """Score all parks in one pass for a queued run; a run that already finished is skipped."""
    return services.berekening_uitvoeren(berekening_id=berekening_id)


@shared_task(acks_late=True, time_limit=60, soft_time_limit=50)
def prioriteiten_nachtelijk_taak() -> int:
    """Nightly (beat): queue a recomputation, joining one that is already waiting."""
    return services.berekening_inplannen(aanleiding=Berekening.Aanleiding.NACHTELIJK).pk
