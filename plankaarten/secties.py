"""The plankaart section of the park page: the demand chart (the same SVG as in the factsheet PDF) and the figures."""

from django.utils.translation import gettext_lazy as _

from nal_oost.secties import Sectie
from plankaarten.grafiek import laadvraag_svg
from plankaarten.models import Plankaart
from plankaarten.selectors import laadvraag_per_jaar, plankaart_actueel


def plankaart_sectie_context(request, terrein) -> dict:
    midden = plankaart_actueel(terrein=terrein)
    alle = list(Plankaart.objects.actueel().filter(terrein=terrein).select_related("versie").order_by("scenario", "zichtjaar"))
    return {
        "grafiek": laadvraag_svg(midden, svg_id=f"laadvraag-{terrein.rin}"),
        "per_jaar": laadvraag_per_jaar(midden),
        "plankaarten": alle,
        "gemodelleerd": any(p.gemodelleerd for p in alle),
    }


PLANKAART_SECTIE = Sectie(
    sleutel="plankaart",
    template="plankaarten/sectie_plankaart.html",
    context=plankaart_sectie_context,
    volgorde=10,
    titel=_("Plankaart"),
)
