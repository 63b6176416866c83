"""Scoring parks under an afwegingskader: pure functions over plain values, no database access.

The service reads everything in a few bulk queries, calls `terreinen_scoren` and writes the
result in bulk; keeping the rules here makes them testable on hand-made parks.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from prioritering.criteria import CRITERIA, ONBEKEND


@dataclass
class TerreinInvoer:
    """What scoring needs from one park; None means unknown."""

    id: int
    rin: int
    kw_2030: Decimal | None = None
    kw_2035: Decimal | None = None
    initiatieven_provincie: list[str] = field(default_factory=list)
    warme_contacten: bool | None = None
    eigen_initiatief: bool | None = None
    netcongestie: str = ""
    bereikbaarheid: str = ""
    terrein_vol: bool | None = None
    afstand_ze_zone_km: Decimal | None = None


@dataclass
class Uitkomst:
    terrein_id: int
    score: int
    rang: int
    vraagklasse: str
    in_paretoset: bool | None
    kw_2030: Decimal | None
    kw_2035: Decimal | None
    zonder_plankaart: bool
    aantal_onbekend: int
    uitsplitsing: list[dict]


@dataclass(frozen=True)
class Indeling:
    """How 2030 demand is split into hoog/middel/laag."""

    methode: str  # "tertielen" or "drempels"
    grens_laag: Decimal | None  # tertielen: laag up to and including; drempels: middel from
    grens_middel: Decimal | None  # tertielen: middel up to and including; drempels: hoog from

    def klasse(self, kw: Decimal | None) -> str:
        if kw is None or self.grens_laag is None:
            return ""
        if self.methode == "tertielen":
            if kw <= self.grens_laag:
                return "laag"
            return "middel" if kw <= self.grens_middel else "hoog"
        if kw >= self.grens_middel:
            return "hoog"
        return "middel" if kw >= self.grens_laag else "laag"

    def omschrijving(self) -> str:
        if self.grens_laag is None:
            return _("geen parken met een plankaart 2030: geen indeling mogelijk")
        a, b = _kw(self.grens_laag), _kw(self.grens_middel)
        if self.methode == "tertielen":
            return _("tertielen van de regio: laag t/m %(a)s kW, middel t/m %(b)s kW, hoog daarboven") % {"a": a, "b": b}
        return _("vaste drempels: middel vanaf %(a)s kW, hoog vanaf %(b)s kW") % {"a": a, "b": b}


def _kw(waarde: Decimal) -> str:
    return number_format(waarde, decimal_pos=0, use_l10n=True, force_grouping=True)


def _km(waarde: Decimal) -> str:
    return number_format(waarde, decimal_pos=1, use_l10n=True)


def vraagklasse_indeling(*, methode: str, waarden_2030, drempel_middel=None, drempel_hoog=None) -> Indeling:
    """Tertiles: laag up to the value at 1/3 of the sorted list, middel up to 2/3; equal values share a class."""
    if methode == "drempels":
        return Indeling("drempels", drempel_middel, drempel_hoog)
    gesorteerd = sorted(waarden_2030)
    if not gesorteerd:
        return Indeling("tertielen", None, None)
    n = len(gesorteerd)
    return Indeling("tertielen", gesorteerd[math.ceil(n / 3) - 1], gesorteerd[math.ceil(2 * n / 3) - 1])


def paretoset(kw_2035: dict[int, Decimal], aandeel_procent: int) -> set[int]:
    """Parks with the largest 2035 demand that together make up `aandeel_procent` of the total.

    A park is in the set while the demand of the larger parks before it has not yet reached the
    share; parks with the same demand as the last one taken are taken too (ties are not split
    arbitrarily). Parks with zero demand are never in the set; a region without demand has none.
    """
    totaal = sum(kw_2035.values(), Decimal(0))
    if totaal <= 0:
        return set()
    doel = totaal * Decimal(aandeel_procent) / 100
    gekozen, opgeteld, laatste = set(), Decimal(0), None
    for terrein_id, kw in sorted(kw_2035.items(), key=lambda item: (-item[1], item[0])):
        if kw <= 0:
            break
        if opgeteld >= doel and kw != laatste:
            break
        gekozen.add(terrein_id)
        opgeteld += kw
        laatste = kw
    return gekozen


def _janee(waarde: bool | None) -> str:
    if waarde is None:
        return ONBEKEND
    return "ja" if waarde else "nee"


class _Teksten:
    """Labels and fixed texts translated once per computation, not once per park."""

    def __init__(self):
        self.labels = {(c.sleutel, optie): str(label) for c in CRITERIA for optie, label in c.opties}
        self.onbekend = _("onbekend")
        self.geen_2030 = _("geen actuele plankaart 2030 (midden-scenario)")
        self.geen_2035 = _("geen actuele plankaart 2035 (midden-scenario)")
        self.geen_indeling = _("geen indeling mogelijk")
        self.geen_initiatief = _("geen initiatief geregistreerd waarbij de provincie is aangesloten")
        self.geen_afstand = _("afstand tot ZE-zone niet bekend")
        self.kw_2030 = _("2030: %(kw)s kW")
        self.pareto = _("2035: %(kw)s kW; de paretoset telt %(n)s terreinen met samen %(p)s%% van de regionale vraag")
        self.afstand = _("%(km)s km (dichtbij: t/m %(grens)s km)")


def _regel(gewichten, teksten: _Teksten, criterium: str, waarde: str, detail: str) -> dict:
    punten = 0 if waarde == ONBEKEND else gewichten[criterium][waarde]
    label = teksten.labels.get((criterium, waarde), teksten.onbekend)
    return {"criterium": criterium, "waarde": waarde, "waarde_label": label, "punten": punten, "detail": detail}


def terrein_scoren(
    t: TerreinInvoer, *, kader, indeling: Indeling, pareto: set[int], pareto_grootte: int, teksten: _Teksten | None = None
) -> tuple:
    """(score, breakdown, vraagklasse, in_paretoset) of one park."""
    g, tk = kader.gewichten, teksten or _Teksten()
    regels = []
    klasse = indeling.klasse(t.kw_2030)
    if t.kw_2030 is None:
        regels.append(_regel(g, tk, "vraagklasse_2030", ONBEKEND, tk.geen_2030))
    elif not klasse:
        regels.append(_regel(g, tk, "vraagklasse_2030", ONBEKEND, tk.geen_indeling))
    else:
        regels.append(_regel(g, tk, "vraagklasse_2030", klasse, tk.kw_2030 % {"kw": _kw(t.kw_2030)}))

    in_pareto = None
    if t.kw_2035 is None:
        regels.append(_regel(g, tk, "pareto_2035", ONBEKEND, tk.geen_2035))
    else:
        in_pareto = t.id in pareto
        detail = tk.pareto % {"kw": _kw(t.kw_2035), "n": pareto_grootte, "p": kader.pareto_aandeel}
        regels.append(_regel(g, tk, "pareto_2035", "ja" if in_pareto else "nee", detail))

    if t.initiatieven_provincie:
        regels.append(_regel(g, tk, "initiatief_provincie", "ja", ", ".join(sorted(t.initiatieven_provincie))))
    else:
        regels.append(_regel(g, tk, "initiatief_provincie", "nee", tk.geen_initiatief))
    regels.append(_regel(g, tk, "warme_contacten", _janee(t.warme_contacten), ""))
    regels.append(_regel(g, tk, "eigen_initiatief", _janee(t.eigen_initiatief), ""))
    regels.append(_regel(g, tk, "netcongestie", t.netcongestie or ONBEKEND, ""))
    if t.afstand_ze_zone_km is None:
        regels.append(_regel(g, tk, "ze_zone", ONBEKEND, tk.geen_afstand))
    else:
        waarde = "dichtbij" if t.afstand_ze_zone_km <= kader.ze_zone_afstand_km else "ver"
        detail = tk.afstand % {"km": _km(t.afstand_ze_zone_km), "grens": _km(kader.ze_zone_afstand_km)}
        regels.append(_regel(g, tk, "ze_zone", waarde, detail))
    regels.append(_regel(g, tk, "bereikbaarheid", t.bereikbaarheid or ONBEKEND, ""))
    regels.append(_regel(g, tk, "terrein_vol", _janee(t.terrein_vol), ""))
    return sum(r["punten"] for r in regels), regels, klasse, in_pareto


def terreinen_scoren(terreinen: list[TerreinInvoer], *, kader) -> tuple[list[Uitkomst], Indeling, set[int]]:
    """Score and rank every park; parks without any plankaart go last, whatever their other points."""
    indeling = vraagklasse_indeling(
        methode=kader.vraagklasse_methode,
        waarden_2030=[t.kw_2030 for t in terreinen if t.kw_2030 is not None],
        drempel_middel=kader.drempel_middel_kw,
        drempel_hoog=kader.drempel_hoog_kw,
    )
    pareto = paretoset({t.id: t.kw_2035 for t in terreinen if t.kw_2035 is not None}, kader.pareto_aandeel)
    teksten = _Teksten()
    uitkomsten = []
    for t in terreinen:
        score, regels, klasse, in_pareto = terrein_scoren(
            t, kader=kader, indeling=indeling, pareto=pareto, pareto_grootte=len(pareto), teksten=teksten
        )
        uitkomsten.append(
            Uitkomst(
                terrein_id=t.id,
                score=score,
                rang=0,
                vraagklasse=klasse,
                in_paretoset=in_pareto,
                kw_2030=t.kw_2030,
                kw_2035=t.kw_2035,
                zonder_plankaart=t.kw_2030 is None and t.kw_2035 is None,
                aantal_onbekend=sum(r["waarde"] == ONBEKEND for r in regels),
                uitsplitsing=regels,
            )
        )
    rin = {t.id: t.rin for t in terreinen}
    # Ties: more known criteria first (a score built on facts before one built on gaps), then higher
    # 2035 demand, then the RIN number, so the order is stable and explainable (stated on the ranking page).
    uitkomsten.sort(
        key=lambda u: (u.zonder_plankaart, -u.score, u.aantal_onbekend, -(u.kw_2035 or Decimal(-1)), rin[u.terrein_id])
    )
    for positie, u in enumerate(uitkomsten, start=1):
        u.rang = positie
    return uitkomsten, indeling, pareto
