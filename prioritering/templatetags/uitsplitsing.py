"""The lines of a score breakdown a viewer may see: each line has the class of the field its criterion reads."""

from django import template

from nal_oost import zichtbaarheid
from prioritering.criteria import BRON

register = template.Library()


@register.filter
def zichtbare_regels(uitsplitsing, kijker) -> list[dict]:
    """`{% for regel in prioriteit.uitsplitsing|zichtbare_regels:user %}`; a criterion without a known source is left out."""
    return [r for r in uitsplitsing or () if r.get("criterium") in BRON and zichtbaarheid.mag_zien(kijker, BRON[r["criterium"]])]
