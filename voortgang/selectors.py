"""Reads for the programme views: progress over time, lead times against the plan, and the quarterly report.

Everything starts from the parks the user may see, filtered by the park list's FilterSet
(`overzicht.selectors.terrein_filterset`), and is computed from the transition log by `voortgang.geschiedenis`.
The page and the report call the same functions, so they show the same numbers for the same period.
"""

import calendar
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nal_oost import zichtbaarheid
from overzicht.filtersets import NIET_GESTART, STAPPEN, STATUSSEN, ZICHTJAREN
from overzicht.selectors import terrein_filterset
from plankaarten.models import Plankaart
from prioritering.selectie import GELDERLAND, GROEP_LABEL, OVERIJSSEL
from prioritering.selectors import selectieronde_lijst
from stappenplan.models import Stap, StapOvergang, Status
from stappenplan.selectors import evaluatie_lijst
from stappenplan.termijnen import DOORLOOPTIJD_MAANDEN, UITVOERING_UITERLIJK_MAANDEN
from terreinen.models import Bedrijventerrein
from voortgang import geschiedenis
from voortgang.geschiedenis import Beweging

INTERVALLEN = (("maand", gettext_lazy("per maand")), ("week", gettext_lazy("per week")))
VERTREK_LABELS = {
    "zelfstandig": gettext_lazy("zelfstandig verder"),
    geschiedenis.REDEN_GEEN_BEHOEFTE: gettext_lazy("geen behoefte"),
    "volgen": gettext_lazy("volgen (lopend initiatief)"),
    "gestopt": gettext_lazy("gestopt"),
}
# Steps whose parks count as "covered" in the demand figure of the report (oplossingsrichting and later).
GEDEKTE_STAPPEN = (3, 4, 5, 6)
# Period and pagination keys of the programme page: not filters of the park list.
GEEN_FILTER = ("van", "tot", "interval", "datum", "kwartaal", "page")


@dataclass
class Park:
    pk: int
    rin: int
    naam: str
    gemeente: str
    provincie_code: str
    provincie: str
    regisseur: str
    stap: int
    status: str
    eerste_contact_op: date | None
    bewegingen: list[Beweging] = field(default_factory=list)
    datums: list[date] = field(default_factory=list)

    def toestand_op(self, datum: date) -> tuple[int, str]:
        return geschiedenis.toestand_op(self.bewegingen, (self.stap, self.status), datum, datums=self.datums)


# -- Scope and periods -------------------------------------------------------------------------------


def filter_params(params) -> dict:
    """The park-list filters among the page's query parameters (period keys left out)."""
    return {k: v for k, v in params.lists() if k not in GEEN_FILTER} if hasattr(params, "lists") else dict(params)


def gefilterde_terreinen(*, user, params) -> QuerySet[Bedrijventerrein]:
    """The parks the list would show for these filters: the user's visible parks, the list's own FilterSet."""
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for sleutel, waarden in filter_params(params).items():
        data.setlist(sleutel, waarden if isinstance(waarden, list) else [waarden])
    return terrein_filterset(user=user, params=data).qs


def parken_laden(*, terreinen: QuerySet) -> list[Park]:
    """The parks with their current state and their moves, in two queries."""
    rijen = (
        Bedrijventerrein.objects.filter(pk__in=terreinen.values("pk"))
        .order_by("gemeente__provincie__naam", "gemeente__naam", "naam", "rin")
        .values(
            "pk",
            "rin",
            "naam",
            "gemeente__naam",
            "gemeente__provincie__code",
            "gemeente__provincie__naam",
            "traject__stap",
            "traject__status",
            "traject__eerste_contact_op",
            "traject__regisseur__first_name",
            "traject__regisseur__last_name",
        )
    )
    parken = {}
    for r in rijen:
        regisseur = f"{r['traject__regisseur__first_name']} {r['traject__regisseur__last_name']}".strip()
        parken[r["pk"]] = Park(
            pk=r["pk"],
            rin=r["rin"],
            naam=r["naam"],
            gemeente=r["gemeente__naam"],
            provincie_code=r["gemeente__provincie__code"],
            provincie=r["gemeente__provincie__naam"],
            # The regisseur as the park's contact person: the full name, never the username.
            regisseur=regisseur,
            stap=r["traject__stap"] if r["traject__stap"] is not None else 0,
            status=r["traject__status"] or NIET_GESTART,
            eerste_contact_op=r["traject__eerste_contact_op"],
        )
    logs = (
        StapOvergang.objects.filter(traject__terrein__in=terreinen.values("pk"))
        .order_by("traject__terrein_id", "versie")
        .values_list("traject__terrein_id", "op", "actie", "van_stap", "naar_stap", "van_status", "naar_status")
    )
    for terrein_id, op, actie, van_stap, naar_stap, van_status, naar_status in logs:
        park = parken.get(terrein_id)
        if park is None:
            continue
        park.bewegingen.append(Beweging(timezone.localdate(op), actie, van_stap, naar_stap, van_status, naar_status))
    for park in parken.values():
        park.datums = [b.op for b in park.bewegingen]
    return list(parken.values())


def kwartaal_grenzen(kwartaal: str) -> tuple[date, date]:
    """'2026-3' → (1 July 2026, 30 September 2026); ValueError for anything else."""
    jaar_tekst, _streep, nummer_tekst = kwartaal.partition("-")
    jaar, nummer = int(jaar_tekst), int(nummer_tekst)
    if not (1 <= nummer <= 4 and 2000 <= jaar <= 2100):
        raise ValueError(kwartaal)
    begin = date(jaar, 3 * nummer - 2, 1)
    laatste_maand = 3 * nummer
    return begin, date(jaar, laatste_maand, calendar.monthrange(jaar, laatste_maand)[1])


def kwartaal_van(datum: date) -> str:
    return f"{datum.year}-{(datum.month - 1) // 3 + 1}"


def kwartaal_label(kwartaal: str) -> str:
    jaar, nummer = kwartaal.split("-")
    return _("K%(nummer)s %(jaar)s") % {"nummer": nummer, "jaar": jaar}


def kwartaal_keuzes(*, vandaag: date, aantal: int = 8) -> list[tuple[str, str]]:
    """The current quarter and the ones before it, newest first."""
    uit = []
    jaar, nummer = vandaag.year, (vandaag.month - 1) // 3 + 1
    for _i in range(aantal):
        code = f"{jaar}-{nummer}"
        uit.append((code, kwartaal_label(code)))
        jaar, nummer = (jaar - 1, 4) if nummer == 1 else (jaar, nummer - 1)
    return uit


# -- Figures ---------------------------------------------------------------------------------------


def peildatums(*, van: date, tot: date, interval: str) -> list[date]:
    """The end of every week (Sunday) or month from `van` to `tot`; the last one is `tot` itself."""
    uit = []
    if interval == "week":
        d = van + timedelta(days=6 - van.weekday())
        while d < tot:
            uit.append(d)
            d += timedelta(days=7)
    else:
        jaar, maand = van.year, van.month
        while True:
            d = date(jaar, maand, calendar.monthrange(jaar, maand)[1])
            if d >= tot:
                break
            uit.append(d)
            jaar, maand = (jaar + 1, 1) if maand == 12 else (jaar, maand + 1)
    uit.append(tot)
    return uit


def cumulatieve_stroom(*, parken: list[Park], van: date, tot: date, interval: str) -> list[tuple[date, list[int]]]:
    """Per peildatum the number of parks per step 0–6 at the end of that day."""
    uit = []
    for datum in peildatums(van=van, tot=tot, interval=interval):
        telling = [0] * len(STAPPEN)
        for park in parken:
            telling[park.toestand_op(datum)[0]] += 1
        uit.append((datum, telling))
    return uit


def stand_op(*, parken: list[Park], datum: date) -> dict:
    """The dashboard's funnel and status counts as they were at the end of `datum` (same shape as the dashboard's)."""
    provincies = {}
    status_telling = Counter()
    for park in parken:
        stap, status = park.toestand_op(datum)
        provincie = provincies.setdefault(
            park.provincie_code, {"code": park.provincie_code, "naam": park.provincie, "stappen": Counter(), "totaal": 0}
        )
        provincie["stappen"][stap] += 1
        provincie["totaal"] += 1
        status_telling[status] += 1
    trechter = []
    for provincie in sorted(provincies.values(), key=lambda p: p["naam"]):
        provincie["per_stap"] = [(stap, label, provincie["stappen"].get(stap, 0)) for stap, label in STAPPEN]
        trechter.append(provincie)
    return {
        "datum": datum,
        "aantal": len(parken),
        "trechter": trechter,
        "stap_totalen": [(stap, label, sum(p["stappen"].get(stap, 0) for p in trechter)) for stap, label in STAPPEN],
        "per_status": [(code, label, status_telling.get(code, 0)) for code, label in STATUSSEN],
    }


def _norm_label(stap: int) -> str:
    maanden = DOORLOOPTIJD_MAANDEN.get(stap)
    if maanden:
        return _("%(n)s maand(en)") % {"n": maanden}
    if stap == Stap.UITVOERING:
        return _("uiterlijk %(n)s maanden na het eerste contact") % {"n": UITVOERING_UITERLIJK_MAANDEN}
    return _("geen (loopt mee)")


def _verschil_tekst(stap_label: str, verschil: str, mediaan: float, norm: float) -> str:
    if verschil == "langer":
        return _(
            "%(stap)s duurt in werkelijkheid veel langer dan gepland: de mediaan is %(mediaan)s dagen, "
            "meer dan anderhalf keer de doorlooptijd uit het plan (%(norm)s dagen)."
        ) % {"stap": stap_label, "mediaan": _getal(mediaan), "norm": round(norm)}
    if verschil == "korter":
        return _(
            "%(stap)s gaat in werkelijkheid veel sneller dan gepland: de mediaan is %(mediaan)s dagen, "
            "minder dan de helft van de doorlooptijd uit het plan (%(norm)s dagen)."
        ) % {"stap": stap_label, "mediaan": _getal(mediaan), "norm": round(norm)}
    return ""


def _getal(waarde: float) -> str:
    return f"{waarde:g}".replace(".", ",")


def doorlooptijden(*, parken: list[Park], van: date, tot: date) -> list[dict]:
    """Per step: the stays that ended (onwards, or completed in step 6) within [van, tot], their median and
    80th percentile in days without the days on hold, the plan's norm, and how many stayed within it."""
    per_stap = defaultdict(list)
    binnen = Counter()
    for park in parken:
        for verblijf in geschiedenis.verblijven(park.bewegingen, eerste_contact_op=park.eerste_contact_op, tot=tot):
            if verblijf.afloop not in ("vooruit", "afgerond") or verblijf.dagen is None or not (van <= verblijf.eind <= tot):
                continue
            per_stap[verblijf.stap].append(verblijf.dagen)
            termijn = geschiedenis.termijn_van_verblijf(verblijf, eerste_contact_op=park.eerste_contact_op)
            if termijn is not None and verblijf.eind <= termijn:
                binnen[verblijf.stap] += 1
    uit = []
    for stap, label in STAPPEN:
        dagen = per_stap.get(stap, [])
        mediaan = geschiedenis.mediaan(dagen)
        norm = geschiedenis.norm_dagen(stap)
        verschil = geschiedenis.verschil_met_norm(mediaan, stap) if len(dagen) else ""
        uit.append(
            {
                "stap": stap,
                "label": label,
                "aantal": len(dagen),
                "mediaan": mediaan,
                "p80": geschiedenis.percentiel_80(dagen),
                "norm": _norm_label(stap),
                "norm_dagen": round(norm) if norm else None,
                "binnen_norm": binnen.get(stap, 0) if stap != Stap.EVALUATIE else None,
                "verschil": verschil,
                "verschil_tekst": _verschil_tekst(str(label), verschil, mediaan, norm) if verschil else "",
            }
        )
    return uit


def boven_norm(*, parken: list[Park], datum: date) -> list[dict]:
    """Active parks whose running stay passed its norm (moved on by the days on hold) at the end of `datum`.

    Most overdue first; the same rule as the stored deadline (`Traject.termijn_op`), but for any past day.
    """
    uit = []
    for park in parken:
        stap, status = park.toestand_op(datum)
        if status != Status.ACTIEF or not park.bewegingen:
            continue
        stays = geschiedenis.verblijven(park.bewegingen, eerste_contact_op=park.eerste_contact_op, tot=datum)
        lopend = stays[-1] if stays and stays[-1].eind is None else None
        if lopend is None:
            continue
        termijn = geschiedenis.termijn_van_verblijf(lopend, eerste_contact_op=park.eerste_contact_op)
        if termijn is None or termijn >= datum:
            continue
        uit.append(
            {
                "park": park,
                "stap": stap,
                "stap_label": dict(STAPPEN)[stap],
                "begonnen_op": lopend.begin,
                "termijn_op": termijn,
                "dagen_over": (datum - termijn).days,
            }
        )
    uit.sort(key=lambda r: (-r["dagen_over"], r["park"].naam, r["park"].rin))
    return uit


def bewegingen_in(*, parken: list[Park], van: date, tot: date) -> list[tuple[Park, Beweging]]:
    return [(park, b) for park in parken for b in park.bewegingen if van <= b.op <= tot]


def vertrek_uit_route(*, parken: list[Park], van: date, tot: date) -> dict:
    """How many parks left the route at each step within [van, tot], and why."""
    telling = Counter()
    for _park, b in bewegingen_in(parken=parken, van=van, tot=tot):
        if b.naar_status in geschiedenis.UIT_ROUTE:
            telling[(b.van_stap, geschiedenis.vertrekreden(b))] += 1
    rijen = []
    for stap, label in STAPPEN:
        per_reden = [telling.get((stap, reden), 0) for reden in geschiedenis.VERTREK_REDENEN]
        if any(per_reden):
            rijen.append({"stap": stap, "label": label, "per_reden": per_reden, "totaal": sum(per_reden)})
    return {
        "redenen": [VERTREK_LABELS[r] for r in geschiedenis.VERTREK_REDENEN],
        "rijen": rijen,
        "totaal": sum(telling.values()),
        "per_reden": [sum(v for (s, r), v in telling.items() if r == reden) for reden in geschiedenis.VERTREK_REDENEN],
    }


def stap3_rondes(*, parken: list[Park], van: date, tot: date) -> dict:
    """Rounds of step 3: new rounds started within [van, tot], and the rounds parks needed before they left step 3 onwards."""
    nieuw = sum(1 for _p, b in bewegingen_in(parken=parken, van=van, tot=tot) if b.actie == geschiedenis.ACTIE_NIEUWE_RONDE)
    verdeling = Counter()
    for park in parken:
        for verblijf in geschiedenis.verblijven(park.bewegingen, eerste_contact_op=park.eerste_contact_op, tot=tot):
            if verblijf.stap == Stap.OPLOSSINGSRICHTING and verblijf.afloop == "vooruit" and van <= verblijf.eind <= tot:
                verdeling[min(verblijf.rondes, 3)] += 1
    totaal = sum(verdeling.values())
    return {
        "nieuwe_rondes": nieuw,
        "afgerond": totaal,
        "een": verdeling.get(1, 0),
        "twee": verdeling.get(2, 0),
        "drie_of_meer": verdeling.get(3, 0),
        "gemiddeld": round(sum(k * v for k, v in verdeling.items()) / totaal, 1) if totaal else None,
    }


def voortgang_gegevens(*, user, params, van: date, tot: date, interval: str, datum: date) -> dict:
    """Everything the programme page shows for one period and filter."""
    parken = parken_laden(terreinen=gefilterde_terreinen(user=user, params=params))
    bewogen = bewegingen_in(parken=parken, van=van, tot=tot)
    return {
        "parken": parken,
        "aantal": len(parken),
        "stroom": cumulatieve_stroom(parken=parken, van=van, tot=tot, interval=interval),
        "stand": stand_op(parken=parken, datum=datum),
        "doorlooptijden": doorlooptijden(parken=parken, van=van, tot=tot),
        "boven_norm": boven_norm(parken=parken, datum=tot),
        "vertrek": vertrek_uit_route(parken=parken, van=van, tot=tot),
        "rondes": stap3_rondes(parken=parken, van=van, tot=tot),
        "aantal_bewegingen": len(bewogen),
        "aantal_bewogen_parken": len({p.pk for p, _b in bewogen}),
    }


# -- The quarterly report -----------------------------------------------------------------------------


def _vraag_dekking(*, parken: list[Park], datum: date) -> list[dict]:
    """Per zichtjaar: the current plankaart demand (scenario midden) of parks in steps 3–6 at `datum`, against all."""
    stap_van = {p.pk: p.toestand_op(datum)[0] for p in parken}
    totaal, gedekt = Counter(), Counter()
    for terrein_id, jaar, kw in (
        Plankaart.objects.actueel()
        .filter(terrein_id__in=list(stap_van), scenario="midden")
        .order_by()
        .values_list("terrein_id", "zichtjaar", "laadvermogen_kw")
    ):
        totaal[jaar] += kw
        if stap_van[terrein_id] in GEDEKTE_STAPPEN:
            gedekt[jaar] += kw
    uit = []
    for jaar in ZICHTJAREN:
        t, g = totaal.get(jaar, Decimal(0)), gedekt.get(jaar, Decimal(0))
        uit.append({"jaar": jaar, "totaal": t, "gedekt": g, "aandeel": round(100 * g / t) if t else None})
    return uit


def _selectierondes(*, user, van: date, tot: date) -> list[dict]:
    uit = []
    for ronde in selectieronde_lijst(user=user).filter(aangemaakt_op__date__gte=van, aangemaakt_op__date__lte=tot):
        verdeling = ronde.verdeling or {}
        uit.append(
            {
                "naam": ronde.naam,
                "op": timezone.localdate(ronde.aangemaakt_op),
                "aantal": ronde.aantal_gevraagd,
                "groepen": [
                    {
                        "label": GROEP_LABEL[g],
                        "doel": verdeling.get("doel", {}).get(g, 0),
                        "gekozen": verdeling.get("gekozen", {}).get(g, 0),
                    }
                    for g in (GELDERLAND, OVERIJSSEL)
                ],
            }
        )
    return uit


def _evaluaties(*, user, parken: list[Park], van: date, tot: date) -> list[dict]:
    """The quarter's evaluation notes grouped by step and kind (confidential: none for roles that may not see them)."""
    notities = (
        evaluatie_lijst(user=user)
        .filter(traject__terrein_id__in=[p.pk for p in parken], aangemaakt_op__date__gte=van, aangemaakt_op__date__lte=tot)
        .order_by("stap", "soort", "aangemaakt_op")
    )
    per_stap = {}
    for n in notities:
        groep = per_stap.setdefault(n.stap, {"stap": n.stap, "label": n.get_stap_display(), "soorten": {}})
        groep["soorten"].setdefault(n.get_soort_display(), []).append(
            {"terrein": n.traject.terrein.naam, "tekst": n.tekst, "auteur": n.auteur.get_username() if n.auteur else ""}
        )
    return [{**g, "soorten": sorted(g["soorten"].items())} for g in sorted(per_stap.values(), key=lambda g: g["stap"])]


def kwartaal_gegevens(*, user, kwartaal: str, filters: dict) -> dict:
    """The quarterly report: the same figures as the programme page for that quarter and filter, plus the report's own."""
    van, tot = kwartaal_grenzen(kwartaal)
    # The current quarter runs until today, as on the page: nothing is known about days still to come.
    tot = min(tot, timezone.localdate())
    toon_evaluaties = zichtbaarheid.mag_zien(user, "stappenplan.Evaluatienotitie")
    parken = parken_laden(terreinen=gefilterde_terreinen(user=user, params=filters))
    bewogen = bewegingen_in(parken=parken, van=van, tot=tot)
    stap_labels, status_labels = dict(STAPPEN), dict(STATUSSEN)
    return {
        "kwartaal": kwartaal,
        "kwartaal_label": kwartaal_label(kwartaal),
        "van": van,
        "tot": tot,
        "gemaakt_op": timezone.localdate(),
        "aantal": len(parken),
        "toon_evaluaties": toon_evaluaties,
        "stand_begin": stand_op(parken=parken, datum=van - timedelta(days=1)),
        "stand_eind": stand_op(parken=parken, datum=tot),
        "bewegingen": [
            {
                "terrein": p.naam,
                "gemeente": p.gemeente,
                "op": b.op,
                "van": f"{stap_labels[b.van_stap]} ({status_labels.get(b.van_status, b.van_status)})",
                "naar": f"{stap_labels[b.naar_stap]} ({status_labels.get(b.naar_status, b.naar_status)})",
            }
            for p, b in sorted(bewogen, key=lambda pb: (pb[1].op, pb[0].naam))
        ],
        "aantal_bewegingen": len(bewogen),
        "aantal_bewogen_parken": len({p.pk for p, _b in bewogen}),
        "doorlooptijden": doorlooptijden(parken=parken, van=van, tot=tot),
        "rondes": stap3_rondes(parken=parken, van=van, tot=tot),
        "vertrek": vertrek_uit_route(parken=parken, van=van, tot=tot),
        "selectierondes": _selectierondes(user=user, van=van, tot=tot),
        "vraag": _vraag_dekking(parken=parken, datum=tot),
        "boven_norm": boven_norm(parken=parken, datum=tot),
        "evaluaties": _evaluaties(user=user, parken=parken, van=van, tot=tot) if toon_evaluaties else [],
    }
