"""Reads for factsheets: the data a factsheet would show (and its hash), and what is rendered and current.

The data is a plain, JSON-serialisable dict; the template renders nothing but this dict, so its hash
is the hash of everything the PDF shows. A change to the park, its current plankaart rows, its step
or regisseur, its geometry, the template or the stylesheet gives another hash: the factsheet is stale.
"""

import functools
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.contrib.staticfiles import finders
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch, QuerySet
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from factsheets.models import VARIANT_OMSCHRIJVING, Factsheet, FactsheetRun, Variant
from nal_oost import bewaren, zichtbaarheid
from plankaarten.grafiek import laadvraag_svg
from plankaarten.models import ZICHTJAREN, Netcapaciteit, Plankaart, Scenario
from prioritering.models import Prioriteit
from prioritering.selectors import kader_laatste
from terreinen.kaartje import terrein_kaartje_svg
from terreinen.models import Bedrijventerrein, Gemeente, LogistiekAandeel, SbiDiversiteit

TEMPLATE = "factsheets/factsheet.html"
STYLESHEET = "css/factsheet.css"
# Parks per query batch when many factsheets are checked or rendered.
BATCH = 200


@functools.cache
def opmaak_versie() -> str:
    """Hash of the template and stylesheet: a new layout makes every factsheet stale."""
    delen = [get_template(TEMPLATE).template.source.encode()]
    css = finders.find(STYLESHEET)
    with open(css, "rb") as f:
        delen.append(f.read())
    return hashlib.sha256(b"\0".join(delen)).hexdigest()[:16]


def gegevens_hash(gegevens: dict) -> str:
    tekst = json.dumps({"opmaak": opmaak_versie(), "gegevens": gegevens}, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(tekst.encode()).hexdigest()


def _terreinen_met_gegevens(queryset: QuerySet[Bedrijventerrein], kader) -> QuerySet[Bedrijventerrein]:
    actuele_rijen = Plankaart.objects.actueel().select_related("versie").order_by("scenario", "zichtjaar")
    # The score under the newest weights version (the plankaart detail for governments shows it).
    scores = Prioriteit.objects.filter(kader=kader).select_related("kader") if kader else Prioriteit.objects.none()
    return (
        queryset.select_related("gemeente__provincie", "netbeheerder", "traject__regisseur")
        .defer("gemeente__geometrie", "gemeente__provincie__geometrie")
        .prefetch_related(
            Prefetch("plankaarten", queryset=actuele_rijen, to_attr="actuele_rijen"),
            Prefetch("prioriteiten", queryset=scores, to_attr="actuele_prioriteit"),
            "initiatieven",
        )
        .order_by("pk")
    )


class _GemeenteKaarten:
    """Municipality outlines, loaded and simplified once per municipality for a batch of parks."""

    def __init__(self):
        self._cache = {}

    def laad(self, gemeente_ids: Iterable[int]) -> None:
        nieuw = set(gemeente_ids) - set(self._cache)
        for pk, geometrie in Gemeente.objects.filter(pk__in=nieuw).values_list("pk", "geometrie"):
            if geometrie is not None and not geometrie.empty:
                minx, miny, maxx, maxy = geometrie.extent
                geometrie = geometrie.simplify(max(maxx - minx, maxy - miny) / 600, preserve_topology=True)
            self._cache[pk] = geometrie

    def __getitem__(self, pk):
        return self._cache.get(pk)


# Who each variant is made for, as a class of the register: the PDF is shared, so it holds only what that
# audience may see. Each property of the park on a factsheet names the field it shows (nal_oost/zichtbaarheid.py).
VARIANT_KLASSE = {Variant.FACTSHEET: zichtbaarheid.OPENBAAR, Variant.PLANKAART_DETAIL: zichtbaarheid.GEMEENTE}
TERREIN_BRON = {
    "rin": "terreinen.Bedrijventerrein.rin",
    "naam": "terreinen.Bedrijventerrein.naam",
    "gemeente": "terreinen.Gemeente.naam",
    "provincie": "terreinen.Provincie.naam",
    "ha_bruto": "terreinen.Bedrijventerrein.ha_bruto",
    "ha_netto": "terreinen.Bedrijventerrein.ha_netto",
    "grootteklasse": "terreinen.Bedrijventerrein.ha_netto",
    "netbeheerder": "terreinen.Bedrijventerrein.netbeheerder",
    "netcongestie": "terreinen.Bedrijventerrein.netcongestie",
    "parkmanagement": "terreinen.Bedrijventerrein.parkmanagement",
    "aantal_bedrijven": "terreinen.Bedrijventerrein.aantal_bedrijven",
    "peiljaar": "terreinen.Bedrijventerrein.peiljaar",
    "ha_uitgeefbaar": "terreinen.Bedrijventerrein.ha_uitgeefbaar",
    "wloc_type": "terreinen.Bedrijventerrein.wloc_type",
    "onderstation": "terreinen.Bedrijventerrein.onderstation",
    "aantal_sectoren": "terreinen.Bedrijventerrein.aantal_sectoren",
    "sbi_diversiteit": "terreinen.Bedrijventerrein.aantal_sectoren",
    "aandeel_logistiek": "terreinen.Bedrijventerrein.aandeel_logistiek",
    "logistiek_klasse": "terreinen.Bedrijventerrein.aandeel_logistiek",
    "bereikbaarheid": "terreinen.Bedrijventerrein.bereikbaarheid",
    "terrein_vol": "terreinen.Bedrijventerrein.terrein_vol",
    "eigen_initiatief": "terreinen.Bedrijventerrein.eigen_initiatief",
    "afstand_ze_zone_km": "terreinen.Bedrijventerrein.afstand_ze_zone_km",
    "ze_zone_gemeente": "terreinen.Gemeente.ze_zone",
    "geometrie_bron": "terreinen.Bedrijventerrein.geometrie_bron",
    "initiatieven": "terreinen.Bedrijventerrein.initiatieven",
}


def _voor_publiek(terrein: dict, variant: str) -> dict:
    """The park's properties the variant's audience may see; a property without a declared source is an error."""
    grens = VARIANT_KLASSE[variant]
    return {k: v for k, v in terrein.items() if zichtbaarheid.binnen(zichtbaarheid.klasse(TERREIN_BRON[k]), grens)}


def _mag(variant: str, sleutel: str) -> bool:
    return zichtbaarheid.binnen(zichtbaarheid.klasse(sleutel), VARIANT_KLASSE[variant])


def _ja_nee(waarde) -> str | None:
    return None if waarde is None else (_("ja") if waarde else _("nee"))


def _rij(p: Plankaart) -> dict:
    kw = int(round(p.laadvermogen_kw))
    eigen = None if p.aandeel_eigen_terrein is None else float(p.aandeel_eigen_terrein)
    return {
        "zichtjaar": p.zichtjaar,
        "scenario": p.scenario,
        "scenario_label": str(p.get_scenario_display()),
        "laadvermogen_kw": kw,
        "kw_eigen_terrein": None if eigen is None else int(round(kw * eigen / 100)),
        "kw_collectief": None if eigen is None else kw - int(round(kw * eigen / 100)),
        "aandeel_eigen_terrein": eigen,
        "bestelwagens": p.bestelwagens,
        "vrachtwagens": p.vrachtwagens,
        "netcapaciteit": p.netcapaciteit,
        "netcapaciteit_label": str(Netcapaciteit(p.netcapaciteit).label),
        "ruimte_collectief": _ja_nee(p.ruimte_collectief),
        "behoefte_laadplein": _ja_nee(p.behoefte_laadplein),
        "gemodelleerd": p.gemodelleerd,
        "bron": p.bron or p.versie.bron,
        "versie": p.versie.nummer,
    }


def _contact(terrein: Bedrijventerrein, traject, variant: str) -> dict:
    """Who to contact at the province: the park's regisseur (public contact data), else the programme team."""
    regisseur = getattr(traject, "regisseur", None) if traject else None
    if regisseur is not None and _mag(variant, "stappenplan.Traject.regisseur"):
        # A factsheet goes to businesses: what is public of the regisseur (full name, work e-mail), never the username.
        contact = zichtbaarheid.contactpersoon(regisseur)
        return {
            "naam": contact["naam"] or _("Regisseur laadinfra"),
            "functie": _("Regisseur laadinfra bedrijventerreinen, provincie %(provincie)s")
            % {"provincie": terrein.gemeente.provincie.naam},
            "email": contact["email"],
        }
    return {
        "naam": _("Programmateam laadinfra bedrijventerreinen"),
        "functie": _("Provincie %(provincie)s, NAL-regio Oost Nederland") % {"provincie": terrein.gemeente.provincie.naam},
        "email": "",
    }


def _gegevens(terrein: Bedrijventerrein, variant: str, gemeenten: _GemeenteKaarten) -> dict:
    try:
        traject = terrein.traject
    except ObjectDoesNotExist:
        traject = None
    rijen = terrein.actuele_rijen
    midden = [p for p in rijen if p.scenario == Scenario.MIDDEN]
    per_jaar = {p.zichtjaar: _rij(p) for p in midden}
    versies = sorted({p.versie for p in rijen}, key=lambda v: v.nummer)
    detail = variant == Variant.PLANKAART_DETAIL
    svg_id = f"f{terrein.rin}-{variant}"
    g = {
        "variant": variant,
        "variant_label": str(Variant(variant).label),
        "terrein": {
            "rin": terrein.rin,
            "naam": terrein.naam,
            "gemeente": terrein.gemeente.naam,
            "provincie": terrein.gemeente.provincie.naam,
            "ha_bruto": terrein.ha_bruto,
            "ha_netto": terrein.ha_netto,
            "grootteklasse": str(terrein.get_grootteklasse_display()),
            "netbeheerder": terrein.netbeheerder.naam if terrein.netbeheerder else None,
            "netcongestie": str(terrein.get_netcongestie_display()),
            "parkmanagement": _ja_nee(terrein.parkmanagement),
            "aantal_bedrijven": terrein.aantal_bedrijven,
            "peiljaar": terrein.peiljaar,
        },
        "jaren": [per_jaar.get(jaar) or {"zichtjaar": jaar} for jaar in ZICHTJAREN],
        "jaar_2035": per_jaar.get(2035),
        "heeft_plankaart": bool(midden),
        "gemodelleerd": any(p.gemodelleerd for p in midden),
        "laadplein_nodig": any(p.behoefte_laadplein for p in midden),
        "laadplein_bekend": any(p.behoefte_laadplein is not None for p in midden),
        "grafiek_svg": laadvraag_svg(midden, svg_id=f"{svg_id}-grafiek") if midden else None,
        "kaart_svg": terrein_kaartje_svg(
            terrein_geometrie=terrein.geometrie,
            gemeente_geometrie=gemeenten[terrein.gemeente_id],
            terrein_naam=terrein.naam,
            gemeente_naam=terrein.gemeente.naam,
            svg_id=f"{svg_id}-kaart",
        ),
        "geometrie_benaderd": terrein.geometrie_bron == Bedrijventerrein.GeometrieBron.BENADERD,
        "bronnen": sorted({p.bron or p.versie.bron for p in midden}),
        "peildatum": max((v.aangemaakt_op for v in versies), default=None),
        "versies": [v.nummer for v in versies],
        "stap": (
            {"label": str(traject.get_stap_display()), "nummer": traject.stap, "status": str(traject.get_status_display())}
            if traject and _mag(variant, "stappenplan.Traject.stap") and _mag(variant, "stappenplan.Traject.status")
            else None
        ),
        "contact": _contact(terrein, traject, variant),
    }
    if g["peildatum"] is not None:
        g["peildatum"] = timezone.localdate(g["peildatum"])
    if detail:
        g["terrein"].update(
            {
                "ha_uitgeefbaar": terrein.ha_uitgeefbaar,
                "wloc_type": terrein.wloc_type,
                "onderstation": terrein.onderstation,
                "aantal_sectoren": terrein.aantal_sectoren,
                "sbi_diversiteit": str(SbiDiversiteit(terrein.sbi_diversiteit).label) if terrein.sbi_diversiteit else None,
                "aandeel_logistiek": terrein.aandeel_logistiek,
                "logistiek_klasse": str(LogistiekAandeel(terrein.logistiek_klasse).label) if terrein.logistiek_klasse else None,
                "bereikbaarheid": str(terrein.get_bereikbaarheid_display()),
                "terrein_vol": _ja_nee(terrein.terrein_vol),
                "eigen_initiatief": _ja_nee(terrein.eigen_initiatief),
                "afstand_ze_zone_km": terrein.afstand_ze_zone_km,
                "ze_zone_gemeente": _ja_nee(terrein.gemeente.ze_zone),
                "geometrie_bron": str(terrein.get_geometrie_bron_display()),
                "initiatieven": [i.naam for i in terrein.initiatieven.all()],
            }
        )
        prioriteit = terrein.actuele_prioriteit[0] if terrein.actuele_prioriteit else None
        g["prioriteit"] = (
            {
                "score": prioriteit.score,
                "rang": prioriteit.rang,
                "kader_versie": prioriteit.kader.versie,
                "zonder_plankaart": prioriteit.zonder_plankaart,
            }
            if prioriteit
            else None
        )
        g["prioriteit"] = g["prioriteit"] if _mag(variant, "prioritering.Prioriteit.score") else None
        g["scenarios"] = [_rij(p) for p in sorted(rijen, key=lambda p: (p.zichtjaar, Scenario.values.index(p.scenario)))]
        g["bronnen"] = sorted({p.bron or p.versie.bron for p in rijen})
        g["gemodelleerd"] = any(p.gemodelleerd for p in rijen)
    g["terrein"] = _voor_publiek(g["terrein"], variant)
    return g


def factsheet_gegevens_reeks(
    *, terreinen: QuerySet[Bedrijventerrein], varianten: Iterable[str] = Variant.values
) -> Iterator[tuple[Bedrijventerrein, str, dict]]:
    """(park, variant, data) for every park of `terreinen`, in batches: a fixed number of queries per batch."""
    varianten = list(varianten)
    gemeenten = _GemeenteKaarten()
    kader = kader_laatste()
    ids = list(terreinen.order_by("pk").values_list("pk", flat=True))
    with translation.override("nl"):
        for start in range(0, len(ids), BATCH):
            batch = list(_terreinen_met_gegevens(Bedrijventerrein.objects.filter(pk__in=ids[start : start + BATCH]), kader))
            gemeenten.laad(t.gemeente_id for t in batch)
            for terrein in batch:
                for variant in varianten:
                    yield terrein, variant, _gegevens(terrein, variant, gemeenten)


def factsheet_gegevens(*, terrein: Bedrijventerrein, variant: str) -> dict:
    """What the factsheet of one park in one variant shows."""
    qs = Bedrijventerrein.objects.filter(pk=terrein.pk)
    return next(g for _t, _v, g in factsheet_gegevens_reeks(terreinen=qs, varianten=[variant]))


@dataclass(frozen=True)
class FactsheetStatus:
    variant: str
    label: str
    omschrijving: str
    factsheet: Factsheet | None
    actueel: bool


def factsheet_status(*, terrein: Bedrijventerrein) -> list[FactsheetStatus]:
    """Per variant: the rendered factsheet (if any) and whether it still matches the park's data."""
    bestaand = {f.variant: f for f in Factsheet.objects.filter(terrein=terrein)}
    hashes = bewaren.gedeeld(f"factsheet-hashes:{terrein.pk}", lambda: huidige_hashes(terrein=terrein))
    return [
        FactsheetStatus(
            variant=variant,
            label=str(Variant(variant).label),
            omschrijving=str(VARIANT_OMSCHRIJVING[variant]),
            factsheet=bestaand.get(variant),
            actueel=variant in bestaand and bestaand[variant].data_hash == hashes[variant],
        )
        for variant in Variant.values
    ]


def huidige_hashes(*, terrein: Bedrijventerrein) -> dict[str, str]:
    """Per variant the hash of what the park's factsheet would show now (building the data takes ~2 ms a variant:
    charts and map included), kept until the data changes."""
    qs = Bedrijventerrein.objects.filter(pk=terrein.pk)
    return {variant: gegevens_hash(gegevens) for _t, variant, gegevens in factsheet_gegevens_reeks(terreinen=qs)}


def factsheets_verouderd(
    *, terreinen: QuerySet[Bedrijventerrein], varianten: Iterable[str] = Variant.values, alles: bool = False
) -> list[tuple[int, str]]:
    """(park id, variant) pairs whose factsheet is missing or no longer matches the data (all pairs with `alles`)."""
    rijen = Factsheet.objects.filter(terrein__in=terreinen).values_list("terrein_id", "variant", "data_hash")
    hashes = {(t, v): h for t, v, h in rijen}
    uit = []
    for terrein, variant, gegevens in factsheet_gegevens_reeks(terreinen=terreinen, varianten=varianten):
        if alles or hashes.get((terrein.pk, variant)) != gegevens_hash(gegevens):
            uit.append((terrein.pk, variant))
    return uit


def factsheet_lijst(*, user) -> QuerySet[Bedrijventerrein]:
    """Visible parks with their rendered factsheets, for the overview (two queries, whatever the page size)."""
    return (
        Bedrijventerrein.objects.zichtbaar_voor(user)
        .select_related("gemeente")
        .only("rin", "naam", "gemeente__naam")
        .prefetch_related(Prefetch("factsheets", queryset=Factsheet.objects.order_by("variant"), to_attr="gerenderd"))
        .order_by("gemeente__naam", "naam")
    )


def factsheet_voor_download(*, user, rin: int, variant: str) -> Factsheet | None:
    """The rendered factsheet of a visible park, or None (a park out of scope looks the same as a missing one)."""
    return (
        Factsheet.objects.filter(terrein__in=Bedrijventerrein.objects.zichtbaar_voor(user), terrein__rin=rin, variant=variant)
        .select_related("terrein__gemeente")
        .first()
    )


def factsheets_voor_zip(*, user, varianten: Iterable[str] = Variant.values) -> QuerySet[Factsheet]:
    return (
        Factsheet.objects.filter(terrein__in=Bedrijventerrein.objects.zichtbaar_voor(user), variant__in=list(varianten))
        .select_related("terrein__gemeente")
        .only("bestand", "variant", "terrein__rin", "terrein__naam", "terrein__gemeente__naam")
        .order_by("terrein__gemeente__naam", "terrein__naam", "variant")
    )


def laatste_run() -> FactsheetRun | None:
    return FactsheetRun.objects.first()
