"""The public fields of each API resource: one list feeds the query, the response and the OpenAPI schema.

Only what is listed here leaves the API, and of that only what the visibility register
(nal_oost/zichtbaarheid.py) calls `openbaar` for every step of its path: a field declassified there
drops out of the response and the schema. Names are camelCase (NL API Design Rules); `bron` is the ORM
path or expression that yields it; `herkomst` names the model field when `bron` is an expression.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import F, OuterRef, Subquery

from nal_oost import zichtbaarheid
from plankaarten.models import ZICHTJAREN, Plankaart, PlankaartVersie
from stappenplan.models import Stap, Status, Traject
from terreinen.models import Bedrijventerrein, Gemeente, Grootteklasse, Provincie
from toolbox.models import Categorie, Doelgroep, Instrument, InstrumentStatus


@dataclass(frozen=True)
class Veld:
    naam: str
    bron: Any
    schema: dict = field(default_factory=dict)
    omschrijving: str = ""
    omzetten: Callable | None = None
    # The register key ("app.Model.veld") of what an expression reads; derived from `bron` when it is a path.
    herkomst: str = ""

    @property
    def sleutel(self) -> str:
        """The key in `values()` rows: the field itself, or an alias that cannot clash with a model field."""
        return self.naam if isinstance(self.bron, str) and self.bron == self.naam else f"api_{self.naam}"


def _tekst(**extra):
    return {"type": "string", **extra}


def _getal(**extra):
    return {"type": "number", "nullable": True, **extra}


def _geheel(**extra):
    return {"type": "integer", **extra}


def _ja_nee():
    return {"type": "boolean", "nullable": True}


def _keuze(choices, nullable=True):
    waarden = [c for c, _label in choices if c != ""]
    return {"type": "string", "enum": [*waarden, None] if nullable else waarden, "nullable": nullable}


def herkomsten(model, veld: Veld) -> list[str]:
    """The register keys a field reads: each step of its ORM path, or its declared `herkomst`."""
    if veld.herkomst:
        return [veld.herkomst]
    pad = veld.bron if isinstance(veld.bron, str) else getattr(veld.bron, "name", None)
    if not pad:
        raise ImproperlyConfigured(f"API-veld {veld.naam}: geef `herkomst` op (welk modelveld levert de waarde?)")
    sleutels = []
    for deel in pad.split("__"):
        veld_ = model._meta.get_field(deel)
        if veld_.auto_created and not veld_.concrete:
            # A reverse relation (park → traject): what it reaches has the class of the related object.
            sleutels.append(zichtbaarheid.sleutel(veld_.related_model))
        else:
            sleutels.append(zichtbaarheid.sleutel(model, deel))
        if veld_.is_relation:
            model = veld_.related_model
    return sleutels


def openbare_velden(model, velden) -> tuple[Veld, ...]:
    """The fields a partner may see: every key along their path is `openbaar` in the register."""
    return tuple(v for v in velden if all(zichtbaarheid.mag_zien(zichtbaarheid.PARTNER, k) for k in herkomsten(model, v)))


def actuele_vraag(zichtjaar: int, scenario: str = "midden", kolom: str = "laadvermogen_kw"):
    """One figure of the park's current plankaart in one zichtjaar and scenario; at most one row by constraint."""
    return Subquery(
        Plankaart.objects.actueel()
        .filter(terrein=OuterRef("pk"), zichtjaar=zichtjaar, scenario=scenario)
        .order_by()
        .values(kolom)[:1]
    )


TERREIN_VELDEN = openbare_velden(
    Bedrijventerrein,
    (
        Veld("rin", "rin", _geheel(), "IBIS RIN-nummer (sleutel)."),
        Veld("naam", "naam", _tekst(), "Naam van het bedrijventerrein."),
        Veld("gemeenteCode", F("gemeente__code"), _tekst(pattern="^GM[0-9]{4}$"), "CBS-code van de gemeente."),
        Veld("gemeenteNaam", F("gemeente__naam"), _tekst(), "Naam van de gemeente."),
        Veld("provincieCode", F("gemeente__provincie__code"), _tekst(pattern="^PV[0-9]{2}$"), "CBS-code van de provincie."),
        Veld("provincieNaam", F("gemeente__provincie__naam"), _tekst(), "Naam van de provincie."),
        Veld("peiljaar", "peiljaar", _geheel(nullable=True), "IBIS-peiljaar van de gegevens."),
        Veld("haBruto", F("ha_bruto"), _getal(), "Bruto oppervlakte in hectare."),
        Veld("haNetto", F("ha_netto"), _getal(), "Netto oppervlakte in hectare."),
        Veld("haUitgeefbaar", F("ha_uitgeefbaar"), _getal(), "Nog uitgeefbare oppervlakte in hectare."),
        Veld(
            "grootteklasse",
            F("grootteklasse_db"),
            _keuze(Grootteklasse.choices),
            "Grootteklasse naar netto oppervlakte.",
            herkomst="terreinen.Bedrijventerrein.ha_netto",
        ),
        Veld("werklocatietype", F("wloc_type"), _tekst(), "IBIS-werklocatietype."),
        Veld(
            "geometrieBron",
            F("geometrie_bron"),
            {"type": "string", "enum": ["", *Bedrijventerrein.GeometrieBron.values]},
            "Herkomst van de geometrie: `ibis`, of `benaderd` als er geen IBIS-contour is.",
        ),
        Veld("netbeheerder", F("netbeheerder__naam"), _tekst(nullable=True), "Netbeheerder."),
        Veld("parkmanagement", "parkmanagement", _ja_nee(), "Is er parkmanagement?"),
        Veld("aantalBedrijven", F("aantal_bedrijven"), _geheel(nullable=True), "Aantal gevestigde bedrijven."),
        Veld("aantalSectoren", F("aantal_sectoren"), _geheel(nullable=True), "Aantal verschillende sectoren (SBI)."),
        Veld("aandeelLogistiek", F("aandeel_logistiek"), _getal(), "Aandeel logistieke bedrijven in procent."),
        Veld(
            "netcongestie",
            "netcongestie",
            {"type": "string", "enum": ["", "nee", "congestiemanagement", "volledig"]},
            "Netcongestie; lege tekst als onbekend.",
        ),
        Veld(
            "bereikbaarheid",
            "bereikbaarheid",
            {"type": "string", "enum": ["", "goed", "redelijk", "slecht"]},
            "Bereikbaarheid; lege tekst als onbekend.",
        ),
        Veld("terreinVol", F("terrein_vol"), _ja_nee(), "Is het terrein vol?"),
        Veld("eigenInitiatief", F("eigen_initiatief"), _ja_nee(), "Eigen initiatief voor laadinfra of slim energiemanagement."),
        Veld("afstandZeZoneKm", F("afstand_ze_zone_km"), _getal(), "Afstand tot de dichtstbijzijnde zero-emissiezone in km."),
        *(
            Veld(
                f"laadvraag{jaar}Kw",
                actuele_vraag(jaar),
                _getal(),
                f"Actuele verwachte logistieke laadvraag in {jaar} (kW, scenario midden).",
                herkomst="plankaarten.Plankaart.laadvermogen_kw",
            )
            for jaar in ZICHTJAREN
        ),
        *(
            Veld(
                f"{kolom}{jaar}",
                actuele_vraag(jaar, kolom=kolom),
                _geheel(nullable=True),
                f"Actueel verwacht aantal elektrische {omschrijving} in {jaar} (scenario midden).",
                herkomst=f"plankaarten.Plankaart.{kolom}",
            )
            for kolom, omschrijving in (("bestelwagens", "bestelwagens (N1)"), ("vrachtwagens", "vrachtwagens (N2/N3)"))
            for jaar in ZICHTJAREN
        ),
        Veld("stap", F("traject__stap"), _geheel(nullable=True, minimum=0, maximum=6), "Huidige stap in het stappenplan (0–6)."),
        Veld("status", F("traject__status"), _keuze(Status.choices), "Status van het traject."),
        Veld("gewijzigdOp", F("gewijzigd_op"), _tekst(format="date-time"), "Laatste wijziging (ISO 8601)."),
    ),
)

GEMEENTE_VELDEN = openbare_velden(
    Gemeente,
    (
        Veld("code", "code", _tekst(pattern="^GM[0-9]{4}$"), "CBS-code van de gemeente (sleutel)."),
        Veld("naam", "naam", _tekst(), "Naam van de gemeente."),
        Veld("provincieCode", F("provincie__code"), _tekst(), "CBS-code van de provincie."),
        Veld("provincieNaam", F("provincie__naam"), _tekst(), "Naam van de provincie."),
        Veld("zeZone", F("ze_zone"), {"type": "boolean"}, "Heeft de gemeente een zero-emissiezone voor stadslogistiek?"),
        Veld("geldigVan", F("geldig_van"), _tekst(format="date", nullable=True), "Geldig vanaf (ISO 8601-datum)."),
        Veld("geldigTot", F("geldig_tot"), _tekst(format="date", nullable=True), "Geldig tot (ISO 8601-datum)."),
    ),
)

PROVINCIE_VELDEN = openbare_velden(
    Provincie,
    (
        Veld("code", "code", _tekst(pattern="^PV[0-9]{2}$"), "CBS-code van de provincie (sleutel)."),
        Veld("naam", "naam", _tekst(), "Naam van de provincie."),
    ),
)

PLANKAART_VELDEN = openbare_velden(
    Plankaart,
    (
        Veld("id", "id", _geheel(), "Technische sleutel van de rij."),
        Veld("terreinRin", F("terrein__rin"), _geheel(), "RIN-nummer van het bedrijventerrein."),
        Veld("terreinNaam", F("terrein__naam"), _tekst(), "Naam van het bedrijventerrein."),
        Veld("zichtjaar", "zichtjaar", _geheel(enum=list(ZICHTJAREN)), "Zichtjaar."),
        Veld("scenario", "scenario", {"type": "string", "enum": ["laag", "midden", "hoog"]}, "Scenario."),
        Veld("laadvermogenKw", F("laadvermogen_kw"), {"type": "number"}, "Verwachte logistieke laadvraag in kW."),
        Veld("bestelwagens", "bestelwagens", _geheel(nullable=True), "Aantal elektrische bestelwagens (N1)."),
        Veld("vrachtwagens", "vrachtwagens", _geheel(nullable=True), "Aantal elektrische vrachtwagens (N2/N3)."),
        Veld("aandeelEigenTerrein", F("aandeel_eigen_terrein"), _getal(), "Aandeel laden op eigen terrein in procent."),
        Veld(
            "netcapaciteit",
            "netcapaciteit",
            {"type": "string", "enum": ["", "ja", "deels", "nee"]},
            "Is de netcapaciteit toereikend? Lege tekst als onbekend.",
        ),
        Veld("ruimteCollectief", F("ruimte_collectief"), _ja_nee(), "Is er ruimte voor collectief laden?"),
        Veld("behoefteLaadplein", F("behoefte_laadplein"), _ja_nee(), "Is er behoefte aan een collectief of publiek laadplein?"),
        Veld("gemodelleerd", "gemodelleerd", {"type": "boolean"}, "Modeluitkomst in plaats van een opgegeven waarde."),
        Veld("bron", "bron", _tekst(), "Bron van de cijfers."),
        Veld("versie", F("versie__nummer"), _geheel(), "Versienummer van de import."),
        Veld("actueel", "actueel", {"type": "boolean"}, "Is dit de actuele versie?"),
    ),
)

VERSIE_VELDEN = openbare_velden(
    PlankaartVersie,
    (
        Veld("nummer", "nummer", _geheel(), "Versienummer."),
        Veld("bron", "bron", _tekst(), "Bron van de import."),
        Veld("gemodelleerd", "gemodelleerd", {"type": "boolean"}, "Modeluitkomst in plaats van opgegeven cijfers."),
        Veld("aangemaaktOp", F("aangemaakt_op"), _tekst(format="date-time"), "Moment van de import."),
    ),
)

TRAJECT_VELDEN = openbare_velden(
    Traject,
    (
        Veld("terreinRin", F("terrein__rin"), _geheel(), "RIN-nummer van het bedrijventerrein."),
        Veld("terreinNaam", F("terrein__naam"), _tekst(), "Naam van het bedrijventerrein."),
        Veld("gemeenteCode", F("terrein__gemeente__code"), _tekst(), "CBS-code van de gemeente."),
        Veld("stap", "stap", _geheel(minimum=0, maximum=6), "Huidige stap in het stappenplan (0–6)."),
        Veld(
            "stapNaam",
            F("stap"),
            {"type": "string", "enum": [str(label) for _waarde, label in Stap.choices]},
            "Naam van de huidige stap.",
            omzetten=lambda stap: str(Stap(stap).label),
        ),
        Veld("status", "status", {"type": "string", "enum": list(Status.values)}, "Status van het traject."),
    ),
)

INSTRUMENT_VELDEN = openbare_velden(
    Instrument,
    (
        Veld("slug", "slug", _tekst(), "Vaste sleutel van het instrument."),
        Veld("titel", "titel", _tekst(), "Titel van het instrument."),
        Veld("categorie", "categorie", {"type": "string", "enum": list(Categorie.values)}, "Categorie in de toolbox."),
        Veld("omschrijving", "omschrijving", _tekst(), "Wat het instrument is en waarvoor het dient."),
        Veld("status", "status", {"type": "string", "enum": list(InstrumentStatus.values)}, "Beschikbaar of in ontwikkeling."),
        Veld("eigenaar", "eigenaar", _tekst(), "Wie het instrument beheert."),
        Veld("link", "link", _tekst(), "Externe link, of lege tekst."),
        Veld("gewijzigdOp", F("gewijzigd_op"), {"type": "string", "format": "date-time"}, "Laatste wijziging (ISO 8601)."),
    ),
)
# Filled from the instrument's steps, audiences and documents (see selectors.instrument_koppelingen).
INSTRUMENT_KOPPEL_SCHEMA = {
    "stappen": {
        "type": "array",
        "items": {"type": "integer", "minimum": 0, "maximum": 6},
        "description": "Stappen van het stappenplan (0–6) waarin het instrument helpt.",
    },
    "doelgroepen": {
        "type": "array",
        "items": {"type": "string", "enum": [d for d in Doelgroep.values if d != Doelgroep.EIGEN_GEBRUIK]},
        "description": "Voor wie het instrument bedoeld is.",
    },
    "documentVersie": {
        "type": "integer",
        "nullable": True,
        "description": "Nummer van de nieuwste documentversie; null als er alleen een link is.",
    },
}


def annotaties(velden) -> dict:
    """The annotations that give each field its public name (fields whose name is the ORM path need none)."""
    return {v.sleutel: v.bron for v in velden if v.sleutel != v.naam}


def rij_uitlezen(velden, rij: dict) -> dict:
    """The public properties of one `values()` row, in the declared order."""
    return {v.naam: v.omzetten(rij[v.sleutel]) if v.omzetten and rij[v.sleutel] is not None else rij[v.sleutel] for v in velden}


def eigenschappen_schema(velden) -> dict:
    return {
        "type": "object",
        "properties": {v.naam: {**v.schema, "description": v.omschrijving} for v in velden},
        "required": [v.naam for v in velden],
    }
