"""The grid operator per municipality, and the netbeheerder of a park derived from it.

Reads `netbeheerder_per_gemeente.csv` (code, netbeheerder, zekerheid, aandeel_grootste_pct,
verdeling): every operator of a municipality is recorded on the municipality; parks in a
municipality marked EENDUIDIG or OVERWEGEND get that operator, marked `afgeleid_gemeente`. A park
whose netbeheerder was entered by hand is never touched; in a VERDEELD municipality it stays unknown.
Like every importer: the whole file is checked first, nothing is written on any rejection, and a
second run changes nothing.
"""

from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import bulk
from nal_oost.importeren import BestandFout, ImportResultaat, WaardeFout, kolommen_toewijzen, lees_tabel, parse_decimaal
from nal_oost.signalen import gegevens_gewijzigd
from terreinen.models import Bedrijventerrein, Gemeente, Netbeheerder

ZEKERHEDEN = ("EENDUIDIG", "OVERWEGEND", "VERDEELD")
# Municipalities with one of these get their operator on every park without one entered by hand.
AFLEIDBAAR = ("EENDUIDIG", "OVERWEGEND")

KOLOMMEN = {
    "code": ("gemeentecode", "gm_code"),
    "netbeheerder": (),
    "zekerheid": (),
    "aandeel_grootste_pct": ("aandeel",),
    "verdeling": (),
}


def _verdeling(tekst: str) -> list[tuple[str, Decimal]]:
    """'Enexis 81.1;Liander 12.2' → [('Enexis', 81.1), ('Liander', 12.2)]."""
    uit = []
    for deel in str(tekst or "").split(";"):
        deel = deel.strip()
        if not deel:
            continue
        naam, _spatie, aandeel = deel.rpartition(" ")
        if not naam:
            raise WaardeFout(_("'%(deel)s' is geen 'netbeheerder aandeel'") % {"deel": deel})
        uit.append((naam.strip(), parse_decimaal(aandeel)))
    return uit


def netbeheerders_importeren(*, pad: Path, dry_run: bool = False) -> ImportResultaat:
    """Import the operators per municipality and derive the parks' netbeheerder; counts parks new/changed/unchanged."""
    pad = Path(pad)
    resultaat = ImportResultaat(bestand=pad.name, dry_run=dry_run)
    try:
        koppen, rijen = lees_tabel(pad)
        kolommen = kolommen_toewijzen(koppen, KOLOMMEN, ("code", "netbeheerder", "zekerheid"))
    except BestandFout as exc:
        resultaat.wijs_af(None, None, str(exc))
        return resultaat
    gemeenten = {g.code: g for g in Gemeente.objects.defer("geometrie")}
    per_gemeente: dict[str, tuple[str | None, list[str]]] = {}
    for nummer, rij in rijen:
        if "__te_veel__" in rij:
            resultaat.wijs_af(nummer, None, _("meer waarden dan kolommen"))
            continue
        code = str(kolommen.waarde(rij, "code") or "").strip().upper()
        if code not in gemeenten:
            resultaat.wijs_af(nummer, kolommen.kop("code"), _("onbekende gemeentecode '%(code)s'") % {"code": code})
            continue
        if code in per_gemeente:
            resultaat.wijs_af(
                nummer, kolommen.kop("code"), _("gemeentecode %(code)s staat dubbel in het bestand") % {"code": code}
            )
            continue
        naam = str(kolommen.waarde(rij, "netbeheerder") or "").strip()
        zekerheid = str(kolommen.waarde(rij, "zekerheid") or "").strip().upper()
        if not naam:
            resultaat.wijs_af(nummer, kolommen.kop("netbeheerder"), _("netbeheerder ontbreekt"))
        if zekerheid not in ZEKERHEDEN:
            resultaat.wijs_af(
                nummer,
                kolommen.kop("zekerheid"),
                _("zekerheid '%(z)s' is niet EENDUIDIG, OVERWEGEND of VERDEELD") % {"z": zekerheid},
            )
        try:
            alle = [n for n, _aandeel in _verdeling(kolommen.waarde(rij, "verdeling"))] if "verdeling" in kolommen.koppen else []
        except WaardeFout as exc:
            resultaat.wijs_af(nummer, kolommen.kop("verdeling"), str(exc))
            continue
        per_gemeente[code] = (naam if zekerheid in AFLEIDBAAR else None, list(dict.fromkeys([naam, *alle])))
    if not resultaat.geslaagd:
        return resultaat

    namen = {n for _afgeleid, alle in per_gemeente.values() for n in alle if n}
    with transaction.atomic():
        if not dry_run:
            for naam in sorted(namen - set(Netbeheerder.objects.values_list("naam", flat=True))):
                Netbeheerder.objects.create(naam=naam)
        netbeheerders = {n.naam: n for n in Netbeheerder.objects.all()}
        if not dry_run:
            for code, (_afgeleid, alle) in per_gemeente.items():
                gemeente = gemeenten[code]
                bestaand = set(gemeente.netbeheerders.values_list("naam", flat=True))
                ontbreekt = [netbeheerders[n] for n in alle if n and n not in bestaand]
                if ontbreekt:
                    gemeente.netbeheerders.add(*ontbreekt)
        # On a dry run an operator that is not stored yet counts under a placeholder id.
        doel = {
            gemeenten[code].pk: (netbeheerders[afgeleid].pk if afgeleid in netbeheerders else -1) if afgeleid else None
            for code, (afgeleid, _alle) in per_gemeente.items()
        }
        netbeheerder_afleiden(per_gemeente=doel, resultaat=resultaat, dry_run=dry_run)
    return resultaat


def netbeheerder_afleiden(*, per_gemeente: dict[int, int | None], resultaat: ImportResultaat, dry_run: bool = False) -> int:
    """Give parks of each municipality its operator (None: unknown), except where one was entered by hand.

    Only parks without a netbeheerder or with a derived one are considered; a derived value that no
    longer follows from the file is cleared. Returns the number of parks changed.
    """
    bron = Bedrijventerrein.NetbeheerderBron
    kandidaten = Bedrijventerrein.objects.filter(gemeente_id__in=list(per_gemeente)).filter(
        Q(netbeheerder__isnull=True) | Q(netbeheerder_bron=bron.AFGELEID)
    )
    gewijzigd = []
    for terrein in kandidaten.only("pk", "gemeente_id", "netbeheerder_id", "netbeheerder_bron"):
        nieuw = per_gemeente[terrein.gemeente_id]
        nieuwe_bron = bron.AFGELEID if nieuw else bron.ONBEKEND
        if (terrein.netbeheerder_id, terrein.netbeheerder_bron) == (nieuw, nieuwe_bron):
            resultaat.ongewijzigd += 1
            continue
        terrein.netbeheerder_id, terrein.netbeheerder_bron = nieuw, nieuwe_bron
        terrein.gewijzigd_op = timezone.now()
        gewijzigd.append(terrein)
    resultaat.gewijzigd += len(gewijzigd)
    if gewijzigd and not dry_run:
        # A bulk update on purpose: the model's save() would mark the value as entered by hand.
        bulk.bijwerken_objecten(Bedrijventerrein, gewijzigd, ["netbeheerder", "netbeheerder_bron", "gewijzigd_op"])
        gegevens_gewijzigd.send(sender=Bedrijventerrein, bron="netbeheerder_per_gemeente")
    return len(gewijzigd)
