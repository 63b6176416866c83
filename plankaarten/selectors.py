"""Reads of plankaart figures."""

from django.db.models import OuterRef, Subquery

from plankaarten.models import ZICHTJAREN, Plankaart, Scenario


def plankaart_actueel(*, terrein, scenario: str = Scenario.MIDDEN) -> list[Plankaart]:
    """The current rows of one park and scenario, one per zichtjaar present, oldest year first."""
    return list(
        Plankaart.objects.actueel().filter(terrein=terrein, scenario=scenario).select_related("versie").order_by("zichtjaar")
    )


def laadvraag_per_jaar(rijen: list[Plankaart]) -> dict[int, Plankaart | None]:
    per_jaar = {p.zichtjaar: p for p in rijen}
    return {jaar: per_jaar.get(jaar) for jaar in ZICHTJAREN}


def actuele_vraag(zichtjaar: int, scenario: str = Scenario.MIDDEN, terrein_ref: str = "pk") -> Subquery:
    """A park's current charging demand (kW) for one zichtjaar and scenario, as a correlated subquery.

    There is at most one current row per park, zichtjaar and scenario, so no GROUP BY is needed;
    `terrein_ref` points at the park's id from the outer query.
    """
    # order_by(): without it the model's default ordering joins parks and versions into every subquery.
    return Subquery(
        Plankaart.objects.filter(terrein=OuterRef(terrein_ref), actueel=True, zichtjaar=zichtjaar, scenario=scenario)
        .order_by()
        .values("laadvermogen_kw")[:1]
    )
