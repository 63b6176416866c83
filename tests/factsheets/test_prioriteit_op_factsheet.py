import pytest

from factsheets.selectors import factsheet_gegevens, gegevens_hash
from factsheets.services import factsheet_html
from prioritering.services import berekening_direct
from tests.factories import BedrijventerreinFactory, PlankaartFactory

pytestmark = pytest.mark.django_db


def test_plankaart_detail_shows_the_park_priority_once_scores_exist_and_the_company_factsheet_does_not():
    terrein = BedrijventerreinFactory(met_geometrie=True, naam="Ecofactorij")
    for jaar in (2025, 2030, 2035):
        PlankaartFactory(terrein=terrein, zichtjaar=jaar)
    voor = factsheet_gegevens(terrein=terrein, variant="plankaart_detail")
    assert voor["prioriteit"] is None
    assert "nog niet berekend" in factsheet_html(gegevens=voor)

    berekening_direct(aanleiding="handmatig")
    na = factsheet_gegevens(terrein=terrein, variant="plankaart_detail")
    assert na["prioriteit"]["rang"] == 1 and na["prioriteit"]["kader_versie"] == 1
    assert "rang 1 (afwegingskader versie 1)" in factsheet_html(gegevens=na)
    # A new score makes the government variant stale; the company factsheet does not carry the score.
    assert gegevens_hash(na) != gegevens_hash(voor)
    assert "prioriteit" not in factsheet_gegevens(terrein=terrein, variant="factsheet")
