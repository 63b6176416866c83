"""Where a message (django.contrib.messages) is shown: at the top of the page, or at a named spot.

A view that wants its message next to the action that caused it adds `extra_tags=plek("naam")`;
the template of that spot renders `{% load meldingen %}{% meldingen "naam" %}`. base.html shows
every message no spot on the page took, so a message whose spot is not rendered is never lost.
"""

from django.utils.translation import gettext_lazy as _

PLEK_VOORVOEGSEL = "plek-"

# Django's message level → (Utrecht alert type, the words that say the kind without colour, ARIA role).
SOORTEN = {
    "success": ("ok", _("Gelukt"), "status"),
    "info": ("info", _("Ter informatie"), "status"),
    "debug": ("info", _("Ter informatie"), "status"),
    "warning": ("warning", _("Let op"), "status"),
    "error": ("error", _("Niet gelukt"), "alert"),
}


def plek(naam: str) -> str:
    """The extra_tags that send a message to `{% meldingen naam %}`."""
    return f"{PLEK_VOORVOEGSEL}{naam}"


def plek_van(bericht) -> str | None:
    """The spot a message asked for, or None for the top of the page."""
    for tag in (bericht.extra_tags or "").split():
        if tag.startswith(PLEK_VOORVOEGSEL):
            return tag.removeprefix(PLEK_VOORVOEGSEL)
    return None
