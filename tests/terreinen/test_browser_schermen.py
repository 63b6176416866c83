"""The screens in headless chromium: filtering, opening a park, the map drawing polygons, and an axe-core audit."""

import json

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.factories import BedrijventerreinFactory, PlankaartFactory, stakeholder_maken, traject_zetten, vierkant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_URL = f"{settings.STATIC_URL}npm/axe-core/axe.min.js"


@pytest.fixture
def regio(twee_gemeenten, maak_gebruiker):
    apeldoorn, zwolle = twee_gemeenten
    terreinen = {
        "Ecofactorij": BedrijventerreinFactory(
            gemeente=apeldoorn, naam="Ecofactorij", geometrie=vierkant(201_000, 471_000), geometrie_bron="ibis"
        ),
        "Apeldoorn-Noord": BedrijventerreinFactory(
            gemeente=apeldoorn, naam="Apeldoorn-Noord", geometrie=vierkant(205_000, 475_000), geometrie_bron="ibis", klein=True
        ),
        "Hessenpoort": BedrijventerreinFactory(
            gemeente=zwolle, naam="Hessenpoort", geometrie=vierkant(208_000, 478_000), geometrie_bron="ibis"
        ),
    }
    for terrein in terreinen.values():
        PlankaartFactory(terrein=terrein, zichtjaar=2030, laadvermogen_kw=900, gemodelleerd=True)
    traject_zetten(terrein=terreinen["Ecofactorij"], stap=3, status="actief", regisseur=maak_gebruiker("regisseur"))
    stakeholder_maken(terrein=terreinen["Ecofactorij"], organisatie="Liander", soort="netbeheerder", email="n@example.nl")
    return terreinen


def terrein_paden(pagina) -> int:
    pagina.wait_for_selector('#kaart[data-geladen="ja"]')
    return pagina.locator("#kaart svg path.nal-kaart-terrein").count()


def test_regisseur_filters_the_list_and_opens_a_park(inloggen, maak_gebruiker, regio):
    pagina = inloggen(maak_gebruiker("regisseur"))
    pagina.goto("/terreinen/")
    assert pagina.locator("tbody tr").count() == 3
    pagina.get_by_role("group", name="Provincie").get_by_label("Overijssel").check()
    pagina.get_by_role("button", name="Filters toepassen").click()
    pagina.wait_for_url("**/terreinen/?*provincie=PV23*")
    assert pagina.locator("tbody tr").count() == 1
    assert "1 terrein gevonden" in pagina.get_by_role("status").first.inner_text()
    pagina.get_by_role("link", name="Hessenpoort").click()
    assert pagina.get_by_role("heading", level=1).inner_text() == "Hessenpoort"
    # The heading can be there while the rest of the page is still being read: wait for the chart.
    expect(pagina.locator("svg.nal-grafiek rect")).to_have_count(1)  # the 2030 bar of the demand chart


def test_list_sorts_by_clicking_a_column_heading(inloggen, maak_gebruiker, regio):
    pagina = inloggen(maak_gebruiker("medewerker"))
    pagina.goto("/terreinen/")
    pagina.get_by_role("link", name="Naam").click()
    pagina.get_by_role("link", name="Naam").click()
    pagina.wait_for_url("**sortering=-naam*")
    namen = pagina.locator("tbody th a").all_inner_texts()
    assert namen == ["Hessenpoort", "Ecofactorij", "Apeldoorn-Noord"]


def test_map_draws_the_filtered_parks_as_polygons_and_clicks_through(inloggen, maak_gebruiker, regio):
    pagina = inloggen(maak_gebruiker("regisseur"))
    pagina.goto("/kaart/")
    assert terrein_paden(pagina) == 3
    assert pagina.locator(".leaflet-tile").count() == 0  # no tile server: offline
    assert pagina.locator("#kaart svg path").count() > 3  # outlines of municipalities drawn as well
    pagina.goto("/kaart/?provincie=PV25&kleur=vraag_2030")
    assert terrein_paden(pagina) == 2
    assert pagina.locator('[data-legenda="vraag"]').is_visible()
    assert not pagina.locator('[data-legenda="stap"]').is_visible()
    pagina.get_by_label("Kleur de terreinen naar").select_option("status")
    assert pagina.locator('[data-legenda="status"]').is_visible()
    pagina.locator("#kaart svg path.nal-kaart-terrein").first.click(force=True)
    pagina.get_by_role("link", name="Naar het terrein").click()
    assert pagina.get_by_role("heading", level=1).inner_text() in {"Ecofactorij", "Apeldoorn-Noord"}


def test_gemeente_user_map_shows_only_own_parks(inloggen, maak_gebruiker, regio):
    pagina = inloggen(maak_gebruiker("gemeente", "GM0200"))
    pagina.goto("/kaart/")
    assert terrein_paden(pagina) == 2


def axe_overtredingen(pagina) -> list[dict]:
    # From the app's own static files: the Content-Security-Policy refuses inline scripts.
    pagina.add_script_tag(url=AXE_URL)
    resultaat = pagina.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in resultaat["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("rol", ["regisseur", "gemeente"])
def test_screens_have_no_serious_accessibility_violations(inloggen, maak_gebruiker, regio, rol):
    user = maak_gebruiker("gemeente", "GM0200") if rol == "gemeente" else maak_gebruiker(rol)
    pagina = inloggen(user)
    schermen = {
        "dashboard": "/",
        "lijst": "/terreinen/?sortering=naam",
        "detail": f"/terreinen/{regio['Ecofactorij'].rin}/",
        "kaart": "/kaart/",
    }
    gevonden = {}
    for naam, pad in schermen.items():
        pagina.goto(pad)
        if pagina.locator("#kaart").count():
            pagina.wait_for_selector('#kaart[data-geladen="ja"]')
        overtredingen = axe_overtredingen(pagina)
        if overtredingen:
            gevonden[naam] = overtredingen
    assert not gevonden, json.dumps(gevonden, indent=1)
