"""Background rendering of factsheets; thin adapters around the services.

acks_late + reject_on_worker_lost: a task whose worker is killed is delivered again, and the services
make a second delivery do nothing that was already done. The hard time limit ends a hung render
(WeasyPrint has no timeout of its own); the soft limit lets the service record the failure first.
"""

from celery import shared_task

from factsheets import services

OPTIES = {"acks_late": True, "reject_on_worker_lost": True, "time_limit": 300, "soft_time_limit": 240}


@shared_task(bind=True, **OPTIES)
def factsheet_renderen_taak(self, terrein_id: int, variant: str, run_item_id: int | None = None, forceren: bool = False) -> dict:
    """Render one park's factsheet in one variant, unless the PDF for its current data exists."""
    return services.factsheet_renderen(
        terrein_id=terrein_id, variant=variant, taak_id=self.request.id or "", forceren=forceren, run_item_id=run_item_id
    ).as_dict()


@shared_task(bind=True, **{**OPTIES, "time_limit": 900, "soft_time_limit": 840})
def factsheet_run_taak(self, run_id: int) -> dict:
    """Find the stale factsheets of a run and fan out one render task per park and variant."""
    items = services.factsheet_run_voorbereiden(run_id=run_id, taak_id=self.request.id or "")
    run = items[0].run if items else None
    for item in items:
        factsheet_renderen_taak.delay(item.terrein_id, item.variant, run_item_id=item.pk, forceren=run.alles)
    return {"run": run_id, "in_wachtrij": len(items)}
