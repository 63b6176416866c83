"""Shared machinery for the importers: reading tables and geodata, parsing Dutch values, results.

Every importer follows the same contract: read and validate the whole file first, collect every
rejection (file, row, column, reason), and write only when nothing was rejected, in one
transaction. The result carries the counts `nieuw`, `gewijzigd`, `ongewijzigd` and `afgewezen`.
"""

import csv
import io
import json
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from nal_oost.uploads import MB, OngeldigBestand, bestand_controleren, max_bytes
from nal_oost.verzoek import actor_context

TABEL_EXTENSIES = {".csv", ".txt", ".xlsx"}
GEO_EXTENSIES = {".geojson", ".json", ".gpkg", ".shp"}


class BestandFout(Exception):
    """The file as a whole cannot be read (format, encoding, missing columns)."""


@dataclass
class Afwijzing:
    bestand: str
    rij: int | None
    kolom: str | None
    reden: str

    def __str__(self):
        plek = self.bestand
        if self.rij is not None:
            plek += f", rij {self.rij}"
        if self.kolom:
            plek += f", kolom '{self.kolom}'"
        return f"{plek}: {self.reden}"


@dataclass
class ImportResultaat:
    bestand: str
    dry_run: bool = False
    nieuw: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0
    afwijzingen: list[Afwijzing] = field(default_factory=list)
    waarschuwingen: list[str] = field(default_factory=list)
    # Rows that were rejected (a row can carry several rejections).
    afgewezen_rijen: set = field(default_factory=set)

    @property
    def afgewezen(self) -> int:
        return len(self.afgewezen_rijen) or (1 if self.afwijzingen else 0)

    @property
    def geslaagd(self) -> bool:
        return not self.afwijzingen

    def wijs_af(self, rij: int | None, kolom: str | None, reden: str) -> None:
        self.afwijzingen.append(Afwijzing(self.bestand, rij, kolom, str(reden)))
        self.afgewezen_rijen.add(rij)

    def as_dict(self) -> dict:
        return {
            "bestand": self.bestand,
            "dry_run": self.dry_run,
            "nieuw": self.nieuw,
            "gewijzigd": self.gewijzigd,
            "ongewijzigd": self.ongewijzigd,
            "afgewezen": self.afgewezen,
            "afwijzingen": [asdict(a) for a in self.afwijzingen],
            "waarschuwingen": self.waarschuwingen,
        }


def normaliseer_kop(kop: str) -> str:
    """'Laadvermogen (kW)' → 'laadvermogen_kw'; spaces, '-' and '_' are equivalent."""
    kop = (kop or "").strip().lstrip("\ufeff").lower()
    return re.sub(r"[^0-9a-z%]+", "_", kop).strip("_")


@dataclass
class Kolommen:
    """Maps canonical field names to the column heading found in the file."""

    koppen: dict[str, str]
    onbekend: list[str]

    def waarde(self, rij: dict, veld: str):
        kop = self.koppen.get(veld)
        if kop is None:
            return None
        waarde = rij.get(kop)
        if isinstance(waarde, str):
            waarde = waarde.strip()
            return waarde or None
        return waarde

    def kop(self, veld: str) -> str:
        return self.koppen.get(veld, veld)


def kolommen_toewijzen(koppen, aliassen: dict[str, tuple[str, ...]], verplicht, genegeerd=()) -> Kolommen:
    """Match file headings to fields; raise BestandFout listing every required column that is missing."""
    gevonden: dict[str, str] = {}
    onbekend = []
    alias_naar_veld = {normaliseer_kop(a): veld for veld, namen in aliassen.items() for a in (veld, *namen)}
    negeer = {normaliseer_kop(g) for g in genegeerd}
    for kop in koppen:
        sleutel = normaliseer_kop(kop)
        veld = alias_naar_veld.get(sleutel)
        if veld and veld not in gevonden:
            gevonden[veld] = kop
        elif sleutel and sleutel not in negeer:
            onbekend.append(kop)
    ontbrekend = [v for v in verplicht if v not in gevonden]
    if ontbrekend:
        raise BestandFout(_("verplichte kolom ontbreekt: %(kolommen)s") % {"kolommen": ", ".join(ontbrekend)})
    return Kolommen(gevonden, onbekend)


def _decodeer(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise BestandFout(_("het bestand is geen tekst in UTF-8 of Windows-1252 (mogelijk UTF-16 of binair)"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise BestandFout(
            _("tekencodering niet herkend: byte 0x%(byte)02x op positie %(pos)d is geen UTF-8 en geen Windows-1252")
            % {"byte": data[exc.start], "pos": exc.start}
        ) from exc


# Where a header row is looked for when the file may have title rows above it.
KOP_ZOEKEN_RIJEN = 30
# A row whose first text says this is a totals row, not a record.
TOTAAL_WOORDEN = ("totaal", "subtotaal", "total", "totals", "som", "gemiddelde", "gemiddeld")


def lees_tabel(pad: Path, *, kop_herkennen=None) -> tuple[list[str], list[tuple[int, dict]]]:
    """Read a CSV (`;`, `,` or tab; UTF-8 with or without BOM, or Windows-1252) or an XLSX sheet.

    Returns the headings and (row number as the user sees it, {heading: value}) pairs. Without
    `kop_herkennen` the heading is row 1. With it (a function of a row's normalised cells), the
    heading is the first of the first KOP_ZOEKEN_RIJEN rows it accepts, so title rows above the
    table are skipped; BestandFout says so when no row qualifies. XLSX cells are read as their
    cached values (a formula's last computed result); a formula without one is refused by cell.
    """
    pad = Path(pad)
    grootte, maximum = pad.stat().st_size, max_bytes("import")
    if grootte > maximum:
        raise BestandFout(
            _("het bestand is %(mb).1f MB; het maximum is %(max).0f MB") % {"mb": grootte / MB, "max": maximum / MB}
        )
    if pad.suffix.lower() == ".xlsx":
        return _lees_xlsx(pad, kop_herkennen)
    tekst = _decodeer(pad.read_bytes())
    if kop_herkennen is None:
        eerste_regel = tekst.split("\n", 1)[0]
        scheidingsteken = max((";", ",", "\t"), key=eerste_regel.count)
    else:
        scheidingsteken = _scheidingsteken_met_kop(tekst, kop_herkennen)
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheidingsteken)
    koppen = None
    for nummer, waarden in enumerate(lezer, start=1):
        if kop_herkennen is None or kop_herkennen([normaliseer_kop(w) for w in waarden]):
            koppen = [k.strip() for k in waarden]
            kop_rij = nummer
            break
        if nummer >= KOP_ZOEKEN_RIJEN:
            break
    if koppen is None:
        if kop_herkennen is None or not tekst.strip():
            raise BestandFout(_("het bestand is leeg"))
        raise BestandFout(_geen_kop_melding())
    _controleer_unieke_koppen(koppen)
    rijen = []
    for nummer, waarden in enumerate(lezer, start=kop_rij + 1):
        if not any(w.strip() for w in waarden):
            continue
        if len(waarden) > len(koppen):
            rijen.append((nummer, {"__te_veel__": len(waarden)}))
            continue
        rijen.append((nummer, dict(zip(koppen, waarden, strict=False))))
    return koppen, rijen


def _geen_kop_melding() -> str:
    return _("geen kopregel gevonden in de eerste %(n)d rijen: zet de kolomnamen (zoals 'RIN') in één rij boven de gegevens") % {
        "n": KOP_ZOEKEN_RIJEN
    }


def _scheidingsteken_met_kop(tekst: str, kop_herkennen) -> str:
    """The separator under which one of the first rows is a recognised header (title rows may have none)."""
    regels = tekst.splitlines()[:KOP_ZOEKEN_RIJEN]
    for teken in (";", ",", "\t"):
        for waarden in csv.reader(regels, delimiter=teken):
            if len(waarden) > 1 and kop_herkennen([normaliseer_kop(w) for w in waarden]):
                return teken
    raise BestandFout(_geen_kop_melding())


def is_totaalrij(rij: dict) -> bool:
    """A totals row under the table ('Totaal', 'Som', 'Gemiddelde' …) rather than a record."""
    for waarde in rij.values():
        if isinstance(waarde, str) and waarde.strip():
            eerste = normaliseer_kop(waarde).split("_", 1)[0]
            return eerste in TOTAAL_WOORDEN
    return False


def _controleer_unieke_koppen(koppen: list[str]) -> None:
    gezien = set()
    for kop in koppen:
        sleutel = normaliseer_kop(kop)
        if sleutel and sleutel in gezien:
            raise BestandFout(_("kolom '%(kop)s' komt meer dan eens voor") % {"kop": kop})
        gezien.add(sleutel)


def scheidingsteken(pad: Path, *, kop_herkennen=None) -> str | None:
    """The CSV separator of a text file (`;` means the Dutch Excel dialect: decimal comma, dot for thousands).

    With `kop_herkennen`, the separator of the header row found as `lees_tabel` finds it.
    """
    if Path(pad).suffix.lower() == ".xlsx":
        return None
    if kop_herkennen is not None:
        return _scheidingsteken_met_kop(_decodeer(Path(pad).read_bytes()), kop_herkennen)
    with open(pad, "rb") as f:
        eerste = f.readline()
    return max((b";", b",", b"\t"), key=eerste.count).decode()


def _xlsx_openen(pad: Path, *, data_only: bool):
    from openpyxl import load_workbook

    return load_workbook(pad, read_only=True, data_only=data_only)


def _lees_xlsx(pad: Path, kop_herkennen=None):
    """Read the first sheet, after the checks every uploaded XLSX gets (zip limits, content types, no DTD).

    openpyxl parses with defusedxml when it is installed (it is a requirement), so entity expansion
    and external entities are off even for a part the checks let through; its refusal is a file error.
    """
    from defusedxml import DefusedXmlException

    with open(pad, "rb") as bestand:
        try:
            bestand_controleren("xlsx", bestand)
        except OngeldigBestand as fout:
            raise BestandFout(_("geen geldig XLSX-bestand: %(reden)s") % {"reden": fout.reden}) from fout
    try:
        return _xlsx_rijen(pad, kop_herkennen)
    except BestandFout:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure to parse the user's file is a file error, not a crash
        oorzaak = exc
        while oorzaak is not None and not isinstance(oorzaak, DefusedXmlException):
            oorzaak = oorzaak.__cause__ or oorzaak.__context__
        if oorzaak is not None:
            # openpyxl wraps defusedxml's refusal in a ValueError.
            raise BestandFout(
                _("geen geldig XLSX-bestand: de XML bevat een DTD of entiteiten (%(fout)s)") % {"fout": type(oorzaak).__name__}
            ) from exc
        raise BestandFout(
            _("geen geldig XLSX-bestand: %(fout)s") % {"fout": str(exc).splitlines()[0] if str(exc) else type(exc).__name__}
        ) from exc


def _xlsx_rijen(pad: Path, kop_herkennen):
    from openpyxl.utils import get_column_letter

    boek = _xlsx_openen(pad, data_only=True)
    # The same sheet with formulas instead of values: to name a formula cell that has no cached value.
    formules = _xlsx_openen(pad, data_only=False)
    try:
        blad = boek.worksheets[0]
        regels = zip(blad.iter_rows(values_only=True), formules.worksheets[0].iter_rows(values_only=True), strict=False)
        koppen = None
        for nummer, (waarden, _f) in enumerate(regels, start=1):
            tekst = [str(k).strip() if k is not None else "" for k in waarden]
            if kop_herkennen is None or kop_herkennen([normaliseer_kop(k) for k in tekst]):
                koppen, kop_rij = tekst, nummer
                break
            if nummer >= KOP_ZOEKEN_RIJEN:
                break
        if koppen is None:
            if kop_herkennen is None:
                raise BestandFout(_("het werkblad is leeg"))
            raise BestandFout(_geen_kop_melding())
        _controleer_unieke_koppen(koppen)
        rijen, zonder_waarde = [], []
        for nummer, (waarden, formulewaarden) in enumerate(regels, start=kop_rij + 1):
            for i, (waarde, formule) in enumerate(zip(waarden, formulewaarden, strict=False)):
                if waarde is None and isinstance(formule, str) and formule.startswith("="):
                    kop = koppen[i] if i < len(koppen) else ""
                    zonder_waarde.append(f"{get_column_letter(i + 1)}{nummer}" + (f" ('{kop}')" if kop else ""))
            if all(w is None or (isinstance(w, str) and not w.strip()) for w in waarden):
                continue
            rijen.append((nummer, {k: ("" if w is None else w) for k, w in zip(koppen, waarden, strict=False)}))
    finally:
        boek.close()
        formules.close()
    if zonder_waarde:
        raise BestandFout(
            _(
                "formule zonder berekende waarde in cel %(cellen)s: open het bestand in Excel of LibreOffice en sla het "
                "opnieuw op (dan worden de uitkomsten bewaard), of vul de waarden zelf in"
            )
            % {"cellen": ", ".join(zonder_waarde[:10]) + (" …" if len(zonder_waarde) > 10 else "")}
        )
    return koppen, rijen


class WaardeFout(ValueError):
    pass


DUIZENDTALLEN = re.compile(r"^-?[0-9]{1,3}(\.[0-9]{3})+$")


def parse_decimaal(waarde, *, nl: bool = False) -> Decimal | None:
    """Parse '1.234,5', '1234,5', '1234.5' or a number from a spreadsheet.

    With `nl` (a `;`-separated file: the Dutch Excel dialect) a dot only groups thousands, so
    '1.234' is 1234; otherwise a lone dot is the decimal point.
    """
    if waarde is None or waarde == "":
        return None
    if isinstance(waarde, (int, float, Decimal)) and not isinstance(waarde, bool):
        return Decimal(str(waarde))
    tekst = str(waarde).strip().replace("\u00a0", "").replace(" ", "")
    if "," in tekst or (nl and DUIZENDTALLEN.match(tekst)):
        tekst = tekst.replace(".", "").replace(",", ".")
    try:
        getal = Decimal(tekst)
    except InvalidOperation as exc:
        raise WaardeFout(_("'%(waarde)s' is geen getal") % {"waarde": waarde}) from exc
    if not getal.is_finite():
        raise WaardeFout(_("'%(waarde)s' is geen getal") % {"waarde": waarde})
    return getal


def parse_geheel(waarde, *, nl: bool = False) -> int | None:
    getal = parse_decimaal(waarde, nl=nl)
    if getal is None:
        return None
    if getal != getal.to_integral_value():
        raise WaardeFout(_("'%(waarde)s' is geen geheel getal") % {"waarde": waarde})
    return int(getal)


JA = {"ja", "j", "yes", "y", "true", "waar", "1"}
NEE = {"nee", "n", "no", "false", "onwaar", "0"}


def parse_janee(waarde) -> bool | None:
    if waarde is None or waarde == "":
        return None
    if isinstance(waarde, bool):
        return waarde
    tekst = str(waarde).strip().lower()
    if tekst in JA:
        return True
    if tekst in NEE:
        return False
    raise WaardeFout(_("'%(waarde)s' is geen ja/nee") % {"waarde": waarde})


@dataclass
class GeoRij:
    rij: int
    eigenschappen: dict
    geometrie: object | None  # GEOSGeometry in EPSG:28992
    fout: str | None = None


def lees_geo(pad: Path, doel_srid: int) -> tuple[list[str], list[GeoRij]]:
    """Read the first layer of a GeoJSON, GeoPackage or Shapefile through GDAL/OGR.

    Geometry is reprojected from the layer's declared CRS to `doel_srid`; a layer without a CRS
    is refused (except GeoJSON, which is CRS84 by definition). Invalid geometry is reported on its
    row, never silently repaired.
    """
    from django.contrib.gis.gdal import CoordTransform, DataSource, GDALException, SpatialReference

    try:
        bron = DataSource(str(pad))
    except GDALException as exc:
        raise BestandFout(_("GDAL kan het bestand niet lezen: %(fout)s") % {"fout": exc}) from exc
    if bron.layer_count < 1:
        raise BestandFout(_("het bestand bevat geen laag"))
    laag = bron[0]
    srs = laag.srs
    if srs is None:
        if Path(pad).suffix.lower() in {".geojson", ".json"}:
            srs = SpatialReference(4326)
        else:
            raise BestandFout(_("het coördinatenstelsel ontbreekt (geen .prj of CRS in het bestand)"))
    doel = SpatialReference(doel_srid)
    transformatie = CoordTransform(srs, doel)
    koppen = list(laag.fields)
    rijen = []
    for nummer, feature in enumerate(laag, start=1):
        eigenschappen = {naam: feature.get(naam) for naam in koppen}
        try:
            geom = feature.geom
        except GDALException:
            geom = None  # GDAL reports a feature without geometry ("geometry": null) as an invalid pointer
        if geom is None or geom.geom_type.name.upper() == "NONE":
            rijen.append(GeoRij(nummer, eigenschappen, None))
            continue
        try:
            geom = geom.clone()
            geom.set_3d(False)
            geom.transform(transformatie)
            geos = geom.geos
            geos.srid = doel_srid
        except (GDALException, Exception) as exc:  # noqa: BLE001 - any GDAL/GEOS failure is a row error
            rijen.append(GeoRij(nummer, eigenschappen, None, _("geometrie onleesbaar: %(fout)s") % {"fout": exc}))
            continue
        if geos.geom_type not in ("Polygon", "MultiPolygon"):
            rijen.append(
                GeoRij(
                    nummer, eigenschappen, None, _("geometrie is %(type)s, verwacht (Multi)Polygon") % {"type": geos.geom_type}
                )
            )
            continue
        if not geos.valid:
            rijen.append(GeoRij(nummer, eigenschappen, None, _("ongeldige geometrie: %(reden)s") % {"reden": geos.valid_reason}))
            continue
        if geos.geom_type == "Polygon":
            from django.contrib.gis.geos import MultiPolygon

            geos = MultiPolygon(geos, srid=doel_srid)
        rijen.append(GeoRij(nummer, eigenschappen, geos))
    return koppen, rijen


def is_geobestand(pad: Path) -> bool:
    return Path(pad).suffix.lower() in GEO_EXTENSIES


def rij_valideren(model, record: dict, *, nummer: int, kolommen: "Kolommen", resultaat: ImportResultaat) -> bool:
    """Check a row's values against the model's field rules (lengths, digits) on its own row; no database access."""
    obj = model(**record)
    uitgesloten = [f.name for f in model._meta.concrete_fields if f.name not in record or f.is_relation]
    try:
        obj.clean_fields(exclude=uitgesloten)
    except ValidationError as exc:
        for veld, fouten in exc.message_dict.items():
            resultaat.wijs_af(nummer, kolommen.kop(veld), " ".join(fouten))
        return False
    return True


class ImportCommand(BaseCommand):
    """Base for `import_*` commands: PATH, --dry-run, --json; exit status 1 when anything is rejected."""

    def add_arguments(self, parser):
        parser.add_argument("pad", help="bestand om te importeren")
        parser.add_argument("--dry-run", action="store_true", help="alleen controleren en tellen, niets schrijven")
        parser.add_argument("--json", action="store_true", help="het resultaat als één JSON-object afdrukken")

    def importeer(self, pad: Path, dry_run: bool) -> ImportResultaat:
        raise NotImplementedError

    def handle(self, *args, **opties):
        pad = Path(opties["pad"])
        if not pad.exists():
            raise CommandError(f"{pad}: bestand bestaat niet")
        # Every audit row of the import names the command, also when it is called from code.
        with actor_context(f"commando {self.__module__.rsplit('.', 1)[-1]}"):
            resultaat = self.importeer(pad, opties["dry_run"])
        if opties["json"]:
            self.stdout.write(json.dumps(resultaat.as_dict(), ensure_ascii=False))
        else:
            self.stdout.write(rapport(resultaat))
        if not resultaat.geslaagd:
            raise SystemExit(1)


def rapport(resultaat: ImportResultaat) -> str:
    regels = [
        ("Proefimport (niets geschreven): " if resultaat.dry_run else "")
        + f"{resultaat.bestand}: nieuw {resultaat.nieuw}, gewijzigd {resultaat.gewijzigd}, "
        f"ongewijzigd {resultaat.ongewijzigd}, afgewezen {resultaat.afgewezen}"
    ]
    regels += [f"  waarschuwing: {w}" for w in resultaat.waarschuwingen]
    regels += [f"  afgewezen: {a}" for a in resultaat.afwijzingen]
    if resultaat.afwijzingen:
        regels.append("Er is niets geschreven.")
    return "\n".join(regels)
