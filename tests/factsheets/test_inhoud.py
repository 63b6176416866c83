"""What the two variants show: the right figures, labels, map, step and contact, and nothing confidential."""

import pytest

from factsheets import selectors, services
from factsheets.models import Variant
from stappenplan.models import Traject
from terreinen.kaartje import terrein_kaartje_svg
from tests.factories import BedrijventerreinFactory

pytestmark = pytest.mark.django_db


def html(terrein, variant):
    return services.factsheet_html(gegevens=selectors.factsheet_gegevens(terrein=terrein, variant=variant))


def test_factsheet_shows_demand_per_year_vehicles_grid_hub_step_and_province_contact(terrein_met_alles):
    body = html(terrein_met_alles, Variant.FACTSHEET)
    assert '<html lang="nl">' in body
    assert "Ecofactorij" in body and "Apeldoorn" in body
    for figuur in ("845", "3.420", "6.620"):
        assert figuur in body
    assert "662" in body and "110" in body  # vans and trucks in 2035
    assert "Deels" in body  # grid capacity versus demand
    assert "Een collectief of publiek laadplein op of bij het terrein is nodig" in body
    assert "2. Startsessie" in body and "Actief" in body
    assert "Renate Regisseur" in body and "r.regisseur@provincie.example" in body
    assert "gemodelleerd" in body
    assert "Peildatum gegevens" in body and "NAL Oost demo-model" in body
    assert 'class="nal-grafiek"' in body and 'class="nal-kaartje"' in body


def test_plankaart_detail_adds_government_detail_that_the_factsheet_leaves_out(terrein_met_alles):
    factsheet = html(terrein_met_alles, Variant.FACTSHEET)
    detail = html(terrein_met_alles, Variant.PLANKAART_DETAIL)
    for alleen_detail in ("Plankaart in detail", "Apeldoorn-Noord", "Selectiecriteria (Bijlage 7)", "Alle scenario"):
        assert alleen_detail in detail
        assert alleen_detail not in factsheet


@pytest.mark.parametrize("variant", Variant.values)
def test_no_confidential_contact_or_note_reaches_either_variant(terrein_met_alles, variant):
    body = html(terrein_met_alles, variant)
    for geheim in ("Geheime Gerda", "gerda@vertrouwelijk.example", "Transport BV", "Vertrouwelijke risiconotitie"):
        assert geheim not in body


def test_park_without_plankaart_traject_or_geometry_says_so_instead_of_inventing_figures(twee_gemeenten):
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam="Kale Vlakte")
    # Parks get their traject when created; this one lost it (rows from before that).
    Traject.objects.filter(terrein=terrein).delete()
    body = html(terrein, Variant.FACTSHEET)
    assert "nog geen plankaart beschikbaar" in body
    assert "nog niet gestart in het stappenplan" in body
    assert "Programmateam laadinfra bedrijventerreinen" in body
    assert "geen omtrek beschikbaar" in body
    assert "gemodelleerd" not in body.split("<body", 1)[1]


def test_measured_figures_carry_no_gemodelleerd_label(twee_gemeenten):
    from tests.factsheets.conftest import plankaart_voor

    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0])
    plankaart_voor(terrein, gemodelleerd=False)
    assert "gemodelleerd" not in html(terrein, Variant.FACTSHEET).split("<body", 1)[1]


def test_outline_map_flips_rd_y_so_north_is_up(twee_gemeenten):
    from tests.factories import vierkant

    gemeente = vierkant(x=200_000, y=470_000, zijde=10_000)
    noord = vierkant(x=204_000, y=478_000, zijde=500)  # in the northern part of the municipality
    svg = terrein_kaartje_svg(terrein_geometrie=noord, gemeente_geometrie=gemeente, terrein_naam="N", gemeente_naam="G")
    terrein_pad = svg.split('<path d="')[2].split('"')[0]
    ys = [float(p.split()[1]) for p in terrein_pad.replace("M", "").replace(" Z", "").split(" L")]
    assert max(ys) < 300 * 0.25  # near the top of the drawing
    assert "Ligging van N in de gemeente G" in svg
