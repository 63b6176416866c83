"""Background work on plankaarten; thin adapters around the services."""

from celery import shared_task

from plankaarten.modellering import plankaarten_modelleren


@shared_task(acks_late=True, time_limit=600, soft_time_limit=540)
def plankaarten_modelleren_taak() -> dict:
    """Recompute the modelled plankaarten (after the assumptions or the parks changed); safe to repeat."""
    return plankaarten_modelleren().as_dict()
