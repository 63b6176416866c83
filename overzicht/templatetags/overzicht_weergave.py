"""Display helpers for park screens: step and status labels (parks without a traject have not started)."""

from django import template
from django.forms.utils import flatatt
from django.utils.html import format_html_join

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


def als_teksten(waarde) -> set[str]:
    """A form field's submitted value(s) as a set of strings, to mark chosen options."""
    if waarde is None:
        return set()
    if isinstance(waarde, list | tuple):
        return {str(w) for w in waarde}
    return {str(waarde)}


def als_lijst(keuzes) -> list:
    """A field's choices read once: `list()` of the field's choices would first count them, one query more."""
    return list(iter(keuzes))


@register.simple_tag
def meerkeuze() -> str:
    """The attributes that make a hand-written <select multiple> a multi-select with type-ahead (js/meerkeuze.js)."""
    return flatatt(meerkeuze_attrs())


def _keuzes(veld) -> list[tuple[str, str, bool]]:
    gekozen = als_teksten(veld.value())
    return [(str(waarde), label, str(waarde) in gekozen) for waarde, label in als_lijst(veld.field.choices)]


@register.simple_tag
def filter_opties(veld) -> str:
    """The <option>s of a filter's <select multiple>, written at once: a template loop costs ~30 µs per option."""
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((waarde, " selected" if gekozen else "", label) for waarde, label, gekozen in _keuzes(veld)),
    )


@register.simple_tag
def filter_vinkjes(veld) -> str:
    """The checkboxes of a filter's group, written at once (see filter_opties)."""
    return format_html_join(
        "\n",
        '<div class="utrecht-form-field utrecht-form-field--checkbox">\n'
        '    <label class="utrecht-form-label utrecht-form-label--checkbox" for="{id}_{i}"><input type="checkbox" '
        'name="{naam}" value="{waarde}" class="utrecht-checkbox utrecht-checkbox--html-input" id="{id}_{i}"{gekozen}> '
        "{label}</label>\n  </div>",
        (
            {
                "id": veld.auto_id,
                "i": i,
                "naam": veld.html_name,
                "waarde": waarde,
                "label": label,
                "gekozen": " checked" if g else "",
            }
            for i, (waarde, label, g) in enumerate(_keuzes(veld))
        ),
    )
