"""Who may see what: one declaration per model field (and per object) of its visibility class.

Classes, from open to closed:

- `openbaar`: anyone with access to the park, API partners included;
- `gemeente`: the programme (beheerder, regisseur, medewerker) and the park's own municipality, not partners;
- `vertrouwelijk`: the programme only.

Every template, export, map layer, API field list, factsheet, history entry, choice list and score
breakdown asks this module, so changing a field's class is one line below. A new model field must
be added here (tests/zichtbaarheid/test_register.py fails, naming it). The key "app.Model" is the
class of the object as a whole (whether it may be shown or linked to at all); "app.Model.veld" the
class of one field. A field is never more open than its object.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings

from nal_oost import rechten, rollen

OPENBAAR = "openbaar"
GEMEENTE = "gemeente"
VERTROUWELIJK = "vertrouwelijk"
KLASSEN = (OPENBAAR, GEMEENTE, VERTROUWELIJK)

# An API key's holder: sees `openbaar` only.
PARTNER = "partner"


# fmt: off
REGISTER: dict[str, str] = {
    # -- terreinen: reference data (CBS, PDOK, grid operators, initiatives) and the parks
    "terreinen.Provincie": OPENBAAR,
    "terreinen.Provincie.code": OPENBAAR,
    "terreinen.Provincie.naam": OPENBAAR,
    "terreinen.Provincie.geometrie": OPENBAAR,
    "terreinen.Netbeheerder": OPENBAAR,
    "terreinen.Netbeheerder.naam": OPENBAAR,
    "terreinen.Gemeente": OPENBAAR,
    "terreinen.Gemeente.code": OPENBAAR,
    "terreinen.Gemeente.naam": OPENBAAR,
    "terreinen.Gemeente.provincie": OPENBAAR,
    "terreinen.Gemeente.geometrie": OPENBAAR,
    "terreinen.Gemeente.netbeheerders": OPENBAAR,
    "terreinen.Gemeente.ze_zone": OPENBAAR,
    "terreinen.Gemeente.oppervlakte_land_ha": OPENBAAR,
    "terreinen.Gemeente.inwoners": OPENBAAR,
    "terreinen.Gemeente.geldig_van": OPENBAAR,
    "terreinen.Gemeente.geldig_tot": OPENBAAR,
    "terreinen.Initiatief": OPENBAAR,
    "terreinen.Initiatief.naam": OPENBAAR,
    "terreinen.Initiatief.soort": OPENBAAR,
    "terreinen.Initiatief.omschrijving": OPENBAAR,
    "terreinen.Initiatief.provincie_betrokken": OPENBAAR,
    "terreinen.Bedrijventerrein": OPENBAAR,
    "terreinen.Bedrijventerrein.rin": OPENBAAR,
    "terreinen.Bedrijventerrein.naam": OPENBAAR,
    "terreinen.Bedrijventerrein.gemeente": OPENBAAR,
    "terreinen.Bedrijventerrein.peiljaar": OPENBAAR,
    "terreinen.Bedrijventerrein.ha_bruto": OPENBAAR,
    "terreinen.Bedrijventerrein.ha_netto": OPENBAAR,
    "terreinen.Bedrijventerrein.ha_uitgeefbaar": OPENBAAR,
    "terreinen.Bedrijventerrein.wloc_type": OPENBAAR,
    "terreinen.Bedrijventerrein.geometrie": OPENBAAR,
    "terreinen.Bedrijventerrein.geometrie_bron": OPENBAAR,
    "terreinen.Bedrijventerrein.netbeheerder": OPENBAAR,
    "terreinen.Bedrijventerrein.netbeheerder_bron": OPENBAAR,
    "terreinen.Bedrijventerrein.onderstation": OPENBAAR,
    "terreinen.Bedrijventerrein.parkmanagement": OPENBAAR,
    "terreinen.Bedrijventerrein.aantal_bedrijven": OPENBAAR,
    "terreinen.Bedrijventerrein.aantal_sectoren": OPENBAAR,
    "terreinen.Bedrijventerrein.aandeel_logistiek": OPENBAAR,
    "terreinen.Bedrijventerrein.netcongestie": OPENBAAR,
    "terreinen.Bedrijventerrein.bereikbaarheid": OPENBAAR,
    "terreinen.Bedrijventerrein.terrein_vol": OPENBAAR,
    # The yes/no flag is a Bijlage 7 criterion (the prioritisation is transparent); who the contacts are is not.
    "terreinen.Bedrijventerrein.warme_contacten": OPENBAAR,
    "terreinen.Bedrijventerrein.eigen_initiatief": OPENBAAR,
    "terreinen.Bedrijventerrein.afstand_ze_zone_km": OPENBAAR,
    "terreinen.Bedrijventerrein.gewijzigd_op": OPENBAAR,
    "terreinen.Bedrijventerrein.initiatieven": OPENBAAR,
    # Organisations (companies among them) and their people are the programme's own network.
    "terreinen.Organisatie": VERTROUWELIJK,
    "terreinen.Organisatie.naam": VERTROUWELIJK,
    "terreinen.Organisatie.soort": VERTROUWELIJK,
    "terreinen.Organisatie.versie": VERTROUWELIJK,
    "terreinen.Organisatie.gewijzigd_op": VERTROUWELIJK,
    "terreinen.Contactpersoon": VERTROUWELIJK,
    "terreinen.Contactpersoon.organisatie": VERTROUWELIJK,
    "terreinen.Contactpersoon.naam": VERTROUWELIJK,
    "terreinen.Contactpersoon.rol": VERTROUWELIJK,
    "terreinen.Contactpersoon.email": VERTROUWELIJK,
    "terreinen.Contactpersoon.telefoon": VERTROUWELIJK,
    "terreinen.Contactpersoon.versie": VERTROUWELIJK,
    "terreinen.Contactpersoon.gewijzigd_op": VERTROUWELIJK,
    # Who is involved in a park, and who the warm contacts are.
    "terreinen.Betrokkenheid": VERTROUWELIJK,
    "terreinen.Betrokkenheid.terrein": VERTROUWELIJK,
    "terreinen.Betrokkenheid.organisatie": VERTROUWELIJK,
    "terreinen.Betrokkenheid.rol": VERTROUWELIJK,
    "terreinen.Betrokkenheid.warm_contact": VERTROUWELIJK,
    "terreinen.Betrokkenheid.contactpersoon": VERTROUWELIJK,
    "terreinen.Betrokkenheid.versie": VERTROUWELIJK,
    "terreinen.Betrokkenheid.gewijzigd_op": VERTROUWELIJK,
    "terreinen.Notitie": VERTROUWELIJK,
    "terreinen.Notitie.terrein": VERTROUWELIJK,
    "terreinen.Notitie.soort": VERTROUWELIJK,
    "terreinen.Notitie.datum": VERTROUWELIJK,
    "terreinen.Notitie.tekst": VERTROUWELIJK,
    "terreinen.Notitie.auteur": VERTROUWELIJK,
    "terreinen.Notitie.aangemaakt_op": VERTROUWELIJK,
    "terreinen.Notitie.opvolgen_op": VERTROUWELIJK,
    "terreinen.Notitie.opgevolgd": VERTROUWELIJK,
    "terreinen.Notitie.versie": VERTROUWELIJK,
    "terreinen.Notitie.gewijzigd_op": VERTROUWELIJK,
    # Accounts and personal settings: the user's own rows are theirs (see EIGEN), others' are staff data.
    "terreinen.GemeenteToegang": VERTROUWELIJK,
    "terreinen.GemeenteToegang.user": VERTROUWELIJK,
    "terreinen.GemeenteToegang.gemeente": VERTROUWELIJK,
    "terreinen.OpgeslagenFilter": VERTROUWELIJK,
    "terreinen.OpgeslagenFilter.user": VERTROUWELIJK,
    "terreinen.OpgeslagenFilter.naam": VERTROUWELIJK,
    "terreinen.OpgeslagenFilter.querystring": VERTROUWELIJK,
    "terreinen.OpgeslagenFilter.aangemaakt_op": VERTROUWELIJK,
    "overzicht.Kolomkeuze": VERTROUWELIJK,
    "overzicht.Kolomkeuze.user": VERTROUWELIJK,
    "overzicht.Kolomkeuze.lijst": VERTROUWELIJK,
    "overzicht.Kolomkeuze.kolommen": VERTROUWELIJK,
    "overzicht.Kolomkeuze.gewijzigd_op": VERTROUWELIJK,
    # -- plankaarten: the figures are public, who imported them is not
    "plankaarten.PlankaartVersie": OPENBAAR,
    "plankaarten.PlankaartVersie.nummer": OPENBAAR,
    "plankaarten.PlankaartVersie.bron": OPENBAAR,
    "plankaarten.PlankaartVersie.bestandsnaam": OPENBAAR,
    "plankaarten.PlankaartVersie.gemodelleerd": OPENBAAR,
    "plankaarten.PlankaartVersie.aangemaakt_op": OPENBAAR,
    "plankaarten.PlankaartVersie.aangemaakt_door": VERTROUWELIJK,
    "plankaarten.Plankaart": OPENBAAR,
    "plankaarten.Plankaart.terrein": OPENBAAR,
    "plankaarten.Plankaart.versie": OPENBAAR,
    "plankaarten.Plankaart.zichtjaar": OPENBAAR,
    "plankaarten.Plankaart.scenario": OPENBAAR,
    "plankaarten.Plankaart.laadvermogen_kw": OPENBAAR,
    "plankaarten.Plankaart.bestelwagens": OPENBAAR,
    "plankaarten.Plankaart.vrachtwagens": OPENBAAR,
    "plankaarten.Plankaart.aandeel_eigen_terrein": OPENBAAR,
    "plankaarten.Plankaart.netcapaciteit": OPENBAAR,
    "plankaarten.Plankaart.ruimte_collectief": OPENBAAR,
    "plankaarten.Plankaart.behoefte_laadplein": OPENBAAR,
    "plankaarten.Plankaart.bron": OPENBAAR,
    "plankaarten.Plankaart.gemodelleerd": OPENBAAR,
    "plankaarten.Plankaart.actueel": OPENBAAR,
    "plankaarten.Aanname": OPENBAAR,
    "plankaarten.Aanname.sleutel": OPENBAAR,
    "plankaarten.Aanname.omschrijving": OPENBAAR,
    "plankaarten.Aanname.waarde": OPENBAAR,
    "plankaarten.Aanname.eenheid": OPENBAAR,
    "plankaarten.Aanname.toelichting": OPENBAAR,
    "plankaarten.Aanname.bron": OPENBAAR,
    "plankaarten.Aanname.volgorde": OPENBAAR,
    # -- stappenplan: step and status with their dates are public, step outputs are for the municipality
    "stappenplan.Traject": OPENBAAR,
    "stappenplan.Traject.terrein": OPENBAAR,
    "stappenplan.Traject.stap": OPENBAAR,
    "stappenplan.Traject.status": OPENBAAR,
    # The province's contact person for the park: full name and work e-mail only (see contactpersoon()).
    "stappenplan.Traject.regisseur": OPENBAAR,
    "stappenplan.Traject.versie": OPENBAAR,
    "stappenplan.Traject.stap_gestart_op": OPENBAAR,
    "stappenplan.Traject.termijn_op": OPENBAAR,
    "stappenplan.Traject.uitgesteld_sinds": OPENBAAR,
    "stappenplan.Traject.resterende_dagen": OPENBAAR,
    "stappenplan.Traject.herbeoordelen_op": OPENBAAR,
    "stappenplan.Traject.eerste_contact_op": GEMEENTE,
    "stappenplan.Traject.checklist_achtergrond": GEMEENTE,
    "stappenplan.Traject.orientatiegesprek_op": GEMEENTE,
    "stappenplan.Traject.aanvliegroute": GEMEENTE,
    "stappenplan.Traject.warm_contact_via": VERTROUWELIJK,
    "stappenplan.Traject.startsessie_op": GEMEENTE,
    "stappenplan.Traject.probleemstelling": GEMEENTE,
    "stappenplan.Traject.startsessie_uitkomst": GEMEENTE,
    "stappenplan.Traject.projectteam": VERTROUWELIJK,
    "stappenplan.Traject.kartrekker": VERTROUWELIJK,
    "stappenplan.Traject.ronde": GEMEENTE,
    "stappenplan.Traject.besluit_op": GEMEENTE,
    "stappenplan.Traject.checklist_financial_close": GEMEENTE,
    "stappenplan.Traject.penvoerder": GEMEENTE,
    "stappenplan.Traject.gerealiseerd_op": GEMEENTE,
    "stappenplan.Traject.realisatie": GEMEENTE,
    "stappenplan.StapOvergang": GEMEENTE,
    "stappenplan.StapOvergang.traject": GEMEENTE,
    "stappenplan.StapOvergang.actie": GEMEENTE,
    "stappenplan.StapOvergang.van_stap": GEMEENTE,
    "stappenplan.StapOvergang.naar_stap": GEMEENTE,
    "stappenplan.StapOvergang.van_status": GEMEENTE,
    "stappenplan.StapOvergang.naar_status": GEMEENTE,
    "stappenplan.StapOvergang.versie": GEMEENTE,
    "stappenplan.StapOvergang.door": VERTROUWELIJK,
    "stappenplan.StapOvergang.op": GEMEENTE,
    "stappenplan.StapOvergang.reden": VERTROUWELIJK,
    "stappenplan.Oplossingsrichting": GEMEENTE,
    "stappenplan.Oplossingsrichting.traject": GEMEENTE,
    "stappenplan.Oplossingsrichting.ronde": GEMEENTE,
    "stappenplan.Oplossingsrichting.titel": GEMEENTE,
    "stappenplan.Oplossingsrichting.omschrijving": GEMEENTE,
    "stappenplan.Oplossingsrichting.afwegingen": GEMEENTE,
    "stappenplan.Oplossingsrichting.gekozen": GEMEENTE,
    "stappenplan.Oplossingsrichting.aangemaakt_op": GEMEENTE,
    "stappenplan.Oplossingsrichting.versie": GEMEENTE,
    # Public documents are for the municipality; a document marked confidential is raised by RIJ_KLASSE.
    "stappenplan.Document": GEMEENTE,
    "stappenplan.Document.traject": GEMEENTE,
    "stappenplan.Document.stap": GEMEENTE,
    "stappenplan.Document.soort": GEMEENTE,
    "stappenplan.Document.bestand": GEMEENTE,
    "stappenplan.Document.naam": GEMEENTE,
    "stappenplan.Document.grootte": GEMEENTE,
    "stappenplan.Document.inhoudstype": GEMEENTE,
    "stappenplan.Document.vertrouwelijk": GEMEENTE,
    "stappenplan.Document.geupload_door": VERTROUWELIJK,
    "stappenplan.Document.geupload_op": GEMEENTE,
    "stappenplan.Document.vorige": GEMEENTE,
    "stappenplan.Document.versienummer": GEMEENTE,
    "stappenplan.Document.verwijderd_op": GEMEENTE,
    "stappenplan.Document.verwijderd_door": VERTROUWELIJK,
    "stappenplan.Evaluatienotitie": VERTROUWELIJK,
    "stappenplan.Evaluatienotitie.traject": VERTROUWELIJK,
    "stappenplan.Evaluatienotitie.stap": VERTROUWELIJK,
    "stappenplan.Evaluatienotitie.soort": VERTROUWELIJK,
    "stappenplan.Evaluatienotitie.tekst": VERTROUWELIJK,
    "stappenplan.Evaluatienotitie.auteur": VERTROUWELIJK,
    "stappenplan.Evaluatienotitie.aangemaakt_op": VERTROUWELIJK,
    "stappenplan.OverzichtVerzending": VERTROUWELIJK,
    "stappenplan.OverzichtVerzending.regisseur": VERTROUWELIJK,
    "stappenplan.OverzichtVerzending.datum": VERTROUWELIJK,
    "stappenplan.OverzichtVerzending.aantal_terreinen": VERTROUWELIJK,
    # -- toolbox: the catalogue is public; its use on a park is for the municipality, without notes
    "toolbox.Instrument": OPENBAAR,
    "toolbox.Instrument.titel": OPENBAAR,
    "toolbox.Instrument.slug": OPENBAAR,
    "toolbox.Instrument.categorie": OPENBAAR,
    "toolbox.Instrument.omschrijving": OPENBAAR,
    "toolbox.Instrument.status": OPENBAAR,
    "toolbox.Instrument.eigenaar": OPENBAAR,
    "toolbox.Instrument.link": OPENBAAR,
    "toolbox.Instrument.gewijzigd_op": OPENBAAR,
    "toolbox.InstrumentStap": OPENBAAR,
    "toolbox.InstrumentStap.instrument": OPENBAAR,
    "toolbox.InstrumentStap.stap": OPENBAAR,
    "toolbox.InstrumentDoelgroep": OPENBAAR,
    "toolbox.InstrumentDoelgroep.instrument": OPENBAAR,
    "toolbox.InstrumentDoelgroep.doelgroep": OPENBAAR,
    "toolbox.InstrumentVersie": OPENBAAR,
    "toolbox.InstrumentVersie.instrument": OPENBAAR,
    "toolbox.InstrumentVersie.nummer": OPENBAAR,
    "toolbox.InstrumentVersie.bestand": OPENBAAR,
    "toolbox.InstrumentVersie.bestandsnaam": OPENBAAR,
    "toolbox.InstrumentVersie.mime_type": OPENBAAR,
    "toolbox.InstrumentVersie.grootte": OPENBAAR,
    "toolbox.InstrumentVersie.toelichting": OPENBAAR,
    "toolbox.InstrumentVersie.geupload_door": VERTROUWELIJK,
    "toolbox.InstrumentVersie.geupload_op": OPENBAAR,
    "toolbox.InstrumentInzet": GEMEENTE,
    "toolbox.InstrumentInzet.terrein": GEMEENTE,
    "toolbox.InstrumentInzet.instrument": GEMEENTE,
    "toolbox.InstrumentInzet.stap": GEMEENTE,
    "toolbox.InstrumentInzet.datum": GEMEENTE,
    "toolbox.InstrumentInzet.notitie": VERTROUWELIJK,
    "toolbox.InstrumentInzet.uitkomst": GEMEENTE,
    "toolbox.InstrumentInzet.ronde": GEMEENTE,
    "toolbox.InstrumentInzet.opnieuw_ingezet": GEMEENTE,
    "toolbox.InstrumentInzet.vastgelegd_door": VERTROUWELIJK,
    "toolbox.InstrumentInzet.vastgelegd_op": GEMEENTE,
    # -- prioritering: weights, scores, ranks and breakdowns are public; selection rounds are internal
    "prioritering.Afwegingskader": OPENBAAR,
    "prioritering.Afwegingskader.versie": OPENBAAR,
    "prioritering.Afwegingskader.gewichten": OPENBAAR,
    "prioritering.Afwegingskader.vraagklasse_methode": OPENBAAR,
    "prioritering.Afwegingskader.drempel_middel_kw": OPENBAAR,
    "prioritering.Afwegingskader.drempel_hoog_kw": OPENBAAR,
    "prioritering.Afwegingskader.pareto_aandeel": OPENBAAR,
    "prioritering.Afwegingskader.ze_zone_afstand_km": OPENBAAR,
    "prioritering.Afwegingskader.toelichting": OPENBAAR,
    "prioritering.Afwegingskader.aangemaakt_op": OPENBAAR,
    "prioritering.Afwegingskader.aangemaakt_door": VERTROUWELIJK,
    "prioritering.Berekening": OPENBAAR,
    "prioritering.Berekening.status": OPENBAAR,
    "prioritering.Berekening.aanleiding": OPENBAAR,
    "prioritering.Berekening.kader": OPENBAAR,
    "prioritering.Berekening.aangevraagd_op": OPENBAAR,
    "prioritering.Berekening.gestart_op": OPENBAAR,
    "prioritering.Berekening.klaar_op": OPENBAAR,
    "prioritering.Berekening.aantal_terreinen": OPENBAAR,
    "prioritering.Berekening.samenvatting": VERTROUWELIJK,
    "prioritering.Berekening.fout": VERTROUWELIJK,
    "prioritering.Prioriteit": OPENBAAR,
    "prioritering.Prioriteit.terrein": OPENBAAR,
    "prioritering.Prioriteit.kader": OPENBAAR,
    "prioritering.Prioriteit.score": OPENBAAR,
    "prioritering.Prioriteit.rang": OPENBAAR,
    "prioritering.Prioriteit.vraagklasse": OPENBAAR,
    "prioritering.Prioriteit.in_paretoset": OPENBAAR,
    "prioritering.Prioriteit.kw_2030": OPENBAAR,
    "prioritering.Prioriteit.kw_2035": OPENBAAR,
    "prioritering.Prioriteit.zonder_plankaart": OPENBAAR,
    "prioritering.Prioriteit.aantal_onbekend": OPENBAAR,
    # Each line of the breakdown also has the class of the field its criterion reads (prioritering.criteria).
    "prioritering.Prioriteit.uitsplitsing": OPENBAAR,
    "prioritering.Prioriteit.berekend_op": OPENBAAR,
    "prioritering.Selectieronde": VERTROUWELIJK,
    "prioritering.Selectieronde.naam": VERTROUWELIJK,
    "prioritering.Selectieronde.aangemaakt_op": VERTROUWELIJK,
    "prioritering.Selectieronde.aangemaakt_door": VERTROUWELIJK,
    "prioritering.Selectieronde.kader": VERTROUWELIJK,
    "prioritering.Selectieronde.aantal_gevraagd": VERTROUWELIJK,
    "prioritering.Selectieronde.toelichting": VERTROUWELIJK,
    "prioritering.Selectieronde.vorige": VERTROUWELIJK,
    "prioritering.Selectieronde.aantal_kandidaten": VERTROUWELIJK,
    "prioritering.Selectieronde.verdeling": VERTROUWELIJK,
    "prioritering.Selectieronde.dekking": VERTROUWELIJK,
    "prioritering.Selectieronde.tekorten": VERTROUWELIJK,
    "prioritering.SelectieKeuze": VERTROUWELIJK,
    "prioritering.SelectieKeuze.ronde": VERTROUWELIJK,
    "prioritering.SelectieKeuze.terrein": VERTROUWELIJK,
    "prioritering.SelectieKeuze.volgorde": VERTROUWELIJK,
    "prioritering.SelectieKeuze.rin": VERTROUWELIJK,
    "prioritering.SelectieKeuze.naam": VERTROUWELIJK,
    "prioritering.SelectieKeuze.gemeente": VERTROUWELIJK,
    "prioritering.SelectieKeuze.provincie": VERTROUWELIJK,
    "prioritering.SelectieKeuze.score": VERTROUWELIJK,
    "prioritering.SelectieKeuze.rang": VERTROUWELIJK,
    "prioritering.SelectieKeuze.kw_2030": VERTROUWELIJK,
    "prioritering.SelectieKeuze.klassen": VERTROUWELIJK,
    "prioritering.SelectieKeuze.reden": VERTROUWELIJK,
    # -- factsheets: a park's PDF is for whoever sees the park; bulk runs are internal
    "factsheets.Factsheet": GEMEENTE,
    "factsheets.Factsheet.terrein": GEMEENTE,
    "factsheets.Factsheet.variant": GEMEENTE,
    "factsheets.Factsheet.data_hash": VERTROUWELIJK,
    "factsheets.Factsheet.bestand": GEMEENTE,
    "factsheets.Factsheet.grootte": GEMEENTE,
    "factsheets.Factsheet.gegenereerd_op": GEMEENTE,
    "factsheets.Factsheet.duur_ms": VERTROUWELIJK,
    "factsheets.Factsheet.taak_id": VERTROUWELIJK,
    "factsheets.Factsheet.aantal_renders": VERTROUWELIJK,
    "factsheets.FactsheetRun": VERTROUWELIJK,
    "factsheets.FactsheetRun.status": VERTROUWELIJK,
    "factsheets.FactsheetRun.alles": VERTROUWELIJK,
    "factsheets.FactsheetRun.totaal": VERTROUWELIJK,
    "factsheets.FactsheetRun.gedaan": VERTROUWELIJK,
    "factsheets.FactsheetRun.mislukt": VERTROUWELIJK,
    "factsheets.FactsheetRun.gestart_door": VERTROUWELIJK,
    "factsheets.FactsheetRun.gestart_op": VERTROUWELIJK,
    "factsheets.FactsheetRun.klaar_op": VERTROUWELIJK,
    "factsheets.FactsheetRun.taak_id": VERTROUWELIJK,
    "factsheets.FactsheetRun.fout": VERTROUWELIJK,
    "factsheets.FactsheetRunItem": VERTROUWELIJK,
    "factsheets.FactsheetRunItem.run": VERTROUWELIJK,
    "factsheets.FactsheetRunItem.terrein": VERTROUWELIJK,
    "factsheets.FactsheetRunItem.variant": VERTROUWELIJK,
    "factsheets.FactsheetRunItem.status": VERTROUWELIJK,
    "factsheets.FactsheetRunItem.gerenderd": VERTROUWELIJK,
    "factsheets.FactsheetRunItem.fout": VERTROUWELIJK,
    # -- api, audit, gebruikers, nal_oost: keys, trails, sessions and queued work are internal
    "api.ApiSleutel": VERTROUWELIJK,
    "api.ApiSleutel.organisatie": VERTROUWELIJK,
    "api.ApiSleutel.omschrijving": VERTROUWELIJK,
    "api.ApiSleutel.prefix": VERTROUWELIJK,
    "api.ApiSleutel.sleutel_hash": VERTROUWELIJK,
    "api.ApiSleutel.scope": VERTROUWELIJK,
    "api.ApiSleutel.verloopt_op": VERTROUWELIJK,
    "api.ApiSleutel.ingetrokken_op": VERTROUWELIJK,
    "api.ApiSleutel.laatst_gebruikt_op": VERTROUWELIJK,
    "api.ApiSleutel.aangemaakt_op": VERTROUWELIJK,
    "api.ApiSleutel.aangemaakt_door": VERTROUWELIJK,
    # A change of a park is shown to its municipality when the changed object and field may be seen
    # (each entry of `velden` has the class of the audited field); who made it is not.
    "audit.Wijziging": GEMEENTE,
    "audit.Wijziging.tijdstip": GEMEENTE,
    "audit.Wijziging.actor": VERTROUWELIJK,
    "audit.Wijziging.actor_naam": VERTROUWELIJK,
    "audit.Wijziging.request_id": VERTROUWELIJK,
    "audit.Wijziging.actie": GEMEENTE,
    "audit.Wijziging.content_type": GEMEENTE,
    "audit.Wijziging.object_id": GEMEENTE,
    "audit.Wijziging.object_omschrijving": GEMEENTE,
    "audit.Wijziging.terrein_id": GEMEENTE,
    "audit.Wijziging.velden": GEMEENTE,
    "audit.Gebeurtenis": VERTROUWELIJK,
    "audit.Gebeurtenis.tijdstip": VERTROUWELIJK,
    "audit.Gebeurtenis.actie": VERTROUWELIJK,
    "audit.Gebeurtenis.object": VERTROUWELIJK,
    "audit.Gebeurtenis.resultaat": VERTROUWELIJK,
    "audit.Gebeurtenis.herkomst": VERTROUWELIJK,
    "audit.Gebeurtenis.actor": VERTROUWELIJK,
    "audit.Gebeurtenis.actor_naam": VERTROUWELIJK,
    "audit.Gebeurtenis.user_agent": VERTROUWELIJK,
    "audit.Gebeurtenis.request_id": VERTROUWELIJK,
    "audit.Gebeurtenis.toelichting": VERTROUWELIJK,
    "gebruikers.Sessie": VERTROUWELIJK,
    "gebruikers.Sessie.user": VERTROUWELIJK,
    "gebruikers.Sessie.sessie_sleutel": VERTROUWELIJK,
    "gebruikers.Sessie.herkomst": VERTROUWELIJK,
    "gebruikers.Sessie.user_agent": VERTROUWELIJK,
    "gebruikers.Sessie.ingelogd_op": VERTROUWELIJK,
    "nal_oost.UitgesteldeTaak": VERTROUWELIJK,
    "nal_oost.UitgesteldeTaak.taak": VERTROUWELIJK,
    "nal_oost.UitgesteldeTaak.args": VERTROUWELIJK,
    "nal_oost.UitgesteldeTaak.kwargs": VERTROUWELIJK,
    "nal_oost.UitgesteldeTaak.fout": VERTROUWELIJK,
    "nal_oost.UitgesteldeTaak.aangemaakt_op": VERTROUWELIJK,
    "nal_oost.UitgesteldeTaak.pogingen": VERTROUWELIJK,
    # -- staff accounts: names of people other than a park's regisseur (as its contact person) are internal
    "auth.User": VERTROUWELIJK,
    "auth.User.password": VERTROUWELIJK,
    "auth.User.last_login": VERTROUWELIJK,
    "auth.User.is_superuser": VERTROUWELIJK,
    "auth.User.username": VERTROUWELIJK,
    "auth.User.first_name": VERTROUWELIJK,
    "auth.User.last_name": VERTROUWELIJK,
    "auth.User.email": VERTROUWELIJK,
    "auth.User.is_staff": VERTROUWELIJK,
    "auth.User.is_active": VERTROUWELIJK,
    "auth.User.date_joined": VERTROUWELIJK,
    "auth.User.groups": VERTROUWELIJK,
    "auth.User.user_permissions": VERTROUWELIJK,
    # A quarterly report belongs to whoever asked for it (see EIGEN); its content follows the fields it shows.
    "voortgang.Kwartaalrapport": VERTROUWELIJK,
    "voortgang.Kwartaalrapport.aangevraagd_door": VERTROUWELIJK,
    "voortgang.Kwartaalrapport.kwartaal": VERTROUWELIJK,
    "voortgang.Kwartaalrapport.filters": VERTROUWELIJK,
    "voortgang.Kwartaalrapport.status": VERTROUWELIJK,
    "voortgang.Kwartaalrapport.bestand": VERTROUWELIJK,
    "voortgang.Kwartaalrapport.aangevraagd_op": VERTROUWELIJK,
    "voortgang.Kwartaalrapport.klaar_op": VERTROUWELIJK,
    "voortgang.Kwartaalrapport.duur_ms": VERTROUWELIJK,
    "voortgang.Kwartaalrapport.fout": VERTROUWELIJK,
}
# fmt: on

# Rows raised to a closed class by their own data: (boolean field, class when it is true).
RIJ_KLASSE: dict[str, tuple[str, str]] = {
    "stappenplan.Document": ("vertrouwelijk", VERTROUWELIJK),
}

# Rows that belong to a user: the user always sees their own (path from the row to the user's id).
EIGEN: dict[str, str] = {
    "auth.User": "pk",
    "terreinen.OpgeslagenFilter": "user_id",
    "overzicht.Kolomkeuze": "user_id",
    "terreinen.GemeenteToegang": "user_id",
    "gebruikers.Sessie": "user_id",
    "voortgang.Kwartaalrapport": "aangevraagd_door_id",
}

# What of a park's regisseur is shown as the province's contact person (fields of auth.User).
CONTACTPERSOON_VELDEN = ("first_name", "last_name", "email")

_RANG = {OPENBAAR: 0, GEMEENTE: 1, VERTROUWELIJK: 2}


# -- reading the register ---------------------------------------------------------------------------


def sleutel(model, veld: str | None = None) -> str:
    """The register key of a model (class, instance or "app.Model") and optionally one of its fields."""
    label = model if isinstance(model, str) else model._meta.label
    return f"{label}.{veld}" if veld else label


def klasse(model, veld: str | None = None) -> str:
    """The class of a field ("app.Model.veld", or model and field name) or of an object ("app.Model").

    A field is never more open than its object. An undeclared key is an error, not a default.
    """
    if isinstance(model, str) and veld is None and model.count(".") == 2:
        label, veld = model.rsplit(".", 1)
    else:
        label = sleutel(model)
    try:
        object_klasse = REGISTER[label]
        if veld is None or veld == "pk" or veld == apps.get_model(label)._meta.pk.name:
            # The key identifies the object: it has the object's class.
            return object_klasse
        veld_klasse = REGISTER[f"{label}.{veld}"]
    except KeyError as fout:
        raise KeyError(f"{fout.args[0]} staat niet in nal_oost/zichtbaarheid.py: geef het een klasse") from None
    return max(object_klasse, veld_klasse, key=_RANG.__getitem__)


def binnen(klasse_: str, grens: str) -> bool:
    """Is a class at most as closed as `grens` (for material made for an audience, such as a factsheet variant)?"""
    return _RANG[klasse_] <= _RANG[grens]


def rij_klasse(instance) -> str:
    """The class of one object: its model's, raised when its data marks it closed (a confidential document)."""
    label = sleutel(instance)
    basis = klasse(label)
    verhoging = RIJ_KLASSE.get(label)
    if verhoging and getattr(instance, verhoging[0], False):
        return max(basis, verhoging[1], key=_RANG.__getitem__)
    return basis


# -- who sees which class ---------------------------------------------------------------------------


def zichtbare_klassen(kijker) -> tuple[str, ...]:
    """The classes a viewer (a user, or PARTNER for an API key) may see within its scope."""
    if kijker == PARTNER:
        return (OPENBAAR,)
    rol = rollen.rol_van(kijker)
    if rol in rollen.PROVINCIALE_ROLLEN:
        return KLASSEN
    if rol == rollen.GEMEENTE:
        return (OPENBAAR, GEMEENTE)
    return ()


def _gemeente_ids(user) -> set[int]:
    ids = getattr(user, "_nal_gemeente_ids", None)
    if ids is None:
        ids = set(user.gemeente_toegang.values_list("gemeente_id", flat=True))
        user._nal_gemeente_ids = ids
    return ids


def ziet(kijker, klasse_: str, terrein=None) -> bool:
    """May the viewer see data of this class (of `terrein`, when it belongs to a park)?

    Programme roles see everything; a gemeente user sees `openbaar` and `gemeente` of parks in its
    municipalities (and nothing of other parks); a partner sees `openbaar` only.
    """
    if klasse_ not in zichtbare_klassen(kijker):
        return False
    if terrein is not None and kijker != PARTNER and rechten.is_gemeente(kijker):
        return terrein.gemeente_id in _gemeente_ids(kijker)
    return True


def mag_zien(kijker, model, veld: str | None = None, terrein=None) -> bool:
    """May the viewer see this field (or object) — `mag_zien(user, "stappenplan.Traject.warm_contact_via")`."""
    return ziet(kijker, klasse(model, veld), terrein)


def mag_rij_zien(kijker, instance, terrein=None) -> bool:
    """May the viewer see this object: its class (raised by its own data) or it is the viewer's own."""
    eigen = EIGEN.get(sleutel(instance))
    if eigen and getattr(kijker, "pk", None) is not None and getattr(instance, eigen) == kijker.pk:
        return True
    return ziet(kijker, rij_klasse(instance), terrein)


def zichtbare_rijen(kijker, queryset):
    """The rows of `queryset` whose object class the viewer may see (a confidential document drops out)."""
    model = queryset.model
    label = sleutel(model)
    if not ziet(kijker, klasse(label)):
        return queryset.none()
    verhoging = RIJ_KLASSE.get(label)
    if verhoging and not ziet(kijker, verhoging[1]):
        queryset = queryset.filter(**{verhoging[0]: False})
    return queryset


def verborgen_rijen(kijker, queryset):
    """The rows of `queryset` that their own data closes to the viewer (a confidential document), else none."""
    verhoging = RIJ_KLASSE.get(sleutel(queryset.model))
    if verhoging and not ziet(kijker, verhoging[1]):
        return queryset.filter(**{verhoging[0]: True})
    return queryset.none()


def zichtbare_velden(kijker, model, terrein=None) -> list[str]:
    """Names of the model's fields the viewer may see, in declaration order."""
    return [
        f.name
        for f in model._meta.get_fields()
        if (f.concrete or f.many_to_many) and not f.auto_created and mag_zien(kijker, model, f.name, terrein)
    ]


def contactpersoon(user) -> dict:
    """The regisseur as the province's contact person: full name and work e-mail, nothing else."""
    if user is None:
        return {}
    naam = " ".join(filter(None, (getattr(user, v, "") for v in CONTACTPERSOON_VELDEN[:2])))
    return {"naam": naam, "email": getattr(user, CONTACTPERSOON_VELDEN[2], "")}


# -- completeness -----------------------------------------------------------------------------------


def geregistreerde_modellen() -> list:
    from django.contrib.auth import get_user_model

    # Every concrete model of the project's own apps (the folders of this repository), and auth.User: staff names.
    basis = Path(settings.BASE_DIR).resolve()
    eigen = [c for c in apps.get_app_configs() if Path(c.path).resolve().parent == basis]
    modellen = [m for c in eigen for m in c.get_models()]
    return [*modellen, get_user_model()]


def te_registreren_sleutels() -> list[str]:
    """Every key the register must hold: each model, and each of its own fields (forward relations included)."""
    uit = []
    for model in geregistreerde_modellen():
        uit.append(sleutel(model))
        for f in model._meta.get_fields():
            if f.auto_created and not f.concrete:
                continue  # reverse relations: classified by the related model
            if getattr(f, "primary_key", False):
                continue
            uit.append(sleutel(model, f.name))
    return uit


def ontbrekende_sleutels() -> list[str]:
    return [s for s in te_registreren_sleutels() if s not in REGISTER]


def overbodige_sleutels() -> list[str]:
    nodig = set(te_registreren_sleutels())
    return [s for s in REGISTER if s not in nodig]


def per_klasse() -> dict[str, list[str]]:
    """The field keys grouped by class (objects left out), for the README and the leak tests."""
    uit = {k: [] for k in KLASSEN}
    for s in REGISTER:
        if s.count(".") == 2:
            uit[klasse(s)].append(s)
    return uit


KLASSE_UITLEG = {
    OPENBAAR: "iedereen die het terrein mag zien, ook API-partners",
    GEMEENTE: "het programma en de eigen gemeente van het terrein, geen API-partners",
    VERTROUWELIJK: "alleen beheerder, regisseur en medewerker",
}


def readme_tabellen() -> str:
    """The classification as Markdown, one table per class (README.md holds it; a test keeps the two equal)."""
    delen = []
    for k in KLASSEN:
        delen.append(f"#### `{k}`: {KLASSE_UITLEG[k]}\n\n| model | velden |\n|---|---|")
        per_model: dict[str, list[str]] = {}
        for s in REGISTER:
            if s.count(".") == 1 and REGISTER[s] == k:
                per_model.setdefault(s, []).insert(0, "*(het object zelf)*")
            elif s.count(".") == 2 and klasse(s) == k:
                per_model.setdefault(s.rsplit(".", 1)[0], []).append(f"`{s.rsplit('.', 1)[1]}`")
        delen.extend(f"| `{model}` | {', '.join(velden)} |" for model, velden in per_model.items())
        delen.append("")
    return "\n".join(delen).rstrip() + "\n"
