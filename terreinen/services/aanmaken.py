"""Creating parks: one at a time (a save) or in bulk (imports), with the same consequences.

Whoever creates parks, `terreinen_aangemaakt` is sent once for them, in the same transaction, so
other apps (the stappenplan's Traject) follow without terreinen knowing them. Bulk creation goes
through audit.bulk, so every new park has its audit row as a save would give it.
"""

from audit import bulk
from nal_oost.signalen import terreinen_aangemaakt
from terreinen.models import Bedrijventerrein


def terreinen_aanmaken(terreinen: list[Bedrijventerrein], *, batch_size: int = 500) -> list[Bedrijventerrein]:
    """Create many parks at once; returns them with their keys."""
    terreinen = bulk.aanmaken(Bedrijventerrein, terreinen, batch_size=batch_size)
    if terreinen:
        terreinen_aangemaakt.send(sender=Bedrijventerrein, terrein_ids=[t.pk for t in terreinen])
    return terreinen


def na_opslaan(sender, instance, created=False, raw=False, **kwargs):
    """post_save of one park: a new one is announced like a bulk-created one (not when loading a backup)."""
    if created and not raw:
        terreinen_aangemaakt.send(sender=Bedrijventerrein, terrein_ids=[instance.pk])
