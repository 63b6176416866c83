"""Reads of parks, always starting from what the user may see."""

from django.db.models import Q, QuerySet, Sum
from django.shortcuts import get_object_or_404

from terreinen.models import Bedrijventerrein


def _actuele_vraag(zichtjaar: int, scenario: str = "midden") -> Sum:
    # Through the reverse relation, so this app does not import plankaarten.
    return Sum(
        "plankaarten__laadvermogen_kw",
        filter=Q(plankaarten__actueel=True, plankaarten__zichtjaar=zichtjaar, plankaarten__scenario=scenario),
    )


def terrein_lijst(*, user, zoek: str = "") -> QuerySet[Bedrijventerrein]:
    """Visible parks with municipality, size class and current 2030 demand, for lists."""
    qs = (
        Bedrijventerrein.objects.zichtbaar_voor(user)
        .select_related("gemeente__provincie")
        .defer("geometrie", "gemeente__geometrie", "gemeente__provincie__geometrie")
        .met_grootteklasse()
        .annotate(kw_2030=_actuele_vraag(2030))
    )
    if zoek:
        voorwaarde = Q(naam__icontains=zoek) | Q(gemeente__naam__icontains=zoek)
        if zoek.isdigit():
            voorwaarde |= Q(rin=int(zoek))
        qs = qs.filter(voorwaarde)
    return qs.order_by("gemeente__naam", "naam")


def terrein_detail(*, user, rin: int) -> Bedrijventerrein:
    """One visible park, or 404 — also for parks that exist outside the user's scope."""
    return get_object_or_404(
        Bedrijventerrein.objects.zichtbaar_voor(user).select_related("gemeente__provincie", "netbeheerder"), rin=rin
    )
