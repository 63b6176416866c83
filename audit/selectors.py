"""Reads of the audit trail, always filtered to what the user may see."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import weergave
from audit.models import Wijziging
from audit.registry import geaudit_model, geauditeerde_modellen
from nal_oost import zichtbaarheid


@dataclass
class GeschiedenisRegel:
    wijziging: Wijziging
    velden: list[dict]  # {"veld", "label", "oud", "nieuw"} as they read (audit.weergave)
    door: str
    soort: str
    stap: tuple[int, int] | None = None  # a move to another step: (from, to)


def _begin_van(dag: date) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time.min))


def terrein_geschiedenis(
    *, user, terrein, gebruiker: str = "", van: date | None = None, tot: date | None = None, request_id: str = ""
) -> list[GeschiedenisRegel]:
    """Changes of a park and what belongs to it, newest first, for a user allowed to see the park.

    What each user sees follows the visibility register (nal_oost/zichtbaarheid.py): changes of
    objects and fields of a class the user may see; who made a change only when the user may see
    `audit.Wijziging.actor_naam` (otherwise "Provincie", data minimisation), and only then a filter by person.
    """
    qs: QuerySet[Wijziging] = Wijziging.objects.filter(terrein_id=terrein.pk).select_related("content_type")
    met_personen = zichtbaarheid.mag_zien(user, Wijziging, "actor_naam", terrein)
    zichtbaar = [g.model for g in geauditeerde_modellen() if g.terrein is not None and zichtbaarheid.mag_zien(user, g.model)]
    qs = qs.filter(content_type__in=ContentType.objects.get_for_models(*zichtbaar).values()) if zichtbaar else qs.none()
    if gebruiker and met_personen:
        qs = qs.filter(actor_naam=gebruiker)
    if van:
        qs = qs.filter(tijdstip__gte=_begin_van(van))
    if tot:
        qs = qs.filter(tijdstip__lt=_begin_van(tot + timedelta(days=1)))
    if request_id and zichtbaarheid.mag_zien(user, Wijziging, "request_id", terrein):
        qs = qs.filter(request_id=request_id)
    regels = []
    verborgen: dict = {}  # per model with row-level classes (a confidential document): ids the user may not see
    for wijziging in qs[:500]:
        model = wijziging.content_type.model_class()
        geaudit = geaudit_model(model) if model else None
        if geaudit is None:
            continue
        if model not in verborgen:
            rijen = zichtbaarheid.verborgen_rijen(user, model._base_manager.all())
            verborgen[model] = {str(pk) for pk in rijen.values_list("pk", flat=True)}
        if wijziging.object_id in verborgen[model]:
            continue
        velden = [
            v
            for v in wijziging.velden
            if v.get("veld", "") not in geaudit.uitgesloten and geaudit.veld_zichtbaar(user, v.get("veld", ""))
        ]
        if not velden and wijziging.actie == Wijziging.Actie.GEWIJZIGD:
            continue
        door = wijziging.actor_naam if met_personen else _("Provincie")
        soort = str(model._meta.verbose_name)
        regels.append(
            GeschiedenisRegel(
                wijziging=wijziging,
                velden=[
                    r
                    for r in (weergave.veldregel_tonen(model, v, geaudit.keuzes.get(v.get("veld"))) for v in velden)
                    if r["oud"] or r["nieuw"]
                ],
                door=door,
                soort=soort,
                stap=weergave.stapwissel(model, velden),
            )
        )
    return regels


def terrein_geschiedenis_actoren(*, terrein) -> list[str]:
    """Names of everyone who changed something of this park, for the filter's choices."""
    return sorted(set(Wijziging.objects.filter(terrein_id=terrein.pk).values_list("actor_naam", flat=True).distinct()))
