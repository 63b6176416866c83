import os
import re

import pytest

from tests.factories import BedrijventerreinFactory, traject_zetten
from toolbox.models import InstrumentInzet

# Set to a folder to keep screenshots of the pages for a visual check.
SCHERMAFDRUKKEN = os.environ.get("SCHERMAFDRUKKEN_MAP", "")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_regisseur_records_a_new_step_3_round_from_the_park_page(inloggen, maak_gebruiker, twee_gemeenten):
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam="Ecofactorij")
    traject_zetten(terrein=terrein, stap=3)
    pagina = inloggen(maak_gebruiker("regisseur"))
    pagina.goto(f"/terreinen/{terrein.rin}/")
    sectie = pagina.locator("#toolbox")
    assert "3. Bepalen oplossingsrichting" in sectie.locator("details[open] summary").inner_text()

    opnieuw = pagina.get_by_label(re.compile("toolbox opnieuw ingezet"))
    pagina.get_by_label("Stap", exact=True).select_option("2")
    assert not opnieuw.is_visible()  # a new round only exists at step 3
    pagina.get_by_label("Stap", exact=True).select_option("3")
    assert opnieuw.is_visible()

    pagina.get_by_label("Instrument", exact=True).select_option(label="Potentie-analyse")
    pagina.get_by_label("Uitkomst").fill("Twee oplossingsrichtingen")
    pagina.get_by_role("button", name="Gebruik vastleggen").click()
    pagina.wait_for_url(re.compile(r".*#toolbox$"))
    assert "Twee oplossingsrichtingen" in pagina.locator("#toolbox table").inner_text()

    pagina.get_by_label("Instrument", exact=True).select_option(label="NAL overzicht mitigerende maatregelen")
    pagina.get_by_label(re.compile("toolbox opnieuw ingezet")).check()
    pagina.get_by_role("button", name="Gebruik vastleggen").click()
    pagina.wait_for_url(re.compile(r".*#toolbox$"))
    assert "Stap 3 wordt voor de 2e keer doorlopen" in pagina.locator("#toolbox").inner_text()
    assert sorted(InstrumentInzet.objects.values_list("ronde", flat=True)) == [1, 2]
    if SCHERMAFDRUKKEN:
        pagina.screenshot(path=f"{SCHERMAFDRUKKEN}/toolbox_terrein.png", full_page=True)


def test_catalogue_filters_in_the_browser(inloggen, maak_gebruiker):
    pagina = inloggen(maak_gebruiker("medewerker"))
    pagina.get_by_role("link", name="Toolbox").click()
    pagina.get_by_role("checkbox", name="Juridisch").check()
    pagina.get_by_role("button", name="Filteren").click()
    assert "5 instrumenten" in pagina.get_by_role("status").inner_text()
    if SCHERMAFDRUKKEN:
        pagina.screenshot(path=f"{SCHERMAFDRUKKEN}/toolbox_lijst.png", full_page=True)
