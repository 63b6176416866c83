"""The park list in headless chromium at 1280 and 390 px: the table fits its box, its header sticks, the page never
scrolls sideways, municipalities are picked by keyboard, and everything works without JavaScript too.

Screenshots of the list go to $NAL_SCHERMAFBEELDINGEN/lijst/ (default var/schermafbeeldingen/lijst/).
"""

import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from overzicht.models import Kolomkeuze
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, GemeenteFactory, PlankaartFactory, traject_zetten

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAP = os.environ.get("NAL_SCHERMAFBEELDINGEN") or Path(settings.BASE_DIR, "var", "schermafbeeldingen")
SCHERMAFBEELDINGEN = Path(MAP) / "lijst"
BREED, SMAL = {"width": 1280, "height": 800}, {"width": 390, "height": 844}


@pytest.fixture
def regio(twee_gemeenten, maak_gebruiker):
    """60 parks (more than a page) in five municipalities, with long names, large demand and a regisseur."""
    apeldoorn, zwolle = twee_gemeenten
    gemeenten = [
        apeldoorn,
        zwolle,
        GemeenteFactory(code="GM1708", naam="Steenwijkerland", overijssel=True),
        GemeenteFactory(code="GM0232", naam="Epe"),
        GemeenteFactory(code="GM0228", naam="Ede"),
    ]
    regisseur = maak_gebruiker("regisseur")
    regisseur.first_name, regisseur.last_name = "Reinier", "Regisseur-Oosterhuis"
    regisseur.save()
    namen = ["Bedrijventerreinuitbreidingsgebied Noord", "Stadhoudersmolen uitbreiding fase 2", "Ecofactorij"]
    for i in range(60):
        terrein = BedrijventerreinFactory(
            gemeente=gemeenten[i % 5], naam=namen[i] if i < len(namen) else f"Terrein {i:02d}", ha_netto=Decimal("1234.5")
        )
        traject_zetten(terrein=terrein, stap=3 if i % 2 else 0, status="actief", regisseur=regisseur if i % 3 else None)
        for jaar, kw in ((2025, 1500), (2030, 12345), (2035, 123456)):
            PlankaartFactory(terrein=terrein, zichtjaar=jaar, laadvermogen_kw=Decimal(kw))
    return {"regisseur": regisseur}


def gebruiker(rol, maak_gebruiker, regio):
    if rol == "regisseur":
        return regio["regisseur"]
    if rol == "gemeente":
        return maak_gebruiker("gemeente", "GM0200", "GM0193")
    return maak_gebruiker(rol)


def schermafbeelding(pagina, naam: str) -> None:
    SCHERMAFBEELDINGEN.mkdir(parents=True, exist_ok=True)
    pagina.screenshot(path=str(SCHERMAFBEELDINGEN / f"{naam}.png"), full_page=True)


def buiten_beeld(pagina) -> list[str]:
    """Elements of the page's content that stick out to the right (those inside the table's own box excepted)."""
    return pagina.evaluate(
        """() => [...document.querySelectorAll('main, main *')]
            .filter(el => !el.closest('.nal-tabel-terreinen-scroll > table'))
            .filter(el => el.getBoundingClientRect().right > innerWidth + 0.5)
            .map(el => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right))"""
    )


def tabelmaten(pagina) -> dict:
    return pagina.locator(".nal-tabel-terreinen-scroll").evaluate(
        """box => {
            const r = box.getBoundingClientRect();
            return {
                links: r.left, rechts: r.left + box.clientLeft + box.clientWidth, boven: r.top + box.clientTop,
                breedte: box.clientWidth, nodig: box.scrollWidth,
                koppen: [...box.querySelectorAll('thead th')].map(th => {
                    const k = th.getBoundingClientRect();
                    return {tekst: th.innerText.replace(/\\s+/g, ' ').trim(), links: k.left, rechts: k.right};
                }),
            };
        }"""
    )


@pytest.mark.parametrize("rol", ["regisseur", "beheerder", "gemeente"])
def test_at_1280_every_heading_is_visible_in_the_table_box(inloggen, maak_gebruiker, regio, rol):
    pagina = inloggen(gebruiker(rol, maak_gebruiker, regio))
    pagina.set_viewport_size(BREED)
    pagina.goto("/terreinen/")
    maten = tabelmaten(pagina)
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 1280
    assert buiten_beeld(pagina) == []
    # The standard columns fit: nothing to scroll sideways, and no heading is cut off.
    assert maten["nodig"] <= maten["breedte"], maten
    for kop in maten["koppen"]:
        assert maten["links"] <= kop["links"] and kop["rechts"] <= maten["rechts"] + 0.5, (kop, maten)
    teksten = [k["tekst"] for k in maten["koppen"]]
    assert {"Laadvraag (kW)", "Laadvraag 2030", "Laadvraag 2035", "Criteria bekend"} <= set(teksten), teksten
    # Dutch numbers, right-aligned.
    cel = pagina.locator("tbody tr").first.locator("td.utrecht-table__cell--numeric").first
    assert cel.inner_text() == "1.234,5" and cel.evaluate("td => getComputedStyle(td).textAlign") in ("end", "right")
    if rol != "beheerder":
        schermafbeelding(pagina, f"terreinen-1280-{rol}")


def test_the_header_stays_in_view_when_the_table_scrolls(inloggen, maak_gebruiker, regio):
    pagina = inloggen(regio["regisseur"])
    pagina.set_viewport_size(BREED)
    pagina.goto("/terreinen/")
    box = pagina.locator(".nal-tabel-terreinen-scroll")
    box.scroll_into_view_if_needed()
    assert box.evaluate("b => b.scrollHeight > b.clientHeight"), "50 rows must not fit the box, or nothing scrolls"
    box.evaluate("b => { b.scrollTop = 700; }")
    maten = tabelmaten(pagina)
    kop = pagina.locator(".nal-tabel-terreinen thead").bounding_box()
    assert abs(kop["y"] - maten["boven"]) <= 1, (kop, maten)
    # What is drawn at the heading's place is the heading, not a row scrolled under it.
    bovenop = pagina.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('thead') !== null", [kop["x"] + 20, kop["y"] + kop["height"] - 5]
    )
    assert bovenop
    assert pagina.get_by_role("link", name="Laadvraag 2030").is_visible()


@pytest.mark.parametrize("rol", ["regisseur", "gemeente"])
def test_at_390_the_page_does_not_scroll_sideways_and_the_table_scrolls_in_its_region(inloggen, maak_gebruiker, regio, rol):
    pagina = inloggen(gebruiker(rol, maak_gebruiker, regio))
    pagina.set_viewport_size(SMAL)
    pagina.goto("/terreinen/")
    assert buiten_beeld(pagina) == []
    assert pagina.evaluate("document.querySelector('main').scrollWidth") <= 390
    regio_ = pagina.get_by_role("region", name=re.compile("Bedrijventerreinen die aan de filters voldoen"))
    maten = tabelmaten(pagina)
    assert maten["rechts"] <= 390 and maten["nodig"] > maten["breedte"]
    schermafbeelding(pagina, f"terreinen-390-{rol}")
    # A keyboard user scrolls the box: it takes the focus.
    regio_.focus()
    pagina.keyboard.press("ArrowRight")
    pagina.wait_for_function("b => b.scrollLeft > 0", arg=regio_.element_handle())
    # The park's name stays in view while the box scrolls sideways; rows stay one line high.
    regio_.evaluate("b => { b.scrollLeft = 300; }")
    naam = pagina.locator("tbody th").first.bounding_box()
    assert abs(naam["x"] - maten["links"] - 1) <= 1.5, (naam, maten)
    hoogte = pagina.locator("tbody tr").nth(1).bounding_box()["height"]
    assert hoogte < 2 * pagina.locator("tbody tr td").nth(1).evaluate("td => parseFloat(getComputedStyle(td).lineHeight)") + 12


def test_a_municipality_is_picked_by_keyboard_and_the_filter_applies(inloggen, regio):
    pagina = inloggen(regio["regisseur"])
    pagina.set_viewport_size(BREED)
    pagina.goto("/terreinen/")
    keuze = pagina.get_by_role("combobox", name="Gemeente")
    assert pagina.locator("select#id_gemeente").is_hidden()
    keuze.focus()
    pagina.keyboard.type("e")
    lijst = pagina.get_by_role("listbox", name="Gemeente")
    assert keuze.get_attribute("aria-expanded") == "true"
    assert sorted(lijst.get_by_role("option").all_inner_texts()) == ["Apeldoorn", "Ede", "Epe", "Steenwijkerland", "Zwolle"]
    pagina.keyboard.type("pe")  # "epe": Epe only
    assert lijst.get_by_role("option").all_inner_texts() == ["Epe"]
    melding = pagina.locator("#meerkeuze-melding")
    pagina.wait_for_function("el => el.textContent.includes('1 optie')", arg=melding.element_handle())
    assert keuze.get_attribute("aria-activedescendant") == lijst.get_by_role("option", name="Epe").get_attribute("id")
    pagina.keyboard.press("Enter")
    assert pagina.get_by_role("button", name="Epe verwijderen").is_visible()
    assert lijst.get_by_role("option", name="Epe").get_attribute("aria-selected") == "true"
    pagina.wait_for_function("el => el.textContent.includes('Epe gekozen')", arg=melding.element_handle())
    # The arrow keys walk through the options (Apeldoorn, Ede, …); Enter adds the highlighted one.
    pagina.keyboard.type("e")
    pagina.keyboard.press("ArrowDown")
    assert keuze.get_attribute("aria-activedescendant") == lijst.get_by_role("option", name="Ede").get_attribute("id")
    pagina.keyboard.press("Enter")
    pagina.keyboard.type("zw")
    pagina.keyboard.press("Enter")
    assert gekozen(pagina) == ["Ede", "Epe", "Zwolle"]
    # Backspace in the empty text box removes the last chip.
    pagina.keyboard.press("Backspace")
    assert gekozen(pagina) == ["Ede", "Epe"]
    assert pagina.locator(".nal-meerkeuze__chip").all_inner_texts() == ["Ede\n×", "Epe\n×"]
    # Escape closes the list; Enter in the closed text box submits the filters.
    pagina.keyboard.press("Escape")
    assert keuze.get_attribute("aria-expanded") == "false"
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(re.compile(r"gemeente=GM0228&gemeente=GM0232"))
    assert set(pagina.locator("tbody tr td:nth-of-type(1)").all_inner_texts()) == {"Ede", "Epe"}
    assert "24 terreinen gevonden" in pagina.locator(".nal-resultaat-kop").inner_text()
    assert pagina.get_by_role("button", name="Epe verwijderen").is_visible()
    assert {t.split("\n")[0] for t in pagina.locator(".nal-filterchip").all_inner_texts()} == {"Gemeente: Ede", "Gemeente: Epe"}


def gekozen(pagina) -> list[str]:
    return sorted(pagina.locator("select#id_gemeente").evaluate("s => [...s.selectedOptions].map(o => o.textContent)"))


def test_columns_are_moved_with_the_buttons_and_saved(inloggen, regio):
    pagina = inloggen(regio["regisseur"])
    pagina.goto("/terreinen/?stap=3")
    pagina.get_by_text("Kolommen kiezen").click()
    omlaag = pagina.get_by_role("button", name="Gemeente een plaats omlaag", exact=True)
    omlaag.focus()
    pagina.keyboard.press("Enter")
    pagina.keyboard.press(" ")
    expect(pagina.locator("[data-kolomkeuze] + [role=status]")).to_contain_text("Gemeente staat nu op plaats 3 van")
    pagina.get_by_role("checkbox", name="Provincie", exact=True).check()
    pagina.get_by_role("button", name="Kolommen opslaan").click()
    pagina.wait_for_url("**/terreinen/?stap=3#resultaat")
    koppen = [t.replace("\n", " ") for t in pagina.locator("thead tr").first.locator("th").all_inner_texts()]
    assert koppen[:5] == ["Naam", "Netto ha", "Stap", "Gemeente", "Status"] and koppen[-1] == "Provincie"
    assert Kolomkeuze.objects.get(user=regio["regisseur"]).kolommen[:3] == ["ha_netto", "stap", "gemeente"]


def test_the_list_works_without_javascript(browser, live_server, regio):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", java_script_enabled=False, viewport=BREED)
    try:
        pagina = context.new_page()
        pagina.goto("/inloggen/")
        pagina.get_by_label("Gebruikersnaam").fill(regio["regisseur"].username)
        pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
        pagina.get_by_role("button", name="Inloggen").click()
        pagina.wait_for_url("**/")
        pagina.goto("/terreinen/")
        # No script: the plain multi-select, with its Ctrl-click hint, and no text box.
        select = pagina.get_by_role("listbox", name="Gemeente")
        assert select.is_visible() and pagina.get_by_role("combobox", name="Gemeente").count() == 0
        assert pagina.locator("#id_gemeente_hulp").is_visible()
        select.select_option(["GM0193", "GM1708"])
        pagina.get_by_role("group", name="Stap").get_by_label("3. Bepalen oplossingsrichting").check()
        pagina.get_by_role("button", name="Filters toepassen").click()
        pagina.wait_for_url(re.compile(r"gemeente=GM0193"))
        assert set(pagina.locator("tbody tr td:nth-of-type(1)").all_inner_texts()) == {"Zwolle", "Steenwijkerland"}
        # One chip removes one value.
        pagina.get_by_role("link", name=re.compile("Gemeente: Zwolle")).click()
        assert set(pagina.locator("tbody tr td:nth-of-type(1)").all_inner_texts()) == {"Steenwijkerland"}
        assert "stap=3" in pagina.url and "GM0193" not in pagina.url
        # The column chooser: a disclosure with tick boxes and typed places.
        pagina.get_by_text("Kolommen kiezen").click()
        pagina.get_by_role("checkbox", name="Stap", exact=True).uncheck()
        pagina.get_by_label("Plaats van Laadvraag 2035 (kW, scenario midden)").fill("1")
        pagina.get_by_role("button", name="Kolommen opslaan").click()
        koppen = [t.replace("\n", " ") for t in pagina.locator("thead th").all_inner_texts()]
        assert koppen[:2] == ["Naam", "Laadvraag 2035 (kW)"] and "Stap" not in koppen
        assert "GM1708" in pagina.url
        pagina.get_by_text("Kolommen kiezen").click()
        pagina.get_by_role("button", name="Standaard herstellen").click()
        koppen = [t.replace("\n", " ") for t in pagina.locator("thead tr").first.locator("th").all_inner_texts()]
        assert koppen[:4] == ["Naam", "Gemeente", "Netto ha", "Stap"]
        pagina.get_by_role("link", name="Alle filters wissen").click()
        assert pagina.locator(".nal-filterchip").count() == 0
        assert "60 terreinen gevonden" in pagina.locator(".nal-resultaat-kop").inner_text()
    finally:
        context.close()
