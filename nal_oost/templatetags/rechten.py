"""The permission predicates of nal_oost.rechten in templates, by name.

{% load rechten %}
{% if request.user|mag:"beheren" %}…{% endif %}
{% mag "terrein_bewerken" terrein as kan_bewerken %}{% if kan_bewerken %}…{% endif %}
"""

from django import template

from nal_oost.rechten import PREDICATEN

register = template.Library()


def _predicaat(naam: str):
    try:
        return PREDICATEN[naam]
    except KeyError:
        raise template.TemplateSyntaxError(f"unknown permission predicate '{naam}'") from None


@register.filter(name="mag")
def mag_filter(user, naam: str) -> bool:
    """A predicate of the user alone: `user|mag:"beheren"`."""
    return bool(_predicaat(naam)(user))


@register.simple_tag(takes_context=True)
def mag(context, naam: str, *objecten) -> bool:
    """A predicate of the current user and objects: `{% mag "terrein_bewerken" terrein as ja %}`."""
    return bool(_predicaat(naam)(context["request"].user, *objecten))
