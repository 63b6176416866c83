"""In the browser: a regisseur records an organisation with a contact and a journal note with a follow-up;
a gemeente user of the same park sees neither."""

import pytest
from playwright.sync_api import expect

from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, traject_zetten

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_regisseur_records_contact_and_follow_up_and_gemeente_user_sees_neither(
    inloggen, browser, live_server, twee_gemeenten, maak_gebruiker
):
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam="Ecofactorij")
    regisseur = maak_gebruiker("regisseur", username="renate")
    traject_zetten(terrein=terrein, regisseur=regisseur)
    gemeente = maak_gebruiker("gemeente", "GM0200")
    park = f"/terreinen/{terrein.rin}/"

    pagina = inloggen(regisseur)
    melding = pagina.locator(".nal-melding")
    pagina.goto(park)
    pagina.get_by_role("link", name="Organisatie of contactpersoon toevoegen").click()
    pagina.get_by_label("Naam nieuwe organisatie").fill("Stichting Parkmanagement Ecofactorij")
    pagina.get_by_label("Soort (niet verplicht)", exact=True).select_option("parkmanagement")
    pagina.get_by_label("Warm contact op dit terrein").check()
    pagina.get_by_label("Naam contactpersoon").fill("Petra Park")
    pagina.get_by_label("E-mail").fill("petra@park.example")
    pagina.get_by_role("button", name="Organisatie toevoegen").click()
    expect(melding).to_contain_text("Stichting Parkmanagement Ecofactorij is gekoppeld aan dit terrein")
    organisaties = pagina.locator("#organisaties")
    expect(organisaties).to_contain_text("Petra Park")
    expect(organisaties).to_contain_text("petra@park.example")
    expect(pagina.locator(".nal-kenmerken").first).to_contain_text("Stichting Parkmanagement Ecofactorij")

    pagina.get_by_role("link", name="Notitie toevoegen").click()
    pagina.get_by_label("Soort").select_option("afspraak")
    pagina.get_by_label("Datum").fill("2026-03-01")
    pagina.get_by_label("Notitie", exact=True).fill("Petra belt terug over de wachtrij bij Liander")
    pagina.get_by_label("Opvolgen op").fill("2026-03-20")
    pagina.get_by_role("button", name="Notitie toevoegen").click()
    expect(melding).to_contain_text("De notitie is toegevoegd aan het logboek")
    expect(pagina.locator("#logboek")).to_contain_text("Petra belt terug over de wachtrij bij Liander")

    pagina.goto("/stappenplan/mijn-terreinen/")
    opvolgen = pagina.locator("#opvolgen")
    expect(opvolgen).to_contain_text("Ecofactorij")
    expect(opvolgen).to_contain_text("20-3-2026")

    # A second browser, as the municipality's user of the same park.
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    try:
        andere = context.new_page()
        andere.goto("/inloggen/")
        andere.get_by_label("Gebruikersnaam").fill(gemeente.username)
        andere.get_by_label("Wachtwoord").fill(WACHTWOORD)
        andere.get_by_role("button", name="Inloggen").click()
        andere.wait_for_url("**/")
        andere.goto(park)
        expect(andere.get_by_role("heading", name="Ecofactorij", level=1)).to_be_visible()
        inhoud = andere.content()
        for geheim in ("Petra Park", "petra@park.example", "Stichting Parkmanagement Ecofactorij", "wachtrij bij Liander"):
            assert geheim not in inhoud
        expect(andere.locator("#organisaties")).to_have_count(0)
        expect(andere.locator("#logboek")).to_have_count(0)
        andere.goto("/stappenplan/mijn-terreinen/")
        expect(andere.locator("#opvolgen")).to_have_count(0)
        assert "Ecofactorij" not in andere.content()
    finally:
        context.close()
