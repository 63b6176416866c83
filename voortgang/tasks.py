"""Background rendering of the quarterly report PDF; a thin adapter around the service, safe to deliver twice."""

from celery import shared_task

from voortgang import services

OPTIES = {"acks_late": True, "reject_on_worker_lost": True, "time_limit": 300, "soft_time_limit": 240}


@shared_task(**OPTIES)
def kwartaalrapport_renderen_taak(rapport_id: int) -> dict:
    rapport = services.kwartaalrapport_renderen(rapport_id=rapport_id)
    return {"rapport": rapport.pk, "status": rapport.status}
