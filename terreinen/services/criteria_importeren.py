"""Bulk import of park criteria and grid data from a sheet (XLSX or CSV), and the import sheet that round-trips.

The sheet has one row per park keyed by RIN and a column per attribute (IMPORT_KOLOMMEN; headings
as the import sheet writes them, or the field names). Only columns in the file are touched, and an
empty cell leaves the value as it is: write "onbekend" to clear a value. Title rows above the
header, hidden columns and a totals row below the table are handled; formula cells are read as
their last computed value. Like every importer: everything is checked first, every rejection is
reported with row, column and reason, and nothing is written when anything is rejected.
Each changed park is saved on its own, so the field history (audit) records every change.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nal_oost.exports import FORMULE_TEKENS
from nal_oost.importeren import (
    BestandFout,
    ImportResultaat,
    WaardeFout,
    is_totaalrij,
    kolommen_toewijzen,
    lees_tabel,
    normaliseer_kop,
    parse_decimaal,
    parse_geheel,
    parse_janee,
    scheidingsteken,
)
from terreinen.models import Bedrijventerrein, Netbeheerder

ONBEKEND = "onbekend"


class VerouderdeVoorvertoning(Exception):
    """The data changed between the preview and the confirmation: the user must look at the new preview."""


def _onbekend(waarde) -> bool:
    return isinstance(waarde, str) and waarde.strip().lower() in (ONBEKEND, "?")


def _janee(waarde, context):
    return None if _onbekend(waarde) else parse_janee(waarde)


def _geheel(waarde, context):
    if _onbekend(waarde):
        return None
    getal = parse_geheel(waarde, nl=context["nl"])
    if getal is not None and getal < 0:
        raise WaardeFout(_("waarde mag niet negatief zijn"))
    return getal


def _decimaal(minimum=None, maximum=None):
    def parser(waarde, context):
        if _onbekend(waarde):
            return None
        if isinstance(waarde, str):
            waarde = waarde.strip().rstrip("%").strip()
        getal = parse_decimaal(waarde, nl=context["nl"])
        if getal is None:
            return None
        if minimum is not None and getal < minimum:
            raise WaardeFout(_("waarde mag niet kleiner zijn dan %(min)s") % {"min": minimum})
        if maximum is not None and getal > maximum:
            raise WaardeFout(_("waarde mag niet groter zijn dan %(max)s") % {"max": maximum})
        return getal.quantize(Decimal("0.01"))

    return parser


def _keuze(keuzes_van: Callable):
    def parser(waarde, context):
        if _onbekend(waarde):
            return ""
        keuzes = keuzes_van()
        tekst = str(waarde).strip().lower()
        for code, label in keuzes:
            if code and tekst in (code.lower(), str(label).lower()):
                return code
        geldig = ", ".join(code for code, _label in keuzes if code)
        raise WaardeFout(
            _("'%(waarde)s' is geen geldige keuze; kies uit %(geldig)s of onbekend") % {"waarde": waarde, "geldig": geldig}
        )

    return parser


def _netbeheerder(waarde, context):
    if _onbekend(waarde):
        return None
    netbeheerder = context["netbeheerders"].get(str(waarde).strip().lower())
    if netbeheerder is None:
        raise WaardeFout(
            _("onbekende netbeheerder '%(waarde)s'; bekend zijn: %(namen)s")
            % {"waarde": waarde, "namen": ", ".join(sorted(n.naam for n in context["netbeheerders"].values()))}
        )
    return netbeheerder


def _tekst(max_lengte):
    def parser(waarde, context):
        if _onbekend(waarde):
            return ""
        tekst = str(waarde).strip()
        if tekst.startswith("'") and tekst[1:].startswith(FORMULE_TEKENS):
            tekst = tekst[1:]  # the apostrophe the import sheet puts before text a spreadsheet would run
        if len(tekst) > max_lengte:
            raise WaardeFout(_("tekst is langer dan %(n)d tekens") % {"n": max_lengte})
        return tekst

    return parser


def _schrijf_janee(waarde):
    return ONBEKEND if waarde is None else ("ja" if waarde else "nee")


def _schrijf_getal(waarde):
    return ONBEKEND if waarde is None else waarde


def _schrijf_keuze(waarde):
    return waarde or ONBEKEND


@dataclass(frozen=True)
class ImportKolom:
    veld: str
    kop: str
    parser: Callable
    schrijver: Callable
    aliassen: tuple[str, ...] = ()


IMPORT_KOLOMMEN: tuple[ImportKolom, ...] = (
    ImportKolom("parkmanagement", gettext_lazy("Parkmanagement"), _janee, _schrijf_janee),
    ImportKolom("aantal_bedrijven", gettext_lazy("Aantal bedrijven"), _geheel, _schrijf_getal, ("bedrijven",)),
    ImportKolom(
        "aantal_sectoren", gettext_lazy("Aantal sectoren (SBI)"), _geheel, _schrijf_getal, ("sectoren", "aantal_sbi_sectoren")
    ),
    ImportKolom("aandeel_logistiek", gettext_lazy("Aandeel logistiek (%)"), _decimaal(0, 100), _schrijf_getal, ("logistiek_%",)),
    ImportKolom(
        "bereikbaarheid",
        gettext_lazy("Bereikbaarheid"),
        _keuze(lambda: Bedrijventerrein.Bereikbaarheid.choices),
        _schrijf_keuze,
    ),
    ImportKolom("terrein_vol", gettext_lazy("Terrein vol"), _janee, _schrijf_janee),
    ImportKolom("warme_contacten", gettext_lazy("Warme contacten"), _janee, _schrijf_janee),
    ImportKolom("eigen_initiatief", gettext_lazy("Eigen initiatief"), _janee, _schrijf_janee),
    ImportKolom(
        "afstand_ze_zone_km",
        gettext_lazy("Afstand tot ZE-zone (km)"),
        _decimaal(0),
        _schrijf_getal,
        ("afstand_ze_zone", "ze_zone_km"),
    ),
    ImportKolom("netbeheerder", gettext_lazy("Netbeheerder"), _netbeheerder, lambda n: n.naam if n is not None else ONBEKEND),
    ImportKolom("onderstation", gettext_lazy("Onderstation"), _tekst(100), _schrijf_keuze),
    ImportKolom(
        "netcongestie",
        gettext_lazy("Netcongestie"),
        _keuze(lambda: Bedrijventerrein.Netcongestie.choices),
        _schrijf_keuze,
    ),
)
KOLOM_PER_VELD = {k.veld: k for k in IMPORT_KOLOMMEN}
SLEUTEL_KOP = gettext_lazy("RIN")
# Informational columns of the import sheet: read past, not imported.
INFO_KOPPEN = (gettext_lazy("Naam"), gettext_lazy("Gemeente"))
RIN_ALIASSEN = ("rin", "rin_nummer", "ibis_rin", "rin_nr")


def _aliassen() -> dict[str, tuple[str, ...]]:
    return {"rin": RIN_ALIASSEN, **{k.veld: (str(k.kop), *k.aliassen) for k in IMPORT_KOLOMMEN}}


def _is_kopregel(cellen: list[str]) -> bool:
    """The header row is the one that names the RIN column and at least one attribute."""
    namen = {normaliseer_kop(a) for namen in _aliassen().values() for a in namen} | set(KOLOM_PER_VELD)
    return any(c in RIN_ALIASSEN for c in cellen) and sum(c in namen for c in cellen) >= 2


@dataclass
class CriteriaImportResultaat(ImportResultaat):
    # Per changed park and field: (rin, park name, field label, old value, new value), as a person reads them.
    wijzigingen: list[tuple[int, str, str, str, str]] = field(default_factory=list)

    @property
    def vingerafdruk(self) -> str:
        """Identifies exactly these changes: the confirmation only writes what the preview showed."""
        return hashlib.sha256(json.dumps(self.wijzigingen, default=str).encode()).hexdigest()[:32]

    def as_dict(self) -> dict:
        return {**super().as_dict(), "wijzigingen": [list(w) for w in self.wijzigingen]}


def _leesbaar(kolom: ImportKolom, waarde) -> str:
    geschreven = kolom.schrijver(waarde)
    if kolom.veld in ("bereikbaarheid", "netcongestie") and waarde:
        return str(dict(getattr(Bedrijventerrein, kolom.veld.capitalize()).choices)[waarde])
    return str(geschreven)


def criteria_importeren(
    *, pad: Path, dry_run: bool = False, vingerafdruk: str | None = None, bestandsnaam: str | None = None
) -> CriteriaImportResultaat:
    """Import criteria for existing parks (keyed by RIN); see the module docstring for the rules.

    With `vingerafdruk` (from a preview) nothing is written when the changes are no longer exactly
    those: VerouderdeVoorvertoning is raised instead.
    """
    pad = Path(pad)
    resultaat = CriteriaImportResultaat(bestand=bestandsnaam or pad.name, dry_run=dry_run)
    try:
        koppen, rijen = lees_tabel(pad, kop_herkennen=_is_kopregel)
        kolommen = kolommen_toewijzen(koppen, _aliassen(), ("rin",), genegeerd=[str(k) for k in INFO_KOPPEN])
    except BestandFout as exc:
        resultaat.wijs_af(None, None, str(exc))
        return resultaat
    resultaat.waarschuwingen += [_("onbekende kolom genegeerd: %(kop)s") % {"kop": k} for k in kolommen.onbekend]
    aanwezig = [k for k in IMPORT_KOLOMMEN if k.veld in kolommen.koppen]
    context = {
        "nl": scheidingsteken(pad, kop_herkennen=_is_kopregel) == ";",
        "netbeheerders": {n.naam.lower(): n for n in Netbeheerder.objects.all()},
    }
    records: dict[int, tuple[int, dict]] = {}
    for nummer, rij in rijen:
        if "__te_veel__" in rij:
            resultaat.wijs_af(nummer, None, _("meer waarden dan kolommen"))
            continue
        ruwe_rin = kolommen.waarde(rij, "rin")
        if not str(ruwe_rin or "").strip().isdigit() and is_totaalrij(rij):
            resultaat.waarschuwingen.append(_("rij %(rij)d is een totaalrij en is overgeslagen") % {"rij": nummer})
            continue
        try:
            rin = parse_geheel(ruwe_rin)
            if rin is None or rin <= 0:
                raise WaardeFout(_("RIN-nummer ontbreekt of is niet positief"))
        except WaardeFout as exc:
            resultaat.wijs_af(nummer, kolommen.kop("rin"), str(exc))
            continue
        if rin in records:
            resultaat.wijs_af(
                nummer,
                kolommen.kop("rin"),
                _("RIN %(rin)s staat dubbel in het bestand (ook rij %(rij)s)") % {"rin": rin, "rij": records[rin][0]},
            )
            continue
        record = {}
        for kolom in aanwezig:
            waarde = kolommen.waarde(rij, kolom.veld)
            if waarde is None:
                continue  # an empty cell leaves the value as it is
            try:
                record[kolom.veld] = kolom.parser(waarde, context)
            except WaardeFout as exc:
                resultaat.wijs_af(nummer, kolommen.kop(kolom.veld), str(exc))
        records[rin] = (nummer, record)

    bestaand = Bedrijventerrein.objects.defer("geometrie").select_related("netbeheerder").in_bulk(list(records), field_name="rin")
    gewijzigd = []
    for rin, (nummer, record) in records.items():
        terrein = bestaand.get(rin)
        if terrein is None:
            resultaat.wijs_af(
                nummer, kolommen.kop("rin"), _("onbekend RIN-nummer %(rin)s (importeer eerst de terreinen)") % {"rin": rin}
            )
            continue
        verschil = [v for v, w in record.items() if getattr(terrein, v) != w]
        if not verschil:
            resultaat.ongewijzigd += 1
            continue
        for veld in verschil:
            kolom = KOLOM_PER_VELD[veld]
            oud = _leesbaar(kolom, getattr(terrein, veld))
            setattr(terrein, veld, record[veld])
            resultaat.wijzigingen.append((rin, terrein.naam, str(kolom.kop), oud, _leesbaar(kolom, record[veld])))
        gewijzigd.append((terrein, verschil))
    resultaat.gewijzigd = len(gewijzigd)
    if dry_run or not resultaat.geslaagd:
        return resultaat
    if vingerafdruk is not None and vingerafdruk != resultaat.vingerafdruk:
        raise VerouderdeVoorvertoning(_("De gegevens zijn sinds de voorvertoning gewijzigd; bekijk de nieuwe voorvertoning."))
    with transaction.atomic():
        for terrein, verschil in gewijzigd:
            # A regular save per park: audited, and the score recomputation is queued once on commit.
            terrein.save(update_fields=[*verschil, "gewijzigd_op"])
    return resultaat


def importblad_rijen(terreinen) -> list[list]:
    """The import sheet: the header, then per park its RIN, name, municipality and every attribute as the import reads it."""
    rijen = [[str(SLEUTEL_KOP), *(str(k) for k in INFO_KOPPEN), *(str(k.kop) for k in IMPORT_KOLOMMEN)]]
    for t in terreinen:
        rijen.append([t.rin, t.naam, t.gemeente.naam, *(k.schrijver(getattr(t, k.veld)) for k in IMPORT_KOLOMMEN)])
    return rijen
