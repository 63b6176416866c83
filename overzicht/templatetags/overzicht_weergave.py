"""Display helpers for park screens: step and status labels (parks without a traject have not started)."""

from django import template
from django.forms.utils import flatatt

from nal_oost.meerkeuze import meerkeuze_attrs
from overzicht.filtersets import STAPPEN, STATUSSEN

register = template.Library()

_STAPPEN = dict(STAPPEN)
_STATUSSEN = dict(STATUSSEN)


@register.filter
def stap_label(stap_nr) -> str:
    return _STAPPEN.get(stap_nr, "–")


@register.filter
def status_label(status_code) -> str:
    return _STATUSSEN.get(status_code, status_code or "–")


@register.filter
def als_teksten(waarde) -> set[str]:
    """A form field's submitted value(s) as a set of strings, to mark chosen options."""
    if waarde is None:
        return set()
    if isinstance(waarde, list | tuple):
        return {str(w) for w in waarde}
    return {str(waarde)}


@register.filter
def als_lijst(keuzes) -> list:
    """A field's choices read once: `for` (and `list()` of the field's choices) would first count them, one query more."""
    return list(iter(keuzes))


@register.simple_tag
def meerkeuze() -> str:
    """The attributes that make a hand-written <select multiple> a multi-select with type-ahead (js/meerkeuze.js)."""
    return flatatt(meerkeuze_attrs())
