"""Importers for municipalities (CBS/PDOK) and business parks (IBIS)."""

import re
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import bulk
from nal_oost.importeren import (
    BestandFout,
    ImportResultaat,
    WaardeFout,
    is_geobestand,
    kolommen_toewijzen,
    lees_geo,
    lees_tabel,
    parse_decimaal,
    parse_geheel,
    rij_valideren,
    scheidingsteken,
)
from nal_oost.signalen import gegevens_gewijzigd
from terreinen.models import RD_NEW, Bedrijventerrein, Gemeente, Provincie
from terreinen.services.aanmaken import terreinen_aanmaken

GEO_TOLERANTIE_M = 0.01

GEMEENTE_KOLOMMEN = {
    "code": ("gemeentecode", "gm_code", "statcode", "cbs_code"),
    "naam": ("name", "gemeentenaam", "statnaam"),
    "provincie": ("province", "provincienaam"),
    "provincie_code": ("province_code", "provinciecode"),
    "oppervlakte_land_ha": ("land_area_ha", "oppervlakte_land_in_ha", "oppervlaktelandinha"),
    "inwoners": ("inhabitants_2023", "inhabitants", "aantal_inwoners", "aantalinwoners"),
}

TERREIN_KOLOMMEN = {
    "rin": ("ibis_rin", "rin_nummer", "rin_nr"),
    "naam": ("name", "plan_naam", "plannaam"),
    "gemeente_code": ("municipality_code", "gem_codes", "gem_code", "gemeentecode"),
    "peiljaar": ("jaar",),
    "ha_bruto": (),
    "ha_netto": (),
    "ha_uitgeefbaar": ("ha_tottuit",),
    "wloc_type": ("werklocatietype",),
}
# Joined, informational columns of our own CSV export; not imported, not reported as unknown.
TERREIN_GENEGEERD = ("municipality", "province", "gemeente", "provincie")


def _gemeentecode(waarde) -> str:
    """'GM0197', 'gm197', '0197' or 197 → 'GM0197'; the first code when several are listed."""
    tekst = str(waarde).strip().upper().split(",")[0].split(";")[0].strip()
    m = re.fullmatch(r"(?:GM)?0*([0-9]{1,4})", tekst)
    if not m:
        raise WaardeFout(_("'%(waarde)s' is geen CBS-gemeentecode (GMxxxx)") % {"waarde": waarde})
    return f"GM{int(m.group(1)):04d}"


def _lees(pad: Path, aliassen, verplicht, genegeerd=()):
    """Rows as (row number, {heading: value}, geometry or None, geometry error) plus column mapping."""
    if is_geobestand(pad):
        koppen, georijen = lees_geo(pad, RD_NEW)
        rijen = [(g.rij, g.eigenschappen, g.geometrie, g.fout) for g in georijen]
    else:
        koppen, tabelrijen = lees_tabel(pad)
        rijen = [(nummer, rij, None, None) for nummer, rij in tabelrijen]
    return kolommen_toewijzen(koppen, aliassen, verplicht, genegeerd), rijen, is_geobestand(pad)


def _gelijk(oud, nieuw) -> bool:
    if isinstance(nieuw, Model):
        return oud == nieuw.pk
    if hasattr(nieuw, "equals_exact"):
        return oud is not None and oud.equals_exact(nieuw, GEO_TOLERANTIE_M)
    if isinstance(nieuw, Decimal) and oud is not None:
        return Decimal(oud) == nieuw
    return oud == nieuw


def _huidige_waarde(obj, veld: str, nieuw):
    # Foreign keys compare by id, so checking a row costs no query.
    if isinstance(nieuw, Model):
        return getattr(obj, f"{veld}_id")
    return getattr(obj, veld)


def synchroniseer(model, sleutelveld: str, records: dict, resultaat: ImportResultaat, dry_run: bool) -> list:
    """Create or update `model` rows from {key: {field: value}}; only fields in a record are touched.

    Counts new/changed/unchanged on `resultaat`; writes nothing on a dry run or when anything was
    rejected. Returns the objects that were created or changed.
    """
    velden_in_bestand = {v for waarden in records.values() for v in waarden}
    bestaand = model.objects.only(sleutelveld, *velden_in_bestand).in_bulk(list(records), field_name=sleutelveld)
    nieuw, gewijzigd, velden = [], [], set()
    for sleutel, waarden in records.items():
        obj = bestaand.get(sleutel)
        if obj is None:
            obj = model(**{sleutelveld: sleutel}, **waarden)
            if "netbeheerder" in waarden and hasattr(obj, "netbeheerder_bron_volgen"):
                obj.netbeheerder_bron_volgen()
            nieuw.append(obj)
            continue
        verschil = [v for v, w in waarden.items() if not _gelijk(_huidige_waarde(obj, v, w), w)]
        if verschil:
            for veld in verschil:
                setattr(obj, veld, waarden[veld])
            velden.update(verschil)
            # Rules the model keeps on save (e.g. a netbeheerder entered by hand) hold for bulk updates too.
            if "netbeheerder" in verschil and hasattr(obj, "netbeheerder_bron_volgen") and obj.netbeheerder_bron_volgen():
                velden.add("netbeheerder_bron")
            gewijzigd.append(obj)
        else:
            resultaat.ongewijzigd += 1
    resultaat.nieuw += len(nieuw)
    resultaat.gewijzigd += len(gewijzigd)
    if dry_run or not resultaat.geslaagd:
        return []
    if gewijzigd and any(f.name == "gewijzigd_op" for f in model._meta.concrete_fields):
        # bulk_update does not run auto_now.
        nu = timezone.now()
        for obj in gewijzigd:
            obj.gewijzigd_op = nu
        velden.add("gewijzigd_op")
    with transaction.atomic():
        # Through audit.bulk: one audit row per created or changed object, as a save would write.
        if model is Bedrijventerrein:
            terreinen_aanmaken(nieuw)
        else:
            bulk.aanmaken(model, nieuw)
        bulk.bijwerken_objecten(model, gewijzigd, sorted(velden))
    if nieuw or gewijzigd:
        gegevens_gewijzigd.send(sender=model, bron="import")
    return nieuw + gewijzigd


def gemeenten_importeren(*, pad: Path, dry_run: bool = False) -> ImportResultaat:
    """Import CBS municipalities from CSV or GeoJSON; geometry and attributes only where the file has them."""
    pad = Path(pad)
    resultaat = ImportResultaat(bestand=pad.name, dry_run=dry_run)
    try:
        kolommen, rijen, met_geo = _lees(pad, GEMEENTE_KOLOMMEN, ("code", "naam"))
    except BestandFout as exc:
        resultaat.wijs_af(None, None, str(exc))
        return resultaat
    resultaat.waarschuwingen += [_("onbekende kolom genegeerd: %(kop)s") % {"kop": k} for k in kolommen.onbekend]
    provincies = {p.code: p for p in Provincie.objects.all()}
    provincie_op_naam = {p.naam.lower(): p for p in provincies.values()}
    bestaande_codes = set(Gemeente.objects.values_list("code", flat=True))
    records: dict[str, dict] = {}
    gezien: dict[str, int] = {}
    for nummer, rij, geometrie, geofout in rijen:
        if "__te_veel__" in rij:
            resultaat.wijs_af(nummer, None, _("meer waarden dan kolommen"))
            continue
        fouten_voor = len(resultaat.afwijzingen)
        record = {}
        try:
            code = _gemeentecode(kolommen.waarde(rij, "code") or "")
        except WaardeFout as exc:
            resultaat.wijs_af(nummer, kolommen.kop("code"), str(exc))
            continue
        if code in gezien:
            resultaat.wijs_af(
                nummer,
                kolommen.kop("code"),
                _("gemeentecode %(code)s staat dubbel in het bestand (ook rij %(rij)s)") % {"code": code, "rij": gezien[code]},
            )
            continue
        gezien[code] = nummer
        naam = kolommen.waarde(rij, "naam")
        if not naam:
            resultaat.wijs_af(nummer, kolommen.kop("naam"), _("naam ontbreekt"))
        record["naam"] = naam
        pcode = kolommen.waarde(rij, "provincie_code")
        pnaam = kolommen.waarde(rij, "provincie")
        provincie = provincies.get(str(pcode).upper()) if pcode else provincie_op_naam.get(str(pnaam).lower()) if pnaam else None
        if provincie:
            record["provincie"] = provincie
        elif pcode or pnaam:
            resultaat.wijs_af(
                nummer,
                kolommen.kop("provincie_code" if pcode else "provincie"),
                _("onbekende provincie '%(p)s'") % {"p": pcode or pnaam},
            )
        elif code not in bestaande_codes:
            resultaat.wijs_af(
                nummer, kolommen.kop("provincie"), _("provincie ontbreekt voor nieuwe gemeente %(code)s") % {"code": code}
            )
        for veld in ("oppervlakte_land_ha", "inwoners"):
            if veld in kolommen.koppen:
                try:
                    record[veld] = parse_geheel(kolommen.waarde(rij, veld))
                except WaardeFout as exc:
                    resultaat.wijs_af(nummer, kolommen.kop(veld), str(exc))
        if met_geo:
            if geofout:
                resultaat.wijs_af(nummer, "geometrie", geofout)
            elif geometrie is not None:
                record["geometrie"] = geometrie
        if len(resultaat.afwijzingen) == fouten_voor and rij_valideren(
            Gemeente, record, nummer=nummer, kolommen=kolommen, resultaat=resultaat
        ):
            records[code] = record
    synchroniseer(Gemeente, "code", records, resultaat, dry_run)
    return resultaat


def terreinen_importeren(*, pad: Path, dry_run: bool = False) -> ImportResultaat:
    """Import IBIS business parks from CSV, GeoJSON, GeoPackage or Shapefile, keyed by RIN."""
    pad = Path(pad)
    resultaat = ImportResultaat(bestand=pad.name, dry_run=dry_run)
    try:
        kolommen, rijen, met_geo = _lees(pad, TERREIN_KOLOMMEN, ("rin", "naam", "gemeente_code"), TERREIN_GENEGEERD)
    except BestandFout as exc:
        resultaat.wijs_af(None, None, str(exc))
        return resultaat
    resultaat.waarschuwingen += [_("onbekende kolom genegeerd: %(kop)s") % {"kop": k} for k in kolommen.onbekend]
    gemeenten = {g.code: g for g in Gemeente.objects.all()}
    nl = not met_geo and scheidingsteken(pad) == ";"

    def decimaal(waarde):
        return parse_decimaal(waarde, nl=nl)

    records: dict[int, dict] = {}
    eerste_rij: dict[int, int] = {}
    for nummer, rij, geometrie, geofout in rijen:
        if "__te_veel__" in rij:
            resultaat.wijs_af(nummer, None, _("meer waarden dan kolommen"))
            continue
        fouten_voor = len(resultaat.afwijzingen)
        record = {}
        try:
            rin = parse_geheel(kolommen.waarde(rij, "rin"))
            if rin is None or rin <= 0:
                raise WaardeFout(_("RIN-nummer ontbreekt of is niet positief"))
        except WaardeFout as exc:
            resultaat.wijs_af(nummer, kolommen.kop("rin"), str(exc))
            continue
        if rin in eerste_rij:
            resultaat.wijs_af(
                nummer,
                kolommen.kop("rin"),
                _("RIN %(rin)s staat dubbel in het bestand (ook rij %(rij)s)") % {"rin": rin, "rij": eerste_rij[rin]},
            )
            continue
        eerste_rij[rin] = nummer
        naam = kolommen.waarde(rij, "naam")
        if not naam:
            resultaat.wijs_af(nummer, kolommen.kop("naam"), _("naam ontbreekt"))
        record["naam"] = str(naam or "").strip()
        try:
            code = _gemeentecode(kolommen.waarde(rij, "gemeente_code") or "")
            if code not in gemeenten:
                raise WaardeFout(_("onbekende gemeentecode %(code)s (importeer eerst de gemeenten)") % {"code": code})
            record["gemeente"] = gemeenten[code]
        except WaardeFout as exc:
            resultaat.wijs_af(nummer, kolommen.kop("gemeente_code"), str(exc))
        for veld, parser in (
            ("peiljaar", parse_geheel),
            ("ha_bruto", decimaal),
            ("ha_netto", decimaal),
            ("ha_uitgeefbaar", decimaal),
        ):
            if veld not in kolommen.koppen:
                continue
            try:
                waarde = parser(kolommen.waarde(rij, veld))
                if waarde is not None and waarde < 0:
                    raise WaardeFout(_("waarde mag niet negatief zijn"))
                if isinstance(waarde, Decimal):
                    waarde = waarde.quantize(Decimal("0.0001"))
                record[veld] = waarde
            except WaardeFout as exc:
                resultaat.wijs_af(nummer, kolommen.kop(veld), str(exc))
        if "wloc_type" in kolommen.koppen:
            record["wloc_type"] = str(kolommen.waarde(rij, "wloc_type") or "").strip()
        if met_geo:
            if geofout:
                resultaat.wijs_af(nummer, "geometrie", geofout)
            elif geometrie is not None:
                record["geometrie"] = geometrie
                record["geometrie_bron"] = Bedrijventerrein.GeometrieBron.IBIS
        if len(resultaat.afwijzingen) == fouten_voor and rij_valideren(
            Bedrijventerrein, record, nummer=nummer, kolommen=kolommen, resultaat=resultaat
        ):
            records[rin] = record
    synchroniseer(Bedrijventerrein, "rin", records, resultaat, dry_run)
    return resultaat


def provinciegrenzen_importeren(*, pad: Path, dry_run: bool = False) -> ImportResultaat:
    """Set province outlines from a GeoJSON with a `code` (PVxx) per feature."""
    pad = Path(pad)
    resultaat = ImportResultaat(bestand=pad.name, dry_run=dry_run)
    try:
        kolommen, rijen, _met_geo = _lees(
            pad, {"code": ("statcode", "provinciecode")}, ("code",), ("name", "naam", "municipalities")
        )
    except BestandFout as exc:
        resultaat.wijs_af(None, None, str(exc))
        return resultaat
    bekend = set(Provincie.objects.values_list("code", flat=True))
    records = {}
    for nummer, rij, geometrie, geofout in rijen:
        code = str(kolommen.waarde(rij, "code") or "").upper()
        if code not in bekend:
            resultaat.wijs_af(nummer, kolommen.kop("code"), _("onbekende provincie '%(p)s'") % {"p": code})
        elif geofout:
            resultaat.wijs_af(nummer, "geometrie", geofout)
        elif geometrie is not None:
            records[code] = {"geometrie": geometrie}
    synchroniseer(Provincie, "code", records, resultaat, dry_run)
    return resultaat
