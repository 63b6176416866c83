"""Conflict-safe edits of records two people may change at once (optimistic locking on a `versie` field).

A form carries the version the user saw; the save locks the row, compares, raises the version by
one and saves through the model (so the audit trail records it). A stale form gets
`GelijktijdigeWijziging` and nothing is overwritten.
"""

from django.db import transaction
from django.utils.translation import gettext as _


class GelijktijdigeWijziging(Exception):
    """Someone else changed or deleted the record since the user opened it."""

    def __init__(self, melding: str | None = None):
        self.melding = melding or _(
            "Iemand anders heeft dit intussen gewijzigd of verwijderd. Uw wijziging is niet opgeslagen; "
            "bekijk de nieuwe stand en probeer het opnieuw."
        )
        super().__init__(self.melding)


def _vergrendel(obj, versie: int | None) -> int:
    actueel = type(obj)._base_manager.select_for_update().filter(pk=obj.pk).values_list("versie", flat=True).first()
    if actueel is None or (versie is not None and actueel != versie):
        raise GelijktijdigeWijziging
    return actueel


def opslaan_met_versie(obj, *, versie: int | None, velden: list[str] | None = None):
    """Save `obj` when its row still has `versie` (None: no check), raising the version by one."""
    with transaction.atomic():
        obj.versie = _vergrendel(obj, versie) + 1
        obj.save(update_fields=[*velden, "versie"] if velden is not None else None)
    return obj


def verwijderen_met_versie(obj, *, versie: int | None) -> None:
    """Delete `obj` when its row still has `versie`; a second delete of the same record is a conflict too."""
    with transaction.atomic():
        _vergrendel(obj, versie)
        obj.delete()
