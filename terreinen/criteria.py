"""The Bijlage 7 criteria recorded per park: which fields they are, when one counts as known, who may see it.

One list, read by the edit form, the criteria import and its import sheet, the completeness
count on the list and park page, the "criterium onbekend" filter and the completeness page.
"""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from nal_oost import zichtbaarheid


@dataclass(frozen=True)
class Criterium:
    veld: str
    label: str

    @property
    def onbekend(self) -> Q:
        """The condition under which this criterion is unknown on a park."""
        from terreinen.models import Bedrijventerrein

        veld = Bedrijventerrein._meta.get_field(self.veld)
        if veld.null:
            return Q(**{f"{self.veld}__isnull": True})
        return Q(**{self.veld: ""})


CRITERIA: tuple[Criterium, ...] = (
    Criterium("parkmanagement", _("Parkmanagement")),
    Criterium("aantal_bedrijven", _("Aantal bedrijven")),
    Criterium("aantal_sectoren", _("Aantal sectoren (SBI)")),
    Criterium("aandeel_logistiek", _("Aandeel logistiek")),
    Criterium("bereikbaarheid", _("Bereikbaarheid")),
    Criterium("terrein_vol", _("Terrein vol")),
    Criterium("warme_contacten", _("Warme contacten")),
    Criterium("eigen_initiatief", _("Eigen initiatief")),
    Criterium("afstand_ze_zone_km", _("Afstand tot ZE-zone")),
)
CRITERIA_PER_VELD = {c.veld: c for c in CRITERIA}


def criteria_voor(kijker) -> tuple[Criterium, ...]:
    """The criteria `kijker` may see (nal_oost.zichtbaarheid decides, per field)."""
    return tuple(c for c in CRITERIA if zichtbaarheid.mag_zien(kijker, "terreinen.Bedrijventerrein", c.veld))


def openbare_criteria() -> tuple[Criterium, ...]:
    """The criteria everyone may see: what an ordering over all users may count."""
    return tuple(c for c in CRITERIA if zichtbaarheid.klasse("terreinen.Bedrijventerrein", c.veld) == zichtbaarheid.OPENBAAR)


def bekend_expressie(criteria=CRITERIA):
    """How many of `criteria` are known on a park, as one SQL expression (for annotations and sorting)."""
    delen = [Case(When(c.onbekend, then=Value(0)), default=Value(1), output_field=IntegerField()) for c in criteria]
    som = delen[0]
    for deel in delen[1:]:
        som = som + deel
    return Coalesce(som, Value(0))


def is_bekend(terrein, veld: str) -> bool:
    waarde = getattr(terrein, veld)
    return waarde is not None and waarde != ""


def aantal_bekend(terrein, criteria=CRITERIA) -> int:
    return sum(is_bekend(terrein, c.veld) for c in criteria)
