"""The park page as a workplace in a real browser: the section menu at 1280 and 390 px, for a regisseur and a gemeente user."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from stappenplan import services
from stappenplan.models import Traject
from terreinen.models import Notitie
from tests.factories import BedrijventerreinFactory, PlankaartFactory, stakeholder_maken
from tests.stappenplan.conftest import naar_stap

# Set to a folder to keep screenshots of the pages for a visual check.
SCHERMAFDRUKKEN = os.environ.get("SCHERMAFDRUKKEN_MAP", "")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BREED, SMAL = {"width": 1280, "height": 900}, {"width": 390, "height": 844}
# What reaches past the right edge of the window inside the page's content (the header is the site's, not the park page's).
TE_BREED = """() => {
  const schuift = (e) => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX);
  const inSchuifvak = (e) => { for (let p = e.parentElement; p; p = p.parentElement) if (schuift(p)) return true; return false; };
  return [...document.querySelectorAll('main *')]
    .filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > window.innerWidth + 0.5 && !inSchuifvak(e))
    .map((e) => e.tagName + '.' + e.className);
}"""


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def park_in_stap_3(twee_gemeenten, maak_gebruiker):
    regisseur = maak_gebruiker("regisseur", username="regisseur-a")
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam="Ecofactorij", met_geometrie=True)
    for jaar in (2025, 2030, 2035):
        PlankaartFactory(terrein=terrein, zichtjaar=jaar)
    services.trajecten_aanmaken(terrein_ids=[terrein.pk])
    traject = Traject.objects.get(terrein=terrein)
    services.terrein_oppakken(traject=traject, user=regisseur)
    naar_stap(traject, regisseur, 3)
    stakeholder_maken(terrein=terrein, organisatie="Bedrijf X", soort="bedrijf", naam="Piet")
    Notitie.objects.create(terrein=terrein, soort="gesprek", datum="2026-02-01", tekst="Eerste gesprek met de gemeente.")
    return terrein, regisseur


def _schermafdruk(pagina, naam):
    if SCHERMAFDRUKKEN:
        Path(SCHERMAFDRUKKEN).mkdir(parents=True, exist_ok=True)
        pagina.screenshot(path=f"{SCHERMAFDRUKKEN}/{naam}.png", full_page=True)


def _menu(pagina):
    return pagina.get_by_role("navigation", name="Op deze pagina")


@pytest.mark.parametrize("rol", ["regisseur", "gemeente"])
def test_the_section_menu_leads_to_every_section_on_wide_and_small_screens(inloggen, maak_gebruiker, park_in_stap_3, rol):
    terrein, regisseur = park_in_stap_3
    user = regisseur if rol == "regisseur" else maak_gebruiker("gemeente", "GM0200")
    pagina = inloggen(user)

    pagina.set_viewport_size(BREED)
    pagina.goto(f"/terreinen/{terrein.rin}/")
    menu = _menu(pagina)
    links = menu.get_by_role("link")
    # The current step first, and every entry points at a section with a heading of its own.
    expect(links.first).to_have_text(re.compile(r"^Stappenplan:\s*3\. Bepalen oplossingsrichting$"))
    ankers = [link.get_attribute("href") for link in links.all()]
    assert ankers[0] == "#stappenplan" and "#geschiedenis" in ankers and "#kenmerken" in ankers
    assert ("#organisaties" in ankers) is (rol == "regisseur")
    for anker in ankers:
        kop = pagina.locator(f"section{anker} h2").first
        expect(kop).to_have_attribute("id", re.compile(".+"))
    assert pagina.evaluate(TE_BREED) == []  # the plankaart's wide table scrolls in its own box
    _schermafdruk(pagina, f"terreinpagina_{rol}_1280")

    # Wide: the menu stays beside the sections while the page scrolls, and a click brings the section into view.
    assert pagina.evaluate("getComputedStyle(document.querySelector('.nal-sectiemenu')).position") == "sticky"
    menu.get_by_role("link", name="Geschiedenis").click()
    expect(pagina).to_have_url(re.compile("#geschiedenis$"))
    expect(pagina.locator("#geschiedenis-kop")).to_be_in_viewport()
    expect(menu).to_be_in_viewport()
    expect(menu.get_by_role("link", name="Geschiedenis")).to_have_attribute("aria-current", "true")
    menu.get_by_role("link", name="Plankaart").click()
    expect(pagina.locator("#plankaart-kop")).to_be_in_viewport()

    # Small: a compact strip above the sections, nothing wider than the screen.
    pagina.set_viewport_size(SMAL)
    pagina.goto(f"/terreinen/{terrein.rin}/")
    menu = _menu(pagina)
    assert menu.bounding_box()["height"] < 110
    assert pagina.evaluate(TE_BREED) == []
    assert pagina.evaluate("document.querySelector('main').scrollWidth <= window.innerWidth")
    _schermafdruk(pagina, f"terreinpagina_{rol}_390")
    menu.get_by_role("link", name="Geschiedenis").click()
    expect(pagina.locator("#geschiedenis-kop")).to_be_in_viewport()


def test_going_back_with_an_empty_reason_is_stopped_before_the_question(inloggen, park_in_stap_3):
    terrein, regisseur = park_in_stap_3
    pagina = inloggen(regisseur)
    vragen = []

    def beantwoord(dialog):
        vragen.append(dialog.message)
        dialog.accept()

    pagina.on("dialog", beantwoord)
    pagina.goto(f"/terreinen/{terrein.rin}/")
    reden = pagina.locator("#reden-stap_terug")
    knop = pagina.get_by_role("button", name="Een stap terug")

    knop.click()
    assert vragen == []  # refused before "Weet u zeker…?"
    assert reden.evaluate("veld => veld.validationMessage") == "Vul een reden in: waarom gaat het terrein terug?"
    reden.fill("   ")
    knop.click()
    assert vragen == []
    expect(pagina).to_have_url(re.compile(f"/terreinen/{terrein.rin}/$"))

    reden.fill("De startsessie moet over.")
    knop.click()
    expect(pagina.locator(".nal-melding")).to_contain_text("staat nu in 2. Startsessie")
    assert vragen == ["Weet u zeker dat het terrein teruggaat?"]
