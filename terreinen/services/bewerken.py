"""Editing a park's criteria and grid data: one audited, conflict-safe save for the edit screen.

The lock token is the park's `gewijzigd_op` as the editor read it. The row is locked and the token
compared inside the transaction, so of two editors starting from the same state the second gets
`GelijktijdigeWijziging` with what the first changed; nothing of the second is written.
A regular `save()` writes the change, so the field history (audit) records it and the score
recomputation is queued like any other park change (prioritering signals).
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from nal_oost import gelijktijdig, rechten
from terreinen.criteria import CRITERIA
from terreinen.models import Bedrijventerrein

# What the edit screen changes: the Bijlage 7 criteria plus the grid data and the initiatives.
NET_VELDEN = ("netbeheerder", "onderstation", "netcongestie")
BEWERKBARE_VELDEN = (*(c.veld for c in CRITERIA), *NET_VELDEN, "initiatieven")


class GelijktijdigeWijziging(gelijktijdig.GelijktijdigeWijziging):
    """Someone saved the park after the editor read it; `wijzigingen` lists (label, was, nu) of what they changed.

    The park has no version number: its `gewijzigd_op` plays that part, and the snapshot of what the
    editor saw names each change."""

    def __init__(self, terrein: Bedrijventerrein, wijzigingen: list[tuple[str, str, str]]):
        self.terrein = terrein
        self.wijzigingen = wijzigingen
        super().__init__(_("Iemand anders heeft dit terrein intussen gewijzigd."))


def _leesbaar(terrein: Bedrijventerrein, veld: str) -> str:
    if veld == "initiatieven":
        return ", ".join(sorted(i.naam for i in terrein.initiatieven.all()))
    model_veld = Bedrijventerrein._meta.get_field(veld)
    waarde = getattr(terrein, veld)
    if waarde is None or waarde == "":
        return str(_("onbekend"))
    if model_veld.choices:
        return str(getattr(terrein, f"get_{veld}_display")())
    if isinstance(waarde, bool):
        return str(_("ja") if waarde else _("nee"))
    return str(waarde)


def terrein_momentopname(*, terrein: Bedrijventerrein) -> dict[str, str]:
    """The editable values as a person reads them; kept with the form, so a conflict can say what changed."""
    return {veld: _leesbaar(terrein, veld) for veld in BEWERKBARE_VELDEN}


def _label(veld: str) -> str:
    return capfirst(str(Bedrijventerrein._meta.get_field(veld).verbose_name))


def terrein_bewerken(
    *, terrein: Bedrijventerrein, user, gegevens: dict, gezien_op: datetime, momentopname: dict | None = None
) -> list[str]:
    """Save the edited values when nobody changed the park since `gezien_op`; returns the labels of changed fields.

    Raises PermissionDenied for roles that may not edit, ValidationError for invalid values and
    GelijktijdigeWijziging when the park changed since it was read.
    """
    if not rechten.mag_bewerken(user):
        raise PermissionDenied(_("Alleen een regisseur of beheerder kan de gegevens van een terrein wijzigen."))
    onbekend = sorted(set(gegevens) - set(BEWERKBARE_VELDEN))
    if onbekend:
        raise ValidationError(_("Deze gegevens kunnen hier niet worden gewijzigd: %(velden)s") % {"velden": ", ".join(onbekend)})
    with transaction.atomic():
        actueel = Bedrijventerrein.objects.select_for_update().defer("geometrie").get(pk=terrein.pk)
        if actueel.gewijzigd_op != gezien_op:
            nu = terrein_momentopname(terrein=actueel)
            wijzigingen = [
                (_label(v), (momentopname or {}).get(v, "?"), nu[v])
                for v in BEWERKBARE_VELDEN
                if momentopname is None or momentopname.get(v) != nu[v]
            ]
            raise GelijktijdigeWijziging(actueel, wijzigingen)
        gewijzigd = []
        for veld, waarde in gegevens.items():
            if veld == "initiatieven":
                if {i.pk for i in waarde} != set(actueel.initiatieven.values_list("pk", flat=True)):
                    gewijzigd.append(veld)
                continue
            if getattr(actueel, veld) != waarde:
                setattr(actueel, veld, waarde)
                gewijzigd.append(veld)
        if not gewijzigd:
            return []
        velden = [v for v in gewijzigd if v != "initiatieven"]
        actueel.full_clean(exclude=[f.name for f in Bedrijventerrein._meta.fields if f.name not in velden])
        # Always a save, also when only the initiatives changed: it moves `gewijzigd_op`, the lock token.
        actueel.save()
        if "initiatieven" in gewijzigd:
            actueel.initiatieven.set(gegevens["initiatieven"])
    return [_label(v) for v in gewijzigd]
