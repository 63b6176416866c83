"""Writing plankaarten: importing tables as a new version, and storing modelled figures."""

from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from audit import bulk
from nal_oost.importeren import (
    BestandFout,
    ImportResultaat,
    WaardeFout,
    kolommen_toewijzen,
    lees_tabel,
    parse_decimaal,
    parse_geheel,
    parse_janee,
    rij_valideren,
    scheidingsteken,
)
from nal_oost.signalen import gegevens_gewijzigd
from plankaarten.models import ZICHTJAREN, Netcapaciteit, Plankaart, PlankaartVersie, Scenario
from terreinen.models import Bedrijventerrein

PLANKAART_KOLOMMEN = {
    "rin": ("ibis_rin", "rin_nummer", "rin_nr"),
    "zichtjaar": ("jaar",),
    "scenario": (),
    "laadvermogen_kw": ("laadvermogen", "vermogen_kw", "vermogensvraag_kw"),
    "bestelwagens": ("bestelwagens_n1", "aantal_bestelwagens", "e_bestelwagens"),
    "vrachtwagens": ("vrachtwagens_n2_n3", "aantal_vrachtwagens", "e_vrachtwagens"),
    "aandeel_eigen_terrein": ("aandeel_eigen_terrein_%", "eigen_terrein_%", "eigen_terrein"),
    "netcapaciteit": ("netcapaciteit_toereikend",),
    "ruimte_collectief": ("ruimte_collectief_laden",),
    "behoefte_laadplein": ("laadplein", "behoefte_collectief_laadplein"),
    "bron": (),
}
# Fields compared to decide whether a row changed.
VERGELEKEN_VELDEN = (
    "laadvermogen_kw",
    "bestelwagens",
    "vrachtwagens",
    "aandeel_eigen_terrein",
    "netcapaciteit",
    "ruimte_collectief",
    "behoefte_laadplein",
    "bron",
    "gemodelleerd",
)


def _keuze(waarde, keuzes, standaard=None):
    if waarde is None or waarde == "":
        return standaard
    tekst = str(waarde).strip().lower()
    if tekst not in keuzes:
        raise WaardeFout(_("'%(waarde)s' is niet een van: %(keuzes)s") % {"waarde": waarde, "keuzes": ", ".join(keuzes)})
    return tekst


_FOUT = object()


def _lees_rij(kolommen, nummer, rij, terreinen, resultaat, nl=False):
    """Validate one row; returns (key, values) or None when the row was rejected."""
    fouten_voor = len(resultaat.afwijzingen)

    def fout(naam, reden):
        resultaat.wijs_af(nummer, kolommen.kop(naam), reden)
        return _FOUT

    def veld(naam, parser, verplicht=None):
        try:
            waarde = parser(kolommen.waarde(rij, naam))
        except WaardeFout as exc:
            return fout(naam, str(exc))
        if waarde is None and verplicht:
            return fout(naam, verplicht)
        return waarde

    rin = veld("rin", parse_geheel, _("RIN-nummer ontbreekt"))
    terrein_pk = None
    if rin is not _FOUT:
        terrein_pk = terreinen.get(rin)
        if terrein_pk is None:
            fout("rin", _("onbekend bedrijventerrein: RIN %(rin)s") % {"rin": rin})
    zichtjaar = veld("zichtjaar", parse_geheel, _("zichtjaar ontbreekt"))
    if zichtjaar is not _FOUT and zichtjaar not in ZICHTJAREN:
        fout("zichtjaar", _("zichtjaar %(jaar)s is niet 2025, 2030 of 2035") % {"jaar": zichtjaar})
    scenario = veld("scenario", lambda w: _keuze(w, Scenario.values, Scenario.MIDDEN))
    kw = veld("laadvermogen_kw", lambda w: parse_decimaal(w, nl=nl), _("laadvermogen ontbreekt"))
    if kw is not _FOUT and kw < 0:
        fout("laadvermogen_kw", _("laadvermogen mag niet negatief zijn"))
    record = {"laadvermogen_kw": kw}
    for naam in ("bestelwagens", "vrachtwagens"):
        record[naam] = veld(naam, lambda w: parse_geheel(w, nl=nl))
        if record[naam] not in (None, _FOUT) and record[naam] < 0:
            fout(naam, _("aantal mag niet negatief zijn"))
    aandeel = veld("aandeel_eigen_terrein", lambda w: parse_decimaal(w, nl=nl))
    if aandeel not in (None, _FOUT) and not (0 <= aandeel <= 100):
        fout("aandeel_eigen_terrein", _("percentage moet tussen 0 en 100 liggen"))
    record["aandeel_eigen_terrein"] = aandeel
    record["netcapaciteit"] = veld("netcapaciteit", lambda w: _keuze(w, ("ja", "deels", "nee"), Netcapaciteit.ONBEKEND))
    record["ruimte_collectief"] = veld("ruimte_collectief", parse_janee)
    record["behoefte_laadplein"] = veld("behoefte_laadplein", parse_janee)
    record["bron"] = str(kolommen.waarde(rij, "bron") or "").strip()
    record["gemodelleerd"] = False
    if len(resultaat.afwijzingen) > fouten_voor:
        return None
    record["laadvermogen_kw"] = kw.quantize(Decimal("0.1"))
    if aandeel is not None:
        record["aandeel_eigen_terrein"] = aandeel.quantize(Decimal("0.01"))
    # Values the database cannot hold (too many digits, too long) are rejected on their row.
    if not rij_valideren(Plankaart, record, nummer=nummer, kolommen=kolommen, resultaat=resultaat):
        return None
    return (terrein_pk, zichtjaar, scenario), record


def plankaarten_importeren(*, pad: Path, dry_run: bool = False, bron: str | None = None, door=None) -> ImportResultaat:
    """Import a plankaart table (CSV/XLSX) as a new version holding the new and changed rows."""
    pad = Path(pad)
    resultaat = ImportResultaat(bestand=pad.name, dry_run=dry_run)
    try:
        koppen, rijen = lees_tabel(pad)
        kolommen = kolommen_toewijzen(koppen, PLANKAART_KOLOMMEN, ("rin", "zichtjaar", "laadvermogen_kw"))
    except BestandFout as exc:
        resultaat.wijs_af(None, None, str(exc))
        return resultaat
    resultaat.waarschuwingen += [_("onbekende kolom genegeerd: %(kop)s") % {"kop": k} for k in kolommen.onbekend]
    terreinen = dict(Bedrijventerrein.objects.values_list("rin", "pk"))
    nl = scheidingsteken(pad) == ";"
    records: dict[tuple, dict] = {}
    eerste_rij: dict[tuple, int] = {}
    for nummer, rij in rijen:
        if "__te_veel__" in rij:
            resultaat.wijs_af(nummer, None, _("meer waarden dan kolommen"))
            continue
        gelezen = _lees_rij(kolommen, nummer, rij, terreinen, resultaat, nl=nl)
        if gelezen is None:
            continue
        sleutel, record = gelezen
        if sleutel in records:
            resultaat.wijs_af(
                nummer,
                kolommen.kop("zichtjaar"),
                _("dubbele rij voor dit terrein, zichtjaar en scenario (ook rij %(rij)s)") % {"rij": eerste_rij[sleutel]},
            )
            continue
        eerste_rij[sleutel] = nummer
        records[sleutel] = record
    plankaart_versie_opslaan(
        records=records, resultaat=resultaat, dry_run=dry_run, bron=bron or pad.name, bestandsnaam=pad.name, door=door
    )
    return resultaat


def plankaart_versie_opslaan(
    *, records: dict, resultaat: ImportResultaat, dry_run: bool, bron: str, bestandsnaam: str = "", gemodelleerd=False, door=None
) -> PlankaartVersie | None:
    """Compare {(terrein_id, zichtjaar, scenario): values} with the current rows; store what differs as a new version.

    Unchanged rows stay current in their old version, so importing the same file twice creates
    no version and changes nothing.
    """
    huidige = {
        (p.terrein_id, p.zichtjaar, p.scenario): p
        for p in Plankaart.objects.actueel()
        .filter(terrein_id__in={k[0] for k in records})
        .only("id", "terrein_id", "zichtjaar", "scenario", *VERGELEKEN_VELDEN)
    }
    te_maken, te_vervangen = [], []
    for sleutel, waarden in records.items():
        oud = huidige.get(sleutel)
        if oud is None:
            resultaat.nieuw += 1
        elif all(getattr(oud, v) == waarden[v] for v in VERGELEKEN_VELDEN):
            resultaat.ongewijzigd += 1
            continue
        else:
            resultaat.gewijzigd += 1
            te_vervangen.append(oud.pk)
        te_maken.append((sleutel, waarden))
    if dry_run or not resultaat.geslaagd or not te_maken:
        return None
    with transaction.atomic():
        # Serialise version numbering between concurrent imports.
        PlankaartVersie.objects.select_for_update().order_by("-nummer").first()
        nummer = (PlankaartVersie.objects.aggregate(m=Max("nummer"))["m"] or 0) + 1
        versie = PlankaartVersie.objects.create(
            nummer=nummer, bron=bron, bestandsnaam=bestandsnaam, gemodelleerd=gemodelleerd, aangemaakt_door=door
        )
        # Through audit.bulk: one audit row per replaced and per new plankaart.
        bulk.bijwerken(Plankaart.objects.filter(pk__in=te_vervangen), actueel=False)
        bulk.aanmaken(
            Plankaart,
            [
                Plankaart(terrein_id=t, zichtjaar=j, scenario=s, versie=versie, actueel=True, **waarden)
                for (t, j, s), waarden in te_maken
            ],
            batch_size=1000,
        )
    gegevens_gewijzigd.send(sender=Plankaart, bron=bron)
    return versie
