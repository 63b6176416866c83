"""A multi-select with type-ahead (static/js/meerkeuze.js) on top of a plain <select multiple>.

Give the select `meerkeuze_attrs()` (a widget's attrs, or the attributes of a hand-written select) and load
js/meerkeuze.js on the page. Without JavaScript it stays the plain select; with it, a text box filters the
options, chosen ones become removable chips, and counts are announced. The script's words come from here,
so they are translated like every other text.
"""

import json

from django.utils.functional import lazy
from django.utils.translation import gettext as _


def _teksten() -> str:
    return json.dumps(
        {
            "zoeken": _("Typ om te zoeken"),
            "uitleg": _("Typ een deel van de naam en kies met pijl omlaag en Enter."),
            "gekozen": _("Gekozen"),
            "geenKeuze": _("Nog niets gekozen."),
            "verwijderen": _("%(naam)s verwijderen"),
            "toegevoegd": _("%(naam)s gekozen."),
            "weggehaald": _("%(naam)s verwijderd."),
            "aantal": _("%(aantal)s van %(totaal)s opties."),
            "eenOptie": _("1 optie."),
            "geenOpties": _("Geen opties gevonden."),
            "aantalGekozen": _("%(aantal)s gekozen."),
        },
        ensure_ascii=False,
    )


# Evaluated when rendered, in the language of the request.
_teksten_lazy = lazy(_teksten, str)


def meerkeuze_attrs() -> dict[str, str]:
    """The attributes that make a <select multiple> a multi-select with type-ahead."""
    return {"data-meerkeuze": True, "data-meerkeuze-teksten": _teksten_lazy()}
