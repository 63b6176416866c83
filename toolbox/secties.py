"""The toolbox section on the park page."""

from django.urls import reverse

from nal_oost import rechten
from toolbox import selectors
from toolbox.forms import InzetForm

ZELFSTANDIG = "zelfstandig"


def terrein_sectie_context(request, terrein) -> dict | None:
    user = request.user
    if not rechten.is_ingelogd(user):
        return None
    toolbox = selectors.terrein_toolbox(user=user, terrein=terrein)
    context = {
        "toolbox": toolbox,
        "zelfstandig": toolbox.status == ZELFSTANDIG,
        "overzicht_url": reverse("toolbox:zelfstandig-overzicht", args=[terrein.rin]),
    }
    if rechten.mag_instrument_inzet_vastleggen(user, terrein):
        context["form"] = InzetForm(instrumenten=selectors.instrument_keuzes(user=user), huidige_stap=toolbox.huidige_stap)
        context["form_url"] = reverse("toolbox:inzet-vastleggen", args=[terrein.rin])
    return context
