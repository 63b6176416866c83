import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from nal_oost.demo import demo_laden
from stappenplan.models import StapOvergang, Traject
from terreinen.models import Bedrijventerrein
from tests.conftest import WACHTWOORD
from tests.stappenplan.conftest import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_regisseur_takes_a_demo_park_from_step_0_to_3_and_sees_what_is_missing(inloggen, data_dir, settings):
    settings.NAL_DATA_DIR = str(data_dir)
    demo_laden(wachtwoord=WACHTWOORD)
    # Every demo park got its traject; part of them a demo history. Take the first untouched one in Apeldoorn.
    assert not Bedrijventerrein.objects.filter(traject__isnull=True).exists()
    traject = (
        Traject.objects.filter(terrein__gemeente__code="GM0200", stap=0, versie=0, overgangen__isnull=True)
        .select_related("terrein")
        .order_by("terrein__naam")[0]
    )
    terrein = traject.terrein
    pagina = inloggen(get_user_model().objects.get(username="demo-regisseur"))
    park = f"/terreinen/{terrein.rin}/"
    melding = pagina.locator(".nal-melding")

    def naar_park():
        pagina.goto(park)
        return pagina.locator("#stappenplan")

    def stap_openen(n, naam):
        naar_park().get_by_role("link", name=f"Gegevens {n}. {naam} vastleggen").click()

    def opslaan():
        pagina.get_by_role("button", name="Gegevens opslaan").click()
        expect(melding).to_contain_text("zijn opgeslagen")

    sectie = naar_park()
    expect(sectie.locator("[data-testid=stand]")).to_contain_text("0. Inventarisatie")

    # Step 0: the move is blocked without the background checklist; it says why, and the reason leads to the checklist.
    knop = sectie.get_by_role("button", name="Inventarisatie afronden, naar voorbereiding")
    expect(knop).to_have_attribute("aria-disabled", "true")
    expect(knop).to_have_accessible_description(re.compile("Achtergrondchecklist mist: grootte van het terrein"))
    knop.click(force=True)  # past Playwright's own check: the page itself must not submit
    expect(melding).to_have_count(0)
    sectie.get_by_role("link", name=re.compile("Achtergrondchecklist mist")).click()
    expect(pagina).to_have_url(re.compile(r"/stap/0/#id_gegevens-checklist_achtergrond$"))
    for vinkje in pagina.locator("input[name=gegevens-checklist_achtergrond]").all():
        vinkje.check()
    pagina.locator("#id_gegevens-eerste_contact_op").fill("2026-01-15")
    opslaan()
    naar_park().get_by_role("button", name="Inventarisatie afronden, naar voorbereiding").click()
    expect(melding).to_contain_text("staat nu in 1. Voorbereiding")

    # Step 1: stakeholders, orientation talk, approach route.
    stap_openen(1, "Voorbereiding")
    for organisatie, soort in (("Gemeente Apeldoorn", "gemeente"), ("Parkmanagement Apeldoorn", "parkmanagement")):
        pagina.locator("#id_stakeholder-organisatie").fill(organisatie)
        pagina.locator("#id_stakeholder-soort").select_option(soort)
        pagina.get_by_role("button", name="Stakeholder toevoegen").click()
        expect(melding).to_contain_text(f"Stakeholder {organisatie} toegevoegd")
    pagina.locator("#id_gegevens-orientatiegesprek_op").fill("2026-02-01")
    pagina.locator("#id_gegevens-aanvliegroute").select_option("los_initiatief")
    opslaan()
    sectie = naar_park()
    expect(sectie).to_contain_text("Stakeholderanalyse mist: netbeheerder")
    volgende = sectie.get_by_role("button", name="Voorbereiding afronden, naar startsessie")
    expect(volgende).to_have_attribute("aria-disabled", "true")
    sectie.locator("#ontbreekt-voorbereiding_afronden").get_by_role("link", name="Stakeholderanalyse mist: netbeheerder").click()
    expect(pagina.locator("#id_stakeholder-organisatie")).to_be_in_viewport()
    pagina.locator("#id_stakeholder-organisatie").fill("Liander")
    pagina.locator("#id_stakeholder-soort").select_option("netbeheerder")
    pagina.get_by_role("button", name="Stakeholder toevoegen").click()
    naar_park().get_by_role("button", name="Voorbereiding afronden, naar startsessie").click()
    expect(melding).to_contain_text("staat nu in 2. Startsessie")

    # Step 2: startsessie with a letter of intent and a project team.
    stap_openen(2, "Startsessie")
    pagina.locator("#id_gegevens-startsessie_op").fill("2026-02-20")
    pagina.locator("#id_gegevens-probleemstelling").fill("Netcongestie en geen ruimte voor laden op eigen terrein.")
    pagina.locator("#id_gegevens-projectteam").fill("A. Jansen (provincie)\nB. de Vries (parkmanagement)")
    pagina.locator("#id_gegevens-kartrekker").fill("A. Jansen")
    opslaan()
    sectie = naar_park()
    expect(sectie.locator("#ontbreekt-verder_onderzoek li")).to_have_text(["Intentieverklaring mist"])
    sectie.get_by_role("link", name="Intentieverklaring mist").click()
    expect(pagina.locator("#id_document-soort")).to_be_in_viewport()
    pagina.locator("#id_document-soort").select_option("intentieverklaring")
    pagina.locator("#id_document-bestand").set_input_files(
        {"name": "intentieverklaring.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    pagina.get_by_role("button", name="Document uploaden").click()
    expect(melding).to_contain_text("Document intentieverklaring.pdf toegevoegd")
    naar_park().get_by_role("button", name="Startsessie: verder onderzoek, naar oplossingsrichting").click()
    expect(melding).to_contain_text("staat nu in 3. Bepalen oplossingsrichting")
    expect(pagina.locator("[aria-current=step]")).to_contain_text("3. Bepalen oplossingsrichting")
    expect(pagina.locator("#stappenplan")).to_contain_text(re.compile("Oplossingsrichting mist: werk er minstens één uit"))

    assert list(StapOvergang.objects.filter(traject=traject).values_list("naar_stap", flat=True)) == [1, 2, 3]
