"""Messages as NL Design System alerts, where the user's eyes are.

`{% meldingen "stappenplan" %}` shows the messages sent to that spot (nal_oost.meldingen.plek);
base.html wraps the page content in `{% meldingen_en_inhoud %}…{% endmeldingen_en_inhoud %}`, which
renders the content first and then puts every message nothing took above it.
"""

from django import template
from django.contrib.messages import get_messages
from django.template.loader import render_to_string

from nal_oost.meldingen import SOORTEN, plek_van

register = template.Library()


def _nemen(context, plek: str | None) -> list[dict]:
    """The messages for `plek` (None: all that are left), marked as shown so no other spot repeats them."""
    request = context.get("request")
    opslag = context.get("messages") if request is None else get_messages(request)
    genomen = []
    for bericht in opslag or ():
        if getattr(bericht, "getoond", False) or (plek is not None and plek_van(bericht) != plek):
            continue
        bericht.getoond = True
        soort, kop, rol = SOORTEN.get(bericht.level_tag, SOORTEN["info"])
        genomen.append({"tekst": bericht.message, "soort": soort, "kop": kop, "rol": rol, "niveau": bericht.level_tag})
    return genomen


@register.simple_tag(takes_context=True)
def meldingen(context, plek=None):
    genomen = _nemen(context, plek)
    if not genomen:
        return ""
    return render_to_string("nal/_meldingen.html", {"meldingen": genomen, "plek": plek})


class MeldingenEnInhoudNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        inhoud = self.nodelist.render(context)  # first, so the spots inside take their messages
        return meldingen(context) + inhoud


@register.tag
def meldingen_en_inhoud(parser, token):
    nodelist = parser.parse(("endmeldingen_en_inhoud",))
    parser.delete_first_token()
    return MeldingenEnInhoudNode(nodelist)
