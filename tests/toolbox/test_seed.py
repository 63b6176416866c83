"""The catalogue is seeded with every instrument Bijlage 6 of the Plan van aanpak names."""

import importlib
import re
from pathlib import Path

import pytest
from django.conf import settings

from toolbox.models import Categorie, Instrument

pytestmark = pytest.mark.django_db

# Every bullet of Bijlage 6, read line by line from the plan (whitespace normalised), with the seeded
# instrument it became. The same communication means for several audiences is one instrument.
BIJLAGE_6 = {
    # Prioritering – selectiecriteria
    "Behoefte laadinfrastructuur (pareto behoefte 2035 laadvermogen bedrijventerrein op basis van plankaarten).": (
        "Behoefte laadinfrastructuur (pareto behoefte 2035 laadvermogen bedrijventerrein op basis van plankaarten)"
    ),
    "Lokale hulpvraag of initiatief waarbij de provincie is aangesloten.": (
        "Lokale hulpvraag of initiatief waarbij de provincie is aangesloten"
    ),
    "Transparant afwegingskader prioriteitstelling": "Transparant afwegingskader prioriteitstelling",
    # Communicatie – voorbereiding (bedrijven, gemeenten, parkmanagement)
    "Informatie over bedrijventerreinaanpak middels factsheet (o.b.v. plankaart)": (
        "Informatie over bedrijventerreinaanpak middels factsheet (o.b.v. plankaart)"
    ),
    "Informatie over bedrijventerreinaanpak middels factsheet": (
        "Informatie over bedrijventerreinaanpak middels factsheet (o.b.v. plankaart)"
    ),
    "F.A.Q.": "F.A.Q.",
    "Document met achterliggende informatie": "Document met achterliggende informatie",
    "Communicatiepakket voor communicatie-afdeling": "Communicatiepakket voor communicatie-afdeling",
    "Instructiedocument voor communicatie-afdeling": "Instructiedocument voor communicatie-afdeling",
    # Communicatie – startsessie (bedrijven, gemeenten, parkmanagement, eigen gebruik)
    "Uitnodiging startsessie": "Uitnodiging startsessie",
    "Informatie over delen data": "Informatie over delen data",
    "Teksten voor nieuwsbrieven & social media over startsessie en bedrijventerreinaanpak inclusief beeldmateriaal.": (
        "Teksten voor nieuwsbrieven & social media over startsessie en bedrijventerreinaanpak inclusief beeldmateriaal"
    ),
    "Powerpoint voor startsessie incl. uitkomst plankaart voor betreffend bedrijventerrein": (
        "Powerpoint voor startsessie incl. uitkomst plankaart voor betreffend bedrijventerrein"
    ),
    "Standaard programma/agenda voor startsessie": "Standaard programma/agenda voor startsessie",
    # Toolbox Samenwerking
    "Aanpak verkenning interesse voor het delen van laadinfrastructuur": (
        "Aanpak verkenning interesse voor het delen van laadinfrastructuur"
    ),
    "Overzicht aandachtspunten voor het delen van laadinfrastructuur (semi-publiek) (NAL)": (
        "Overzicht aandachtspunten voor het delen van laadinfrastructuur (semi-publiek) (NAL)"
    ),
    "Voorbeeld samenwerkingsovereenkomst": "Voorbeeld samenwerkingsovereenkomst",
    "Aanpak verkenning interesse voor collectieve inkoop": "Aanpak verkenning interesse voor collectieve inkoop",
    "Programma van eisen": "Programma van eisen",
    "Voorbeeld contract": "Voorbeeld contract",
    "Voorbeeld aanbestedingsdocument": "Voorbeeld aanbestedingsdocument",
    "Juridische contracten (PVB)": "Juridische contracten (PVB)",
    "Format projectplan": "Format projectplan",
    # Toolbox Laadinfra
    "Plankaart (overheden) en factsheet (bedrijven en parkmanagement)": (
        "Plankaart (overheden) en factsheet (bedrijven en parkmanagement)"
    ),
    "ElaadNL Outlook(s)": "ElaadNL Outlook(s)",
    "Behoefte collectieve laadinfrastructuur (basis plankaart)": "Behoefte collectieve laadinfrastructuur (basis plankaart)",
    # Under "Collectieve/publieke laadinfra": a third, distinct verkenning.
    "Aanpak verkenning interesse": "Aanpak verkenning interesse collectieve/publieke laadinfra",
    "Overzicht operationele publieke laadinfra geschikt voor logistiek": (
        "Overzicht operationele publieke laadinfra geschikt voor logistiek"
    ),
    "Actueel overzicht ontwikkelingen publieke laadinfra op en rond bedrijventerreinen": (
        "Actueel overzicht ontwikkelingen publieke laadinfra op en rond bedrijventerreinen"
    ),
    # Toolbox Netcapaciteit
    "Laadbehoefte versus netcapaciteit info in plankaart": "Laadbehoefte versus netcapaciteit info in plankaart",
    "Congestiekaart Netbeheer Nederland": "Congestiekaart Netbeheer Nederland",
    "Illustraties elektriciteitsnet van alle betrokken netbeheerders": (
        "Illustraties elektriciteitsnet van alle betrokken netbeheerders"
    ),
    "Overzicht contactpersonen netbeheerders voor inhoudelijke vragen over de lokale situatie": (
        "Overzicht contactpersonen netbeheerders voor inhoudelijke vragen over de lokale situatie"
    ),
    "NAL overzicht mitigerende maatregelen": "NAL overzicht mitigerende maatregelen",
    "Overzicht ontwikkelingen Smart Energy Hubs": "Overzicht ontwikkelingen Smart Energy Hubs",
    "Potentie-analyse": "Potentie-analyse",
    "Formele samenwerking / werkafspraken netbeheerders": "Formele samenwerking / werkafspraken netbeheerders",
    # Toolbox financieel en juridisch
    "Intentieovereenkomst samenwerking": "Intentieovereenkomst samenwerking",
    "Delen van data": "Delen van data",
    "Modelcontract voor delen laadinfra": "Modelcontract voor delen laadinfra",
    "Modelcontract voor collectieve laadinfra": "Modelcontract voor collectieve laadinfra",
    "Modelcontracten voor collectieve inkoop en onderhoud": "Modelcontracten voor collectieve inkoop en onderhoud",
    "Richtprijzen componenten laadinfrastructuur": "Richtprijzen componenten laadinfrastructuur",
    "Business case tools (o.a. TNO)": "Business case tools (o.a. TNO)",
    "Beschikbare subsidieregelingen": "Beschikbare subsidieregelingen",
    "Checklist financial close": "Checklist financial close",
}

SEED_MIGRATIE = importlib.import_module("toolbox.migrations.0002_bijlage6_instrumenten")


def _bijlage_6_bullets(tekst: str) -> list[str]:
    """The bullets between the headings 'Bijlage 6: Toolbox' and 'Bijlage 7: Selectiecriteria'; wrapped lines joined."""
    regels = tekst.splitlines()
    begin = next(i for i, r in enumerate(regels) if r.strip().startswith("Bijlage 6: Toolbox"))
    eind = next(i for i, r in enumerate(regels) if r.strip().startswith("Bijlage 7: Selectiecriteria"))
    bullets, huidig = [], None
    for regel in regels[begin:eind]:
        schoon = regel.strip()
        if schoon.startswith("•"):
            if huidig is not None:
                bullets.append(huidig)
            huidig = schoon.lstrip("•").strip()
        elif schoon and huidig is not None and not schoon.startswith("http"):
            huidig += " " + schoon
        else:
            if huidig is not None:
                bullets.append(huidig)
            huidig = None
    if huidig is not None:
        bullets.append(huidig)
    return [re.sub(r"\s+", " ", b) for b in bullets]


def test_every_bullet_of_bijlage_6_in_the_plan_is_in_the_extracted_list():
    plan = Path(settings.NAL_DATA_DIR).parent / "seed" / "plan-van-aanpak-bedrijventerreinen.txt"
    assert plan.is_file(), f"the plan is expected next to the open data: {plan}"
    bullets = _bijlage_6_bullets(plan.read_text(encoding="utf-8"))
    assert len(bullets) == 50  # as counted by hand in the plan
    assert set(bullets) == set(BIJLAGE_6)


def test_seed_migration_data_names_every_instrument_of_bijlage_6():
    geseed = {rij[0] for rij in SEED_MIGRATIE.INSTRUMENTEN}
    ontbrekend = set(BIJLAGE_6.values()) - geseed
    assert not ontbrekend, f"missing from the seed migration: {sorted(ontbrekend)}"
    assert geseed == set(BIJLAGE_6.values()), "the seed holds instruments Bijlage 6 does not name"


def test_migrated_catalogue_holds_every_instrument_of_bijlage_6():
    titels = set(Instrument.objects.values_list("titel", flat=True))
    assert set(BIJLAGE_6.values()) <= titels
    assert Instrument.objects.count() == len(set(BIJLAGE_6.values())) == 45


def test_every_seeded_instrument_has_audiences_steps_and_a_category():
    for instrument in Instrument.objects.prefetch_related("stappen", "doelgroepen"):
        assert instrument.stappen.exists(), instrument.titel
        assert instrument.doelgroepen.exists(), instrument.titel
    assert set(Instrument.objects.values_list("categorie", flat=True)) == set(Categorie.values)


def test_seed_keeps_the_audiences_the_plan_gives_shared_means():
    factsheet = Instrument.objects.get(titel__startswith="Informatie over bedrijventerreinaanpak middels factsheet")
    assert set(factsheet.doelgroepen.values_list("doelgroep", flat=True)) == {"bedrijven", "gemeenten", "parkmanagement"}
    powerpoint = Instrument.objects.get(titel__startswith="Powerpoint voor startsessie")
    assert list(powerpoint.doelgroepen.values_list("doelgroep", flat=True)) == ["eigen_gebruik"]
    assert list(powerpoint.stappen.values_list("stap", flat=True)) == [2]
    potentie = Instrument.objects.get(titel="Potentie-analyse")
    assert 3 in potentie.stappen.values_list("stap", flat=True)
