"""Reads of the audit trail, always filtered to what the user may see."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import Wijziging
from audit.registry import geaudit_model, geauditeerde_modellen
from nal_oost import rechten


@dataclass
class GeschiedenisRegel:
    wijziging: Wijziging
    velden: list[dict]
    door: str
    soort: str


def _begin_van(dag: date) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time.min))


def terrein_geschiedenis(
    *, user, terrein, gebruiker: str = "", van: date | None = None, tot: date | None = None, request_id: str = ""
) -> list[GeschiedenisRegel]:
    """Changes of a park and what belongs to it, newest first, for a user allowed to see the park.

    Provincial roles see everything with who did it. Gemeente users see only changes of
    non-confidential fields of non-confidential models (the park's public data, plankaarten, the
    traject's step and status), with the person replaced by "Provincie" (data minimisation), and
    cannot filter by person.
    """
    qs: QuerySet[Wijziging] = Wijziging.objects.filter(terrein_id=terrein.pk).select_related("content_type")
    vertrouwelijk = rechten.ziet_vertrouwelijk(user)
    if not vertrouwelijk:
        openbaar = [g.model for g in geauditeerde_modellen() if g.vertrouwelijk is not True and g.terrein is not None]
        qs = qs.filter(content_type__in=ContentType.objects.get_for_models(*openbaar).values())
    elif gebruiker:
        qs = qs.filter(actor_naam=gebruiker)
    if van:
        qs = qs.filter(tijdstip__gte=_begin_van(van))
    if tot:
        qs = qs.filter(tijdstip__lt=_begin_van(tot + timedelta(days=1)))
    if request_id:
        qs = qs.filter(request_id=request_id)
    regels = []
    for wijziging in qs[:500]:
        model = wijziging.content_type.model_class()
        geaudit = geaudit_model(model) if model else None
        velden = wijziging.velden
        if not vertrouwelijk:
            if geaudit is None:
                continue
            velden = [v for v in velden if not geaudit.is_vertrouwelijk(v.get("veld", ""))]
            if not velden and wijziging.actie == Wijziging.Actie.GEWIJZIGD:
                continue
        door = wijziging.actor_naam
        if not vertrouwelijk and wijziging.actor_id is not None:
            door = _("Provincie")
        soort = str(model._meta.verbose_name) if model else wijziging.content_type.model
        regels.append(GeschiedenisRegel(wijziging=wijziging, velden=velden, door=door, soort=soort))
    return regels


def terrein_geschiedenis_actoren(*, terrein) -> list[str]:
    """Names of everyone who changed something of this park, for the filter's choices."""
    return sorted(set(Wijziging.objects.filter(terrein_id=terrein.pk).values_list("actor_naam", flat=True).distinct()))
