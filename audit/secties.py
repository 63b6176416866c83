"""The "Geschiedenis" section of the park page."""

from django.core.paginator import Paginator

from audit.forms import GeschiedenisFilterForm
from audit.models import Wijziging
from audit.selectors import terrein_geschiedenis, terrein_geschiedenis_actoren
from nal_oost import rollen, zichtbaarheid

PER_PAGINA = 25
FILTER_VELDEN = ("gebruiker", "van", "tot", "verzoek")


def geschiedenis_context(request, terrein) -> dict | None:
    if rollen.rol_van(request.user) is None:
        return None
    met_personen = zichtbaarheid.mag_zien(request.user, Wijziging, "actor_naam", terrein)
    gegevens = {k: request.GET[k] for k in FILTER_VELDEN if request.GET.get(k)}
    form = GeschiedenisFilterForm(
        gegevens or None,
        actoren=terrein_geschiedenis_actoren(terrein=terrein) if met_personen else (),
        met_gebruiker=met_personen,
    )
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    regels = terrein_geschiedenis(
        user=request.user,
        terrein=terrein,
        gebruiker=filters.get("gebruiker") or "",
        van=filters.get("van"),
        tot=filters.get("tot"),
        request_id=filters.get("verzoek") or "",
    )
    pagina = Paginator(regels, PER_PAGINA).get_page(request.GET.get("geschiedenis_pagina"))
    querystring = request.GET.copy()
    querystring.pop("geschiedenis_pagina", None)
    return {
        "form": form,
        "pagina": pagina,
        "gefilterd": bool(filters),
        "querystring": querystring.urlencode(),
        "met_personen": met_personen,
    }
