"""Background work for the stappenplan; thin adapters around the services."""

from datetime import date

from celery import shared_task

from stappenplan.services import dagoverzichten_versturen


@shared_task(acks_late=True, time_limit=300, soft_time_limit=270)
def dagoverzicht_versturen_taak(vandaag: str | None = None) -> dict:
    """Daily digest of overdue and soon-due parks per regisseur; a repeat on the same day sends nothing twice."""
    return dagoverzichten_versturen(vandaag=date.fromisoformat(vandaag) if vandaag else None)
