"""Seed the toolbox with every instrument Bijlage 6 ("Toolbox") of the Plan van aanpak names.

Where the plan lists the same means for several audiences (the factsheet, the F.A.Q., the invitation
to the startsessie, the information about sharing data) it is one instrument with those audiences.
Steps follow Bijlage 2: communication for the voorbereiding serves step 1, for the startsessie step 2;
the netpotentieanalyse and the overviews serve step 3; contracts and the project plan step 4.
"""

from django.db import migrations
from django.utils.text import slugify

B, G, P, E = "bedrijven", "gemeenten", "parkmanagement", "eigen_gebruik"
BESCHIKBAAR, IN_ONTWIKKELING = "beschikbaar", "in_ontwikkeling"

_GO_RAL_OVERZICHT = (
    "https://prvgld.sharepoint.com/:x:/r/sites/EXT-SlimOpenbaarLaden/_layouts/15/Doc.aspx?"
    "sourcedoc=%7B03BE8F14-1288-425E-A912-F4862C17E6E3%7D&file=Overzicht%20publiek%20toegankelijke%20"
    "laadlocaties%20Logistiek%20GO%20RAL%20v0.1.xlsx&action=default&mobileredirect=true"
)
_CAPACITEITSKAART = "https://capaciteitskaart.netbeheernederland.nl/"
_MITIGERENDE_MAATREGELEN = (
    "https://www.agendalaadinfrastructuur.nl/ondersteuning+gemeenten/documenten+en+links/"
    "documenten+in+bibliotheek/handlerdownloadfiles.ashx?idnv=2301858"
)
_POTENTIE_ANALYSE = (
    "https://prvgld.sharepoint.com/:w:/r/sites/EXT-SlimOpenbaarLaden/GLD%20Documenten%20algemeen/LOGISTIEK/"
    "project%20Bedrijventerrein%20plus%20aanpak/potentie%20analyse%20concept%200.2.docx"
)

# (titel, categorie, doelgroepen, stappen, status, eigenaar, link, omschrijving)
INSTRUMENTEN = [
    # Prioritering: selectiecriteria
    (
        "Behoefte laadinfrastructuur (pareto behoefte 2035 laadvermogen bedrijventerrein op basis van plankaarten)",
        "prioritering",
        [E],
        [0, 1],
        BESCHIKBAAR,
        "NAL-regio Oost",
        "",
        "Selectiecriterium: de bedrijventerreinen die samen 80% van de laadvermogensbehoefte in 2035 vormen "
        "(paretoset), op basis van de plankaarten.",
    ),
    (
        "Lokale hulpvraag of initiatief waarbij de provincie is aangesloten",
        "prioritering",
        [E],
        [0, 1],
        BESCHIKBAAR,
        "NAL-regio Oost",
        "",
        "Selectiecriterium: er is een lokale hulpvraag of een lopend initiatief waarbij de provincie is aangesloten.",
    ),
    (
        "Transparant afwegingskader prioriteitstelling",
        "prioritering",
        [E],
        [0, 1],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Het afwegingskader waarmee bedrijventerreinen transparant worden geprioriteerd (zie Bijlage 7).",
    ),
    # Communicatie in de voorbereiding
    (
        "Informatie over bedrijventerreinaanpak middels factsheet (o.b.v. plankaart)",
        "communicatie",
        [B, G, P],
        [1],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Informatie over de bedrijventerreinaanpak voor bedrijven, gemeenten en parkmanagement, met de factsheet "
        "op basis van de plankaart.",
    ),
    (
        "F.A.Q.",
        "communicatie",
        [B, P],
        [1],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Veelgestelde vragen over de bedrijventerreinaanpak voor bedrijven en parkmanagement.",
    ),
    (
        "Document met achterliggende informatie",
        "communicatie",
        [G],
        [1],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Achterliggende informatie over de bedrijventerreinaanpak voor beleidsmedewerkers van gemeenten.",
    ),
    (
        "Communicatiepakket voor communicatie-afdeling",
        "communicatie",
        [G],
        [1],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Communicatiepakket voor de communicatie-afdeling van de gemeente.",
    ),
    (
        "Instructiedocument voor communicatie-afdeling",
        "communicatie",
        [G],
        [1],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Instructie voor de communicatie-afdeling van de gemeente bij het gebruik van het communicatiepakket.",
    ),
    # Communicatie voor de startsessie
    (
        "Uitnodiging startsessie",
        "communicatie",
        [B, P],
        [2],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Uitnodiging voor de startsessie op het bedrijventerrein, voor bedrijven en parkmanagement.",
    ),
    (
        "Informatie over delen data",
        "communicatie",
        [B, P],
        [2],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Uitleg voor bedrijven en parkmanagement over het delen van data in de aanpak.",
    ),
    (
        "Teksten voor nieuwsbrieven & social media over startsessie en bedrijventerreinaanpak inclusief beeldmateriaal",
        "communicatie",
        [G],
        [2],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Kant-en-klare teksten en beeldmateriaal voor gemeentelijke nieuwsbrieven en social media.",
    ),
    (
        "Powerpoint voor startsessie incl. uitkomst plankaart voor betreffend bedrijventerrein",
        "communicatie",
        [E],
        [2],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Presentatie voor de startsessie, aangevuld met de uitkomst van de plankaart van het bedrijventerrein.",
    ),
    (
        "Standaard programma/agenda voor startsessie",
        "communicatie",
        [E],
        [2],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Standaardprogramma en agenda voor de startsessie.",
    ),
    # Toolbox Samenwerking: gebruik van laadinfrastructuur
    (
        "Aanpak verkenning interesse voor het delen van laadinfrastructuur",
        "samenwerking",
        [B, P],
        [2, 3],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Aanpak om te verkennen of bedrijven laadinfrastructuur (bijvoorbeeld een snellader) willen delen, "
        "zodat die beter benut wordt en de kosten per laadbeurt dalen.",
    ),
    (
        "Overzicht aandachtspunten voor het delen van laadinfrastructuur (semi-publiek) (NAL)",
        "samenwerking",
        [B, P],
        [3],
        BESCHIKBAAR,
        "NAL",
        "",
        "Aandachtspunten van de NAL voor het (semi-publiek) delen van laadinfrastructuur.",
    ),
    (
        "Voorbeeld samenwerkingsovereenkomst",
        "samenwerking",
        [B, P, G],
        [3, 4],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Voorbeeld van een samenwerkingsovereenkomst voor gedeelde laadinfrastructuur.",
    ),
    # Toolbox Samenwerking: collectieve inkoop en onderhoud
    (
        "Aanpak verkenning interesse voor collectieve inkoop",
        "samenwerking",
        [B, P],
        [2, 3],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Aanpak om te verkennen of bedrijven laadinfrastructuur, uitbreiding, onderhoud en storingsafhandeling "
        "samen willen inkopen.",
    ),
    (
        "Programma van eisen",
        "samenwerking",
        [B, P],
        [4],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Programma van eisen voor collectieve inkoop en onderhoud van laadinfrastructuur.",
    ),
    (
        "Voorbeeld contract",
        "samenwerking",
        [B, P],
        [4, 5],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Voorbeeldcontract voor collectieve inkoop en onderhoud van laadinfrastructuur.",
    ),
    (
        "Voorbeeld aanbestedingsdocument",
        "samenwerking",
        [B, P, G],
        [4, 5],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Voorbeeld van een aanbestedingsdocument voor collectieve inkoop van laadinfrastructuur.",
    ),
    (
        "Juridische contracten (PVB)",
        "samenwerking",
        [B, P],
        [4],
        IN_ONTWIKKELING,
        "PVB",
        "",
        "Juridische contracten van het Platform Veilige Bedrijventerreinen (PVB) voor collectieve inkoop en onderhoud.",
    ),
    # Toolbox Samenwerking: realisatie
    (
        "Format projectplan",
        "samenwerking",
        [B, P, G],
        [4],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Format voor het projectplan van de gekozen oplossingsrichting, met aandacht voor samenwerking, "
        "opschaling en juridische en financiële benodigdheden.",
    ),
    # Toolbox Laadinfra: inzicht benodigde laadinfra
    (
        "Plankaart (overheden) en factsheet (bedrijven en parkmanagement)",
        "laadinfra",
        [G, B, P],
        [0, 1, 2, 3],
        BESCHIKBAAR,
        "NAL-regio Oost",
        "",
        "De plankaart logistieke laadinfra per bedrijventerrein (met meer detail voor overheden) en de factsheet "
        "als praatplaat voor bedrijven en parkmanagement, voor 2025, 2030 en 2035. Ga zorgvuldig om met "
        "vertrouwelijke informatie.",
    ),
    (
        "ElaadNL Outlook(s)",
        "laadinfra",
        [G, B, P],
        [0, 3],
        BESCHIKBAAR,
        "ElaadNL",
        "",
        "De ElaadNL Outlook bedrijventerreinen, voor de laadbehoefte van niet-logistieke voertuigen zoals "
        "personenauto's op het bedrijventerrein.",
    ),
    # Toolbox Laadinfra: collectieve/publieke laadinfra
    (
        "Behoefte collectieve laadinfrastructuur (basis plankaart)",
        "laadinfra",
        [G, P],
        [0, 3],
        BESCHIKBAAR,
        "NAL-regio Oost",
        "",
        "De behoefte aan collectieve laadinfrastructuur op het bedrijventerrein volgens de plankaart; "
        "aanleiding voor een verkenning.",
    ),
    (
        "Aanpak verkenning interesse collectieve/publieke laadinfra",
        "laadinfra",
        [B, P, G],
        [2, 3],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Aanpak om de interesse in collectieve of publieke laadinfrastructuur op het bedrijventerrein te verkennen.",
    ),
    (
        "Overzicht operationele publieke laadinfra geschikt voor logistiek",
        "laadinfra",
        [G, B, P],
        [0, 3],
        BESCHIKBAAR,
        "GO-RAL",
        _GO_RAL_OVERZICHT,
        "Overzicht van publiek toegankelijke laadlocaties die geschikt zijn voor logistiek, bijgehouden door de GO-RAL.",
    ),
    (
        "Actueel overzicht ontwikkelingen publieke laadinfra op en rond bedrijventerreinen",
        "laadinfra",
        [G, B, P],
        [0, 3],
        IN_ONTWIKKELING,
        "GO-RAL",
        "",
        "Nieuwe ontwikkelingen en initiatieven (zoals CEH en LOLA) voor publieke laadinfra op en rond "
        "bedrijventerreinen, bijgehouden door de GO-RAL.",
    ),
    # Toolbox Netcapaciteit: inzicht netcapaciteit
    (
        "Laadbehoefte versus netcapaciteit info in plankaart",
        "netcapaciteit",
        [G, B, P],
        [0, 3],
        BESCHIKBAAR,
        "NAL-regio Oost",
        "",
        "De plankaart laat zien in hoeverre de beschikbare netcapaciteit aansluit bij de behoefte aan laadvermogen "
        "in 2025, 2030 en 2035.",
    ),
    (
        "Congestiekaart Netbeheer Nederland",
        "netcapaciteit",
        [G, B, P],
        [0, 1, 3],
        BESCHIKBAAR,
        "Netbeheer Nederland",
        _CAPACITEITSKAART,
        "De capaciteitskaart van Netbeheer Nederland met de congestie op het elektriciteitsnet.",
    ),
    (
        "Illustraties elektriciteitsnet van alle betrokken netbeheerders",
        "netcapaciteit",
        [G, B, P],
        [2, 3],
        IN_ONTWIKKELING,
        "Netbeheerders",
        "",
        "Per netbeheerder een illustratie van het netvlak waarop een laadplein of aansluiting wordt aangesloten.",
    ),
    (
        "Overzicht contactpersonen netbeheerders voor inhoudelijke vragen over de lokale situatie",
        "netcapaciteit",
        [E],
        [1, 3],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Contactpersonen bij de netbeheerders voor inhoudelijke vragen over de lokale netsituatie (vertrouwelijk).",
    ),
    # Toolbox Netcapaciteit: mitigerende maatregelen
    (
        "NAL overzicht mitigerende maatregelen",
        "netcapaciteit",
        [G, B, P],
        [3],
        BESCHIKBAAR,
        "NAL",
        _MITIGERENDE_MAATREGELEN,
        "Overzicht van de NAL van maatregelen voor efficiënter gebruik van het elektriciteitsnet bij congestie, "
        "zoals nieuwe contractvormen. Een update/uitbreiding komt beschikbaar.",
    ),
    (
        "Overzicht ontwikkelingen Smart Energy Hubs",
        "netcapaciteit",
        [G, B, P],
        [3],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "De belangrijkste ontwikkelingen uit de praktijk van Smart Energy Hubs, verzameld en bijgehouden.",
    ),
    # Toolbox Netcapaciteit: haalbaarheidsonderzoek / potentie-analyse
    (
        "Potentie-analyse",
        "netcapaciteit",
        [B, P, G],
        [3],
        IN_ONTWIKKELING,
        "Provincie Gelderland",
        _POTENTIE_ANALYSE,
        "Haalbaarheidsonderzoek/potentie-analyse efficiënte energiehuishouding van het bedrijventerrein: op basis "
        "van huidig en verwacht elektriciteitsverbruik (incl. laadinfra) de noodzaak en kansen voor het lokale net. "
        "Er is budget beschikbaar.",
    ),
    (
        "Formele samenwerking / werkafspraken netbeheerders",
        "netcapaciteit",
        [E],
        [3, 4],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Formele samenwerking en werkafspraken met de regionale netbeheerders.",
    ),
    # Toolbox financieel en juridisch: juridische ondersteuning
    (
        "Intentieovereenkomst samenwerking",
        "juridisch",
        [B, P, G],
        [2, 3],
        IN_ONTWIKKELING,
        "NAL / PVB",
        "",
        "Intentieovereenkomst (intentieverklaring) waarmee betrokken bedrijven zich na de startsessie committeren "
        "aan verder onderzoek.",
    ),
    (
        "Delen van data",
        "juridisch",
        [B, P],
        [2, 3],
        IN_ONTWIKKELING,
        "NAL / PVB",
        "",
        "Juridisch document voor het delen van data tussen bedrijven en de betrokken overheden.",
    ),
    (
        "Modelcontract voor delen laadinfra",
        "juridisch",
        [B, P],
        [4],
        IN_ONTWIKKELING,
        "NAL / PVB",
        "",
        "Modelcontract voor het delen van laadinfrastructuur tussen bedrijven.",
    ),
    (
        "Modelcontract voor collectieve laadinfra",
        "juridisch",
        [B, P, G],
        [4],
        IN_ONTWIKKELING,
        "NAL / PVB",
        "",
        "Modelcontract voor collectieve laadinfrastructuur op het bedrijventerrein.",
    ),
    (
        "Modelcontracten voor collectieve inkoop en onderhoud",
        "juridisch",
        [B, P],
        [4, 5],
        IN_ONTWIKKELING,
        "NAL / PVB",
        "",
        "Modelcontracten voor collectieve inkoop en onderhoud van laadinfrastructuur.",
    ),
    # Toolbox financieel en juridisch: financieel
    (
        "Richtprijzen componenten laadinfrastructuur",
        "financieel",
        [B, P, G],
        [3, 4],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Richtprijzen voor de componenten van laadinfrastructuur.",
    ),
    (
        "Business case tools (o.a. TNO)",
        "financieel",
        [B, P],
        [3, 4],
        BESCHIKBAAR,
        "TNO e.a.",
        "",
        "Hulpmiddelen om de business case van (gedeelde) laadinfrastructuur door te rekenen, onder andere van TNO.",
    ),
    (
        "Beschikbare subsidieregelingen",
        "financieel",
        [B, P, G],
        [3, 4],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Overzicht van beschikbare subsidieregelingen voor laadinfrastructuur en netoplossingen.",
    ),
    (
        "Checklist financial close",
        "financieel",
        [B, P, G],
        [4],
        IN_ONTWIKKELING,
        "NAL-regio Oost",
        "",
        "Checklist om de financiering rond te krijgen voordat het projectplan wordt ondertekend.",
    ),
]


def instrumenten_zaaien(apps, schema_editor):
    Instrument = apps.get_model("toolbox", "Instrument")
    InstrumentStap = apps.get_model("toolbox", "InstrumentStap")
    InstrumentDoelgroep = apps.get_model("toolbox", "InstrumentDoelgroep")
    for titel, categorie, doelgroepen, stappen, status, eigenaar, link, omschrijving in INSTRUMENTEN:
        instrument, _ = Instrument.objects.get_or_create(
            titel=titel,
            defaults={
                "slug": slugify(titel)[:120].strip("-"),
                "categorie": categorie,
                "status": status,
                "eigenaar": eigenaar,
                "link": link,
                "omschrijving": omschrijving,
            },
        )
        for stap in stappen:
            InstrumentStap.objects.get_or_create(instrument=instrument, stap=stap)
        for doelgroep in doelgroepen:
            InstrumentDoelgroep.objects.get_or_create(instrument=instrument, doelgroep=doelgroep)


def instrumenten_verwijderen(apps, schema_editor):
    Instrument = apps.get_model("toolbox", "Instrument")
    InstrumentInzet = apps.get_model("toolbox", "InstrumentInzet")
    titels = [rij[0] for rij in INSTRUMENTEN]
    # Instruments already used on parks stay: their history matters more than a clean rollback.
    Instrument.objects.filter(titel__in=titels).exclude(pk__in=InstrumentInzet.objects.values("instrument_id")).delete()


class Migration(migrations.Migration):
    dependencies = [("toolbox", "0001_instrumenten")]

    operations = [migrations.RunPython(instrumenten_zaaien, instrumenten_verwijderen)]
