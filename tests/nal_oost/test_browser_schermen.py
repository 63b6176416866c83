"""The page frame in headless chromium: the menu button on a phone, no page wider than a phone, the error
summary, messages where the action was, and button colours measured in the browser."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from stappenplan import services as stappenplan_services
from stappenplan.models import Traject
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, PlankaartFactory, stakeholder_maken, traject_zetten, vierkant
from tests.stappenplan.conftest import stap0_invullen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TELEFOON = {"width": 390, "height": 844}
# Screenshots of every page checked at 390 px go here when set (CI keeps the folder).
SCHERMAFDRUKKEN = os.environ.get("NAL_SCHERMAFDRUKKEN")

# WCAG relative luminance and contrast ratio of the computed colours of an element against the first
# ancestor (itself included) with an opaque background.
CONTRAST_JS = """(el) => {
  const rgb = (s) => s.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  let achter = el;
  while (achter && (rgb(getComputedStyle(achter).backgroundColor)[3] ?? 1) === 0) achter = achter.parentElement;
  const voor = rgb(getComputedStyle(el).color), bg = rgb(getComputedStyle(achter || document.body).backgroundColor);
  const [a, b] = [lum(voor), lum(bg)].sort((x, y) => y - x);
  const achtergrond = getComputedStyle(achter).backgroundColor;
  return {kleur: getComputedStyle(el).color, achtergrond, ratio: (a + 0.05) / (b + 0.05)};
}"""


@pytest.fixture
def park(twee_gemeenten, maak_gebruiker):
    apeldoorn, _zwolle = twee_gemeenten
    terrein = BedrijventerreinFactory(
        gemeente=apeldoorn,
        naam="Ecofactorij-met-een-heel-lange-naamzonderspatiesdienietpastopeentelefoonscherm",
        geometrie=vierkant(201_000, 471_000),
        geometrie_bron="ibis",
    )
    PlankaartFactory(terrein=terrein, zichtjaar=2030, laadvermogen_kw=900, gemodelleerd=True)
    stakeholder_maken(terrein=terrein, organisatie="Liander", soort="netbeheerder", email="netbeheer@example.nl")
    return terrein


def breedte(pagina) -> dict:
    return pagina.evaluate("({scroll: document.documentElement.scrollWidth, venster: window.innerWidth})")


def test_menu_folds_behind_a_button_on_a_phone_that_opens_and_closes_by_mouse_and_keyboard(inloggen, maak_gebruiker):
    pagina = inloggen(maak_gebruiker("beheerder"))
    pagina.set_viewport_size(TELEFOON)
    pagina.goto("/gebruikers/")
    knop = pagina.get_by_role("button", name="Menu")
    menu = pagina.get_by_role("navigation", name="Hoofdmenu")
    expect(knop).to_be_visible()
    expect(knop).to_have_attribute("aria-expanded", "false")
    expect(knop).to_have_attribute("aria-controls", "hoofdmenu")
    expect(menu).to_be_hidden()

    knop.click()
    expect(knop).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="API-sleutels")).to_be_visible()  # the last item: nothing cut off
    expect(menu.get_by_role("button", name="Uitloggen")).to_be_visible()
    # Header and footer within the phone's width, with the whole menu open.
    assert pagina.evaluate(
        "() => [...document.querySelectorAll('.nal-header *, .nal-footer *')]"
        ".every((el) => el.getBoundingClientRect().right <= 390)"
    )
    assert breedte(pagina)["scroll"] <= 390
    knop.click()
    expect(menu).to_be_hidden()

    # Keyboard: Enter opens, Tab goes into the menu, Escape closes it and returns to the button.
    knop.focus()
    pagina.keyboard.press("Enter")
    expect(knop).to_have_attribute("aria-expanded", "true")
    pagina.keyboard.press("Tab")
    expect(menu.get_by_role("link", name="Overzicht")).to_be_focused()
    pagina.keyboard.press("Escape")
    expect(knop).to_have_attribute("aria-expanded", "false")
    expect(knop).to_be_focused()
    expect(menu).to_be_hidden()

    # On a wide screen there is no button and the menu is simply there.
    pagina.set_viewport_size({"width": 1280, "height": 800})
    expect(knop).to_be_hidden()
    expect(menu.get_by_role("link", name="Toolbox")).to_be_visible()


def test_without_javascript_the_menu_is_shown_and_the_button_is_not(browser, live_server, maak_gebruiker):
    gebruiker = maak_gebruiker("medewerker")
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", java_script_enabled=False, viewport=TELEFOON)
    pagina = context.new_page()
    try:
        pagina.goto("/inloggen/")
        pagina.get_by_label("Gebruikersnaam").fill(gebruiker.username)
        pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
        pagina.get_by_role("button", name="Inloggen").click()
        pagina.wait_for_url("**/")
        pagina.goto("/toolbox/")
        expect(pagina.get_by_role("button", name="Menu")).to_be_hidden()
        expect(pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Voortgang")).to_be_visible()
        assert breedte(pagina)["scroll"] <= 390
    finally:
        context.close()


# The pages whose forms and tables this frame shapes, per role (the park list, dashboard, map and park page have their own tests).
PAGINAS = {
    "beheerder": [
        "/gebruikers/",
        "/gebruikers/nieuw/",
        "/gebruikers/account/",
        "/gebruikers/account/wachtwoord/",
        "/api/sleutels/",
        "/toolbox/",
        "/toolbox/instrumenten/nieuw/",
        "/prioritering/",
        "/prioritering/afwegingskader/",
        "/prioritering/afwegingskader/nieuw/",
        "/prioritering/rondes/",
        "/terreinen/criteria-importeren/",
        "/terreinen/volledigheid/",
        "/terreinen/{rin}/bewerken/",
        "/terreinen/{rin}/organisaties/nieuw/",
        "/terreinen/{rin}/logboek/nieuw/",
        "/stappenplan/terreinen/{rin}/stap/1/",
        "/stappenplan/terreinen/{rin}/stap/3/",
        "/stappenplan/mijn-terreinen/",
        "/stappenplan/evaluaties/",
        "/toolbox/terreinen/{rin}/inzet/",
        "/factsheets/",
        "/voortgang/",
        "/plankaarten/aannames/",
    ],
    "regisseur": [
        "/stappenplan/mijn-terreinen/",
        "/stappenplan/terreinen/{rin}/stap/0/",
        "/terreinen/{rin}/bewerken/",
        "/terreinen/{rin}/logboek/nieuw/",
        "/prioritering/rondes/",
        "/toolbox/",
        "/gebruikers/account/",
    ],
    "medewerker": ["/prioritering/", "/toolbox/", "/voortgang/", "/factsheets/", "/gebruikers/account/"],
    "gemeente": ["/prioritering/", "/toolbox/", "/plankaarten/aannames/", "/gebruikers/account/"],
}


@pytest.mark.parametrize("rol", list(PAGINAS))
def test_no_page_scrolls_sideways_on_a_phone(inloggen, maak_gebruiker, park, rol):
    gebruiker = maak_gebruiker("gemeente", "GM0200") if rol == "gemeente" else maak_gebruiker(rol)
    traject_zetten(terrein=park, regisseur=gebruiker if rol == "regisseur" else None)
    pagina = inloggen(gebruiker)
    pagina.set_viewport_size(TELEFOON)
    te_breed = {}
    for pad in PAGINAS[rol]:
        pad = pad.format(rin=park.rin)
        antwoord = pagina.goto(pad)
        assert antwoord.status == 200, pad
        pagina.get_by_role("button", name="Menu").click()  # the open menu must fit as well
        gemeten = breedte(pagina)
        if gemeten["scroll"] > gemeten["venster"]:
            te_breed[pad] = gemeten["scroll"]
        if SCHERMAFDRUKKEN:
            naam = re.sub(r"[^a-z0-9]+", "_", pad).strip("_") or "start"
            Path(SCHERMAFDRUKKEN).mkdir(parents=True, exist_ok=True)
            pagina.screenshot(path=Path(SCHERMAFDRUKKEN) / f"{rol}_{naam}_390.png", full_page=True)
    assert not te_breed, te_breed


def test_error_summary_takes_focus_and_its_links_lead_to_the_fields(inloggen, maak_gebruiker):
    pagina = inloggen(maak_gebruiker("beheerder"))
    pagina.goto("/gebruikers/nieuw/")
    pagina.get_by_label("E-mailadres").fill("geen-adres")
    pagina.get_by_role("button", name="Opslaan").click()
    samenvatting = pagina.get_by_role("alert").filter(has_text="Er is niets opgeslagen")
    expect(samenvatting).to_be_focused()
    expect(samenvatting.get_by_role("heading")).to_have_text("Er is niets opgeslagen. Verbeter het volgende:")
    links = samenvatting.get_by_role("link")
    assert links.count() == 4  # username, e-mail, role, password
    samenvatting.get_by_role("link", name=re.compile("^E-mailadres:")).click()
    veld = pagina.get_by_label("E-mailadres")
    expect(veld).to_be_focused()
    expect(veld).to_have_attribute("aria-invalid", "true")
    # The field's own error is read with it.
    fout_id = veld.get_attribute("aria-describedby").split()[-1]
    expect(pagina.locator(f"#{fout_id}")).to_contain_text("Fout:")
    samenvatting.get_by_role("link", name=re.compile("^Rol:")).click()
    expect(pagina.get_by_label("Rol", exact=True)).to_be_focused()


def test_step_messages_appear_inside_the_stappenplan_section_and_each_kind_looks_different(inloggen, maak_gebruiker, park):
    regisseur, collega = maak_gebruiker("regisseur"), maak_gebruiker("regisseur", username="collega")
    pagina = inloggen(regisseur)
    park_pad = f"/terreinen/{park.rin}/"
    sectie = pagina.locator("#stappenplan")

    # A colleague takes the park on while this page is open: the click is refused, told in the section.
    pagina.goto(park_pad)
    stappenplan_services.terrein_oppakken(traject=Traject.objects.get(terrein=park), user=collega)
    sectie.get_by_role("button", name="Ik pak dit terrein op").click()
    pagina.wait_for_url(f"**{park_pad}#stappenplan")
    fout = sectie.locator(".nal-melding")
    expect(fout).to_have_count(1)
    expect(fout).to_have_attribute("role", "alert")
    expect(fout).to_contain_text("Niet gelukt: collega is al regisseur van dit terrein")
    expect(fout).to_be_in_viewport()
    expect(pagina.locator(".nal-melding")).to_have_count(1)  # not repeated on top of the page
    fout_stijl = fout.evaluate(STIJL_JS)

    # A transition that succeeds: the message is in the section too, and looks different.
    traject = traject_zetten(terrein=park, regisseur=regisseur)
    stap0_invullen(traject, regisseur)
    pagina.goto(park_pad)
    sectie.get_by_role("button", name="Inventarisatie afronden, naar voorbereiding").click()
    pagina.wait_for_url(f"**{park_pad}#stappenplan")
    gelukt = sectie.locator(".nal-melding")
    expect(gelukt).to_have_count(1)
    expect(gelukt).to_have_attribute("role", "status")
    expect(gelukt).to_contain_text("Gelukt:")
    expect(gelukt).to_contain_text("staat nu in 1. Voorbereiding")
    expect(gelukt).to_be_in_viewport()
    expect(pagina.locator(".nal-melding")).to_have_count(1)
    gelukt_stijl = gelukt.evaluate(STIJL_JS)
    # Not colour alone: the icon and the words differ as well.
    for kenmerk in ("achtergrond", "rand", "icoon", "soort"):
        assert gelukt_stijl[kenmerk] != fout_stijl[kenmerk], kenmerk


STIJL_JS = """(el) => ({
  achtergrond: getComputedStyle(el).backgroundColor,
  rand: getComputedStyle(el).borderTopColor,
  icoon: el.querySelector('svg').innerHTML,
  soort: el.querySelector('.nal-melding__soort').textContent,
})"""


def test_links_styled_as_buttons_have_readable_text(inloggen, maak_gebruiker):
    pagina = inloggen(maak_gebruiker("beheerder"))
    gemeten = {}
    for pad, naam in (
        ("/gebruikers/", "Nieuwe gebruiker"),
        ("/toolbox/", "Nieuw instrument"),
        ("/prioritering/afwegingskader/", "Nieuwe versie maken"),
    ):
        pagina.goto(pad)
        knop = pagina.get_by_role("link", name=naam)
        expect(knop).to_be_visible()
        gemeten[naam] = knop.evaluate(CONTRAST_JS)
        knop.hover()
        gemeten[f"{naam} (muis erop)"] = knop.evaluate(CONTRAST_JS)
    te_laag = {naam: m for naam, m in gemeten.items() if m["ratio"] < 4.5}
    assert not te_laag, te_laag


def test_a_disabled_button_looks_disabled_and_stays_readable(inloggen, maak_gebruiker):
    pagina = inloggen(maak_gebruiker("beheerder"))
    pagina.goto("/gebruikers/nieuw/")
    stijlen = pagina.evaluate(
        """() => {
      const maak = (extra) => {
        const knop = document.createElement('button');
        knop.className = 'utrecht-button utrecht-button--primary-action';
        knop.textContent = 'Opslaan';
        extra(knop);
        document.querySelector('main').append(knop);
        const s = getComputedStyle(knop);
        return [s.backgroundColor, s.borderTopStyle, s.cursor];
      };
      const gewoon = maak(() => {}), uit = maak((k) => { k.disabled = true; });
      const aria = maak((k) => k.setAttribute('aria-disabled', 'true'));
      return {gewoon: gewoon[0], uit, aria};
    }"""
    )
    assert stijlen["uit"] == stijlen["aria"]
    achtergrond, rand, cursor = stijlen["uit"]
    assert achtergrond != stijlen["gewoon"] and rand == "dashed" and cursor == "not-allowed"
    uitgeschakeld = pagina.locator("main button[disabled]")
    assert uitgeschakeld.evaluate(CONTRAST_JS)["ratio"] >= 4.5
