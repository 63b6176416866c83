"""The "Geschiedenis" section of the park page."""

from django.core.paginator import Paginator

from audit.forms import GeschiedenisFilterForm
from audit.selectors import terrein_geschiedenis, terrein_geschiedenis_actoren
from nal_oost import rechten, rollen

PER_PAGINA = 25
FILTER_VELDEN = ("gebruiker", "van", "tot", "verzoek")


def geschiedenis_context(request, terrein) -> dict | None:
    if rollen.rol_van(request.user) is None:
        return None
    vertrouwelijk = rechten.ziet_vertrouwelijk(request.user)
    gegevens = {k: request.GET[k] for k in FILTER_VELDEN if request.GET.get(k)}
    form = GeschiedenisFilterForm(
        gegevens or None,
        actoren=terrein_geschiedenis_actoren(terrein=terrein) if vertrouwelijk else (),
        met_gebruiker=vertrouwelijk,
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
        "met_personen": vertrouwelijk,
    }
