"""The map in headless chromium: municipality names, the popup following the colouring, the zoom on one park, the
note on approximate outlines; screenshots at 1280 and 390 px for a person to look at."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from terreinen.services.geometrie import benaderde_geometrie_toekennen
from tests.factories import BedrijventerreinFactory, GemeenteFactory, PlankaartFactory, traject_zetten, vierkant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAAM_MET_MARKUP = '<i id="opmaak">Epe</i>'


def schermafbeeldingen() -> Path:
    """Screenshots go where the screen sweep writes them (NAL_SCHERMAFBEELDINGEN, else var/schermafbeeldingen)."""
    map_ = Path(os.environ.get("NAL_SCHERMAFBEELDINGEN") or settings.BASE_DIR / "var" / "schermafbeeldingen") / "kaart"
    map_.mkdir(parents=True, exist_ok=True)
    return map_


@pytest.fixture
def regio(db):
    """Three municipalities in a row (10 km squares), one park with an IBIS outline and two approximate ones."""
    apeldoorn = GemeenteFactory(code="GM0200", naam="Apeldoorn", geometrie=vierkant(190_000, 463_000, zijde=10_000))
    zwolle = GemeenteFactory(code="GM0193", naam="Zwolle", overijssel=True, geometrie=vierkant(200_000, 463_000, zijde=10_000))
    GemeenteFactory(code="GM0232", naam=NAAM_MET_MARKUP, geometrie=vierkant(210_000, 463_000, zijde=10_000))
    ecofactorij = BedrijventerreinFactory(
        gemeente=apeldoorn, naam="Ecofactorij", geometrie=vierkant(193_000, 465_000, 400), geometrie_bron="ibis"
    )
    BedrijventerreinFactory(gemeente=apeldoorn, naam="Apeldoorn-Noord")
    BedrijventerreinFactory(gemeente=zwolle, naam="Hessenpoort")
    assert benaderde_geometrie_toekennen() == 2
    PlankaartFactory(terrein=ecofactorij, zichtjaar=2030, laadvermogen_kw=900)
    PlankaartFactory(terrein=ecofactorij, zichtjaar=2035, laadvermogen_kw=4100)
    traject_zetten(terrein=ecofactorij, stap=3, status="actief")
    return {"ecofactorij": ecofactorij}


def kaart_geladen(pagina, pad):
    pagina.goto(pad)
    pagina.wait_for_selector('#kaart[data-geladen="ja"]')
    return pagina.locator("#kaart")


def zichtbare_namen(pagina) -> list[dict]:
    return pagina.evaluate(
        """() => [...document.querySelectorAll('#kaart .nal-kaart-naam:not(.nal-kaart-naam--verborgen) > div')].map(e => {
            const r = e.getBoundingClientRect();
            return {tekst: e.textContent, links: r.left, rechts: r.right, boven: r.top, onder: r.bottom};
        })"""
    )


def overlappen(a, b) -> bool:
    return not (a["rechts"] <= b["links"] or b["rechts"] <= a["links"] or a["onder"] <= b["boven"] or b["onder"] <= a["boven"])


def uitzoomen(pagina):
    """One click on the zoom-out button, returning when the zoom animation has ended (kaart.js sets data-zoom)."""
    kaart = pagina.locator("#kaart")
    voor = kaart.get_attribute("data-zoom")
    pagina.get_by_role("button", name="Uitzoomen").click()
    for _ in range(50):
        if kaart.get_attribute("data-zoom") != voor:
            break
        pagina.wait_for_timeout(50)
    pagina.wait_for_timeout(100)  # the names are placed on zoomend and moveend


def popup_regels(pagina) -> list[str]:
    pagina.locator(".leaflet-popup-content").wait_for()
    return [r.strip() for r in pagina.locator(".leaflet-popup-content").inner_text().splitlines() if r.strip()]


@pytest.mark.parametrize("breedte", [1280, 390])
def test_municipality_names_are_shown_as_text_and_never_overlap(inloggen, maak_gebruiker, regio, breedte):
    pagina = inloggen(maak_gebruiker("medewerker"))
    pagina.set_viewport_size({"width": breedte, "height": 900})
    kaart_geladen(pagina, "/kaart/")
    namen = zichtbare_namen(pagina)
    assert {"Apeldoorn", "Zwolle"} <= {n["tekst"] for n in namen}  # the municipalities of the parks in view
    assert not any(overlappen(a, b) for i, a in enumerate(namen) for b in namen[i + 1 :])
    # Zoomed out, the neighbour without parks shows its name too (as text), and still nothing overlaps.
    uitzoomen(pagina)
    uitzoomen(pagina)
    namen = zichtbare_namen(pagina)
    assert NAAM_MET_MARKUP in {n["tekst"] for n in namen}
    assert not any(overlappen(a, b) for i, a in enumerate(namen) for b in namen[i + 1 :])
    assert pagina.locator("#opmaak").count() == 0  # a name is text, never markup
    # Zoomed far out, names give way to each other instead of overlapping.
    for _ in range(3):
        uitzoomen(pagina)
    namen = zichtbare_namen(pagina)
    assert namen and not any(overlappen(a, b) for i, a in enumerate(namen) for b in namen[i + 1 :])
    kaart_geladen(pagina, "/kaart/?kleur=vraag_2035")
    pagina.locator("#kaart").screenshot(path=str(schermafbeeldingen() / f"kaart-{breedte}.png"))
    pagina.screenshot(path=str(schermafbeeldingen() / f"kaart-pagina-{breedte}.png"), full_page=True)


def test_popup_shows_the_variable_the_map_is_coloured_by(inloggen, maak_gebruiker, regio):
    pagina = inloggen(maak_gebruiker("regisseur"))
    kaart_geladen(pagina, "/kaart/?q=Ecofactorij&kleur=vraag_2035")
    park = pagina.locator("#kaart path.nal-kaart-terrein")
    park.click()
    regels = popup_regels(pagina)
    assert regels[:3] == ["Ecofactorij", "Apeldoorn", "Laadvraag 2035: 4.100 kW"]
    assert not any("2030" in r for r in regels)
    # Another colouring: an open popup follows at once, and so does the next one opened.
    pagina.get_by_label("Kleur de terreinen naar").select_option("status")
    assert popup_regels(pagina)[2] == "Status: Actief"
    pagina.get_by_label("Kleur de terreinen naar").select_option("vraag_2030")
    assert popup_regels(pagina)[2] == "Laadvraag 2030: 900 kW"
    pagina.keyboard.press("Escape")
    pagina.get_by_label("Kleur de terreinen naar").select_option("stap")
    park.click()
    regels = popup_regels(pagina)
    assert regels[2] == "Stap: 3. Bepalen oplossingsrichting" and "Status: Actief" in regels
    assert not any("Laadvraag" in r for r in regels)


def test_one_park_is_shown_in_its_surroundings_not_zoomed_into_emptiness(inloggen, maak_gebruiker, regio):
    pagina = inloggen(maak_gebruiker("regisseur"))
    kaart = kaart_geladen(pagina, "/kaart/?q=Ecofactorij")
    plafond = float(kaart.get_attribute("data-zoom-max-filter"))
    assert plafond <= 12
    assert float(kaart.get_attribute("data-zoom")) <= plafond
    # The park is in view and marked with a ring, and so is its municipality's name.
    doos = kaart.bounding_box()
    park = pagina.locator("#kaart path.nal-kaart-terrein").bounding_box()
    assert doos["x"] < park["x"] and park["x"] + park["width"] < doos["x"] + doos["width"]
    assert pagina.locator("#kaart path.nal-kaart-ring").count() == 1
    assert "Apeldoorn" in [n["tekst"] for n in zichtbare_namen(pagina)]
    pagina.locator("#kaart").screenshot(path=str(schermafbeeldingen() / "kaart-een-terrein-1280.png"))


def test_approximate_outlines_are_dashed_and_a_visible_note_counts_them(inloggen, maak_gebruiker, regio):
    pagina = inloggen(maak_gebruiker("medewerker"))
    kaart_geladen(pagina, "/kaart/")
    noot = pagina.locator("#kaart-noot")
    assert noot.is_visible()
    assert "2 van de 3 terreinen op de kaart hebben geen IBIS-omtrek" in " ".join(noot.inner_text().split())
    assert pagina.locator("#kaart").get_attribute("aria-describedby") == "kaart-noot"
    streep = pagina.locator("#kaart path.nal-kaart-terrein").evaluate_all(
        "paden => paden.map(p => p.getAttribute('stroke-dasharray')).sort()"
    )
    assert streep == ["4 3", "4 3", None]
    # The legend counts the parks per class, readable without the map.
    assert pagina.locator('[data-legenda="stap"] li[data-waarde="3"]').inner_text().endswith("(1)")
    assert pagina.locator('[data-legenda="stap"] li[data-waarde="0"]').inner_text().endswith("(2)")
    # A gemeente user's dashboard counts its own parks only.
    pagina.context.clear_cookies()
    pagina = inloggen(maak_gebruiker("gemeente", "GM0193"))
    kaart_geladen(pagina, "/")
    assert "Het terrein op de kaart heeft geen IBIS-omtrek" in " ".join(pagina.locator("#kaart-noot").inner_text().split())
