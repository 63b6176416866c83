"""Reads of one park, always starting from what the user may see (lists and overviews: overzicht.selectors)."""

from django.shortcuts import get_object_or_404

from terreinen.models import Bedrijventerrein


def terrein_detail(*, user, rin: int) -> Bedrijventerrein:
    """One visible park, or 404 — also for parks that exist outside the user's scope."""
    return get_object_or_404(
        Bedrijventerrein.objects.zichtbaar_voor(user)
        .select_related("gemeente__provincie", "netbeheerder")
        .prefetch_related("initiatieven"),
        rin=rin,
    )
