"""Reads of plankaart figures."""

from plankaarten.models import ZICHTJAREN, Plankaart, Scenario


def plankaart_actueel(*, terrein, scenario: str = Scenario.MIDDEN) -> list[Plankaart]:
    """The current rows of one park and scenario, one per zichtjaar present, oldest year first."""
    return list(
        Plankaart.objects.actueel().filter(terrein=terrein, scenario=scenario).select_related("versie").order_by("zichtjaar")
    )


def laadvraag_per_jaar(rijen: list[Plankaart]) -> dict[int, Plankaart | None]:
    per_jaar = {p.zichtjaar: p for p in rijen}
    return {jaar: per_jaar.get(jaar) for jaar in ZICHTJAREN}
