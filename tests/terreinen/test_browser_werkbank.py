"""The regisseur's workbench in real chromium with a real Celery worker: take on a park, record its criteria,
see the score follow once the worker recomputed and the factsheet go stale; a second editor is told of the conflict."""

import re

import pytest
from celery.contrib.testing.worker import start_worker
from playwright.sync_api import expect

from factsheets.services import factsheet_renderen
from nal_oost.celery import app
from prioritering.models import Berekening
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, PlankaartFactory
from tests.prioritering.test_celery import wacht_tot_alles_berekend

pytestmark = [pytest.mark.browser, pytest.mark.celery, pytest.mark.django_db(transaction=True)]


def inloggen_in(context, user):
    pagina = context.new_page()
    pagina.goto("/inloggen/")
    pagina.get_by_label("Gebruikersnaam").fill(user.username)
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.get_by_role("button", name="Inloggen").click()
    pagina.wait_for_url("**/")
    return pagina


def score_op(pagina) -> int:
    tekst = pagina.locator(".prio-kernwaarde").inner_text()
    return int(re.search(r"Score (-?\d+)", tekst).group(1))


def test_regisseur_takes_on_a_park_records_criteria_score_follows_factsheet_stale_and_conflict_is_told(
    browser, live_server, maak_gebruiker, twee_gemeenten, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    app.control.purge()
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam="Ecofactorij")
    PlankaartFactory(terrein=terrein, zichtjaar=2030, laadvermogen_kw=900)
    PlankaartFactory(terrein=terrein, zichtjaar=2035, laadvermogen_kw=9000)
    regisseur = maak_gebruiker("regisseur", username="rie")
    collega = maak_gebruiker("regisseur", username="ria")
    park = f"/terreinen/{terrein.rin}/"
    eerste = browser.new_context(base_url=live_server.url, locale="nl-NL")
    tweede = browser.new_context(base_url=live_server.url, locale="nl-NL")
    try:
        with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
            wacht_tot_alles_berekend()
            pagina = inloggen_in(eerste, regisseur)
            pagina.goto(park)
            score_voor = score_op(pagina)
            expect(pagina.locator("#criteria-bekend")).to_contain_text("Criteria bekend: 0/9")
            pagina.get_by_role("button", name="Ik pak dit terrein op").click()
            expect(pagina.locator("body")).to_contain_text("U bent nu regisseur van Ecofactorij")
            pagina.goto("/stappenplan/mijn-terreinen/")
            expect(pagina.get_by_role("link", name="Ecofactorij")).to_be_visible()

            # The factsheet is brought up to date (the new regisseur is on it), then the criteria change.
            factsheet_renderen(terrein_id=terrein.pk, variant="factsheet")
            pagina.goto(park)
            expect(pagina.locator("#factsheets")).to_contain_text("actueel")

            # The colleague opens the same park's edit form before the first save.
            andere = inloggen_in(tweede, collega)
            andere.goto(park + "bewerken/")

            pagina.goto(park)
            pagina.get_by_role("link", name="Gegevens bewerken").click()
            pagina.get_by_label("Netcongestie").select_option("volledig")
            pagina.get_by_label("Warme contacten").select_option(label="Ja")
            pagina.get_by_label("Parkmanagement").select_option(label="Ja")
            pagina.get_by_label("Aantal bedrijven").fill("40")
            pagina.get_by_label("Aandeel logistieke bedrijven (%)").fill("55,5")
            pagina.get_by_role("button", name="Opslaan").click()
            expect(pagina.locator("body")).to_contain_text("De gegevens van Ecofactorij zijn opgeslagen")
            expect(pagina.locator("#criteria-bekend")).to_contain_text("Criteria bekend: 4/9")

            wacht_tot_alles_berekend()
            assert Berekening.objects.filter(aanleiding="bewerking", status="klaar").exists()
            pagina.goto(park)
            # netcongestie volledig (+15) and warme contacten (+10) under the default weights
            assert score_op(pagina) == score_voor + 25
            expect(pagina.locator("#factsheets")).to_contain_text("verouderd")

            andere.get_by_label("Netcongestie").select_option("nee")
            andere.get_by_label("Bereikbaarheid").select_option("goed")
            andere.get_by_role("button", name="Opslaan").click()
            conflict = andere.locator("#conflict")
            expect(conflict).to_contain_text("Iemand anders heeft dit terrein intussen gewijzigd")
            expect(conflict).to_contain_text("Netcongestie: was ‘onbekend’, nu ‘Ja, volledige congestie’")
            expect(andere.get_by_label("Bereikbaarheid")).to_have_value("goed")  # the colleague's input is kept
        terrein.refresh_from_db()
        assert terrein.netcongestie == "volledig" and terrein.bereikbaarheid == ""
    finally:
        eerste.close()
        tweede.close()
