"""Strings the map script puts on the page (tooltip, popup) are text: a park name with markup stays literal."""

import pytest

from tests.factories import BedrijventerreinFactory, vierkant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAAM = '<b id="x">Park</b>'


def test_park_name_with_markup_shows_as_literal_text_in_tooltip_and_popup(inloggen, maak_gebruiker, twee_gemeenten):
    BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam=NAAM, geometrie=vierkant(201_000, 471_000), geometrie_bron="ibis")
    pagina = inloggen(maak_gebruiker("gemeente", "GM0200"))
    pagina.goto("/kaart/")
    pagina.wait_for_selector('#kaart[data-geladen="ja"]')
    terrein = pagina.locator("#kaart svg path.nal-kaart-terrein").first
    terrein.hover(force=True)
    tooltip = pagina.locator(".leaflet-tooltip")
    tooltip.wait_for()
    assert tooltip.inner_text() == NAAM
    terrein.click(force=True)
    popup = pagina.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator("strong").inner_text() == NAAM
    assert pagina.locator("#x").count() == 0
    assert pagina.locator("#kaart b").count() == 0
    # The source line is text as well (a control of the app's own, not Leaflet's HTML attribution).
    assert pagina.locator(".leaflet-control-attribution").inner_text().strip()
