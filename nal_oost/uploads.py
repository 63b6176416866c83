"""Uploaded and stored files: the one validator and the one function that serves them.

Validating: every FileField (model and form) carries `UploadValidator(<kind>)`:

    bestand = models.FileField(upload_to=..., validators=[UploadValidator("document")])
    bestand = forms.FileField(validators=[UploadValidator("toolbox")])

The kind (`UPLOADSOORTEN`) says which extensions are allowed; its size limit comes from one
setting, `NAL_UPLOAD_MAX_MB[kind]` (environment `NAL_UPLOAD_MAX_MB_<KIND>`). Then the content must
really be that kind of file, by its bytes, never its name:

* text (CSV, TXT, JSON): valid UTF-8 or Windows-1252 without NUL bytes, and no HTML or script
  anywhere in the file (the whole file is read, not only its start);
* PDF, PNG, JPEG: the right magic bytes and no HTML or script anywhere (polyglots);
* OOXML (docx, xlsx, pptx) and ODF (odt, ods, odp): a real zip with at most
  `NAL_ZIP_MAX_ONDERDELEN` entries, `NAL_ZIP_MAX_UITGEPAKT_MB` in total once unpacked and no entry
  packed more than `NAL_ZIP_MAX_RATIO` times (zip bombs); the content types (or ODF mimetype) of
  that kind, no macros, and no DTD or entity declarations in any XML part (XXE, "billion laughs").

HTML, SVG, scripts and executables are never accepted. A refusal is a ValidationError in Dutch
naming the file and the reason. The import commands read files through the same checks
(`bestand_controleren`), before openpyxl, which itself parses with defusedxml (entities off).

Serving, from a view that has already checked access (nal_oost.rechten):

    return bestand_serveren(document.bestand, bestandsnaam=document.naam)

`bestand_serveren` is the only way a stored file leaves the application: an attachment with a
safe file name, the content type derived from the extension (never from the upload),
`X-Content-Type-Options: nosniff`, `Cache-Control: no-store` and a sandboxing CSP. Generated
downloads (CSV/XLSX exports, the factsheet ZIP) set the same headers with `download_headers`.
"""

import codecs
import io
import itertools
import mimetypes
import os
import uuid
import zipfile
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format
from django.utils.http import content_disposition_header
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

MB = 1024 * 1024

MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "csv": "text/csv",
    "txt": "text/plain",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "geojson": "application/geo+json",
    "json": "application/json",
    "gpkg": "application/geopackage+sqlite3",
    "zip": "application/zip",
}
OMSCHRIJVING = {
    "pdf": "PDF",
    "docx": "Word",
    "xlsx": "Excel",
    "pptx": "PowerPoint",
    "odt": "OpenDocument-tekst",
    "ods": "OpenDocument-rekenblad",
    "odp": "OpenDocument-presentatie",
    "csv": "CSV",
    "txt": "tekst",
    "png": "PNG-afbeelding",
    "jpg": "JPEG-afbeelding",
    "jpeg": "JPEG-afbeelding",
}

# The kinds of upload: the extensions each accepts. The size limit per kind: settings.NAL_UPLOAD_MAX_MB.
UPLOADSOORTEN = {
    "document": ("pdf", "docx", "xlsx", "odt", "png", "jpg", "jpeg"),
    "toolbox": ("pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt", "png", "jpg", "jpeg"),
    "import": ("csv", "txt", "xlsx"),
    "factsheet": ("pdf",),
}

# OOXML: the main part's content type, which [Content_Types].xml must declare, and the part's folder.
_OOXML = {
    "docx": (b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/"),
    "xlsx": (b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/"),
    "pptx": (b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", "ppt/"),
}
_ODF_TYPE = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
# Never accepted, whatever a kind says: browsers run scripts in these.
VERBODEN = {"html", "htm", "xhtml", "svg", "svgz", "xml", "js", "mjs", "exe", "dll", "bat", "cmd", "sh", "ps1", "msi", "jar"}
# Markup a browser would run or render, searched (case-insensitively) through the whole file.
ACTIEVE_INHOUD = (
    b"<script",
    b"<html",
    b"<!doctype html",
    b"<svg",
    b"<?php",
    b"<iframe",
    b"<object",
    b"<embed",
    b"<body",
    b"<meta",
    b"<img",
    b"<?xml-stylesheet",
)
_DTD = (b"<!doctype", b"<!entity")
_BLOK = 64 * 1024
# Entries smaller than this are not held to the compression ratio (tiny parts compress a lot).
_RATIO_VANAF = 1 * MB


class OngeldigBestand(Exception):
    """The content is not acceptable; `reden` says why, in Dutch, without the file name."""

    def __init__(self, reden: str, code: str = "inhoud"):
        super().__init__(reden)
        self.reden = reden
        self.code = code


def max_bytes(soort: str) -> int:
    """The size limit of one kind of upload, from settings.NAL_UPLOAD_MAX_MB."""
    return int(settings.NAL_UPLOAD_MAX_MB[soort] * MB)


def toegestane_extensies(soort: str) -> str:
    return ", ".join(f".{e}" for e in UPLOADSOORTEN[soort])


# -- reading ---------------------------------------------------------------------------------------


def _naar_begin(bestand) -> None:
    bestand.seek(0)


def _blokken(stroom, grootte: int = _BLOK) -> Iterable[bytes]:
    while True:
        blok = stroom.read(grootte)
        if not blok:
            return
        yield blok if isinstance(blok, bytes) else blok.encode()


def _zoek(blokken: Iterable[bytes], patronen: tuple[bytes, ...]) -> tuple[bytes, int] | None:
    """The first pattern found (case-insensitively) and its offset, reading block by block."""
    langste = max(len(p) for p in patronen)
    staart, positie = b"", 0
    for blok in blokken:
        venster = staart + blok.lower()
        treffers = [(plek, patroon) for patroon in patronen if (plek := venster.find(patroon)) >= 0]
        if treffers:
            plek, patroon = min(treffers)
            return patroon, positie - len(staart) + plek
        positie += len(blok)
        staart = venster[-(langste - 1) :]
    return None


def _geen_actieve_inhoud(bestand) -> None:
    _naar_begin(bestand)
    gevonden = _zoek(_blokken(bestand), ACTIEVE_INHOUD)
    if gevonden:
        raise OngeldigBestand(
            _("het bevat HTML of script (%(teken)s… op byte %(positie)s)")
            % {"teken": gevonden[0].decode(), "positie": gevonden[1]},
            code="actief",
        )


def _tekst_controleren(bestand) -> None:
    """Text without NUL bytes, UTF-8 (or else Windows-1252) throughout, and no markup anywhere."""
    _naar_begin(bestand)
    utf8, cp1252 = codecs.getincrementaldecoder("utf-8-sig")(), codecs.getincrementaldecoder("cp1252")()
    utf8_ok = cp1252_ok = True
    for blok in _blokken(bestand):
        if b"\x00" in blok:
            raise OngeldigBestand(_("het is geen tekst (het bevat NUL-bytes, mogelijk UTF-16 of binair)"))
        for naam in ("utf8", "cp1252"):
            if (utf8_ok if naam == "utf8" else cp1252_ok) is False:
                continue
            try:
                (utf8 if naam == "utf8" else cp1252).decode(blok)
            except UnicodeDecodeError:
                if naam == "utf8":
                    utf8_ok = False
                else:
                    cp1252_ok = False
        if not (utf8_ok or cp1252_ok):
            raise OngeldigBestand(_("het is geen tekst in UTF-8 of Windows-1252"))
    if utf8_ok:
        try:
            utf8.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8_ok = False
    if not (utf8_ok or cp1252_ok):
        raise OngeldigBestand(_("het is geen tekst in UTF-8 of Windows-1252"))
    _geen_actieve_inhoud(bestand)


def zip_controleren(bestand) -> zipfile.ZipFile:
    """Open a zip and hold it to the limits on entries, unpacked size and compression ratio."""
    _naar_begin(bestand)
    if bestand.read(4) != b"PK\x03\x04":
        raise OngeldigBestand(_("het is geen zip-bestand (Office- en OpenDocument-bestanden zijn zip-bestanden)"))
    _naar_begin(bestand)
    try:
        archief = zipfile.ZipFile(bestand)
        onderdelen = archief.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise OngeldigBestand(_("het is geen geldig zip-bestand (%(fout)s)") % {"fout": exc}) from exc
    max_onderdelen = settings.NAL_ZIP_MAX_ONDERDELEN
    if len(onderdelen) > max_onderdelen:
        raise OngeldigBestand(
            _("het bevat %(n)s onderdelen; het maximum is %(max)s") % {"n": len(onderdelen), "max": max_onderdelen},
            code="zip_limiet",
        )
    max_uitgepakt = int(settings.NAL_ZIP_MAX_UITGEPAKT_MB * MB)
    totaal = sum(info.file_size for info in onderdelen)
    if totaal > max_uitgepakt:
        raise OngeldigBestand(
            _("het is uitgepakt %(mb).0f MB; het maximum is %(max).0f MB (mogelijk een zip-bom)")
            % {"mb": totaal / MB, "max": max_uitgepakt / MB},
            code="zip_limiet",
        )
    for info in onderdelen:
        if info.file_size >= _RATIO_VANAF and info.file_size > settings.NAL_ZIP_MAX_RATIO * max(info.compress_size, 1):
            raise OngeldigBestand(
                _("onderdeel '%(naam)s' is %(ratio).0f keer samengeperst; het maximum is %(max)s (mogelijk een zip-bom)")
                % {
                    "naam": info.filename,
                    "ratio": info.file_size / max(info.compress_size, 1),
                    "max": settings.NAL_ZIP_MAX_RATIO,
                },
                code="zip_limiet",
            )
        if info.flag_bits & 0x1:
            raise OngeldigBestand(_("onderdeel '%(naam)s' is versleuteld") % {"naam": info.filename})
    if any(m in archief.comment.lower() for m in ACTIEVE_INHOUD):
        raise OngeldigBestand(_("het commentaar van de zip bevat HTML of script"), code="actief")
    return archief


def _xml_zonder_dtd(archief: zipfile.ZipFile) -> None:
    """No XML part declares a DTD or entities (XXE, billion laughs) or hides from this check in UTF-16."""
    for info in archief.infolist():
        if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        try:
            with archief.open(info) as deel:
                begin = deel.read(4)
                if begin.startswith((b"\xfe\xff", b"\xff\xfe")) or b"\x00" in begin:
                    raise OngeldigBestand(_("onderdeel '%(naam)s' is geen XML in UTF-8") % {"naam": info.filename}, code="xml")
                gevonden = _zoek(itertools.chain([begin], _blokken(deel)), _DTD)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            raise OngeldigBestand(
                _("onderdeel '%(naam)s' is beschadigd (%(fout)s)") % {"naam": info.filename, "fout": exc}
            ) from exc
        if gevonden:
            raise OngeldigBestand(
                _(
                    "onderdeel '%(naam)s' bevat een DTD of entiteiten (%(teken)s); "
                    "Office-bestanden hebben die nooit (XXE of 'billion laughs')"
                )
                % {"naam": info.filename, "teken": gevonden[0].decode().upper()},
                code="xml",
            )


def _ooxml_controleren(archief: zipfile.ZipFile, soort: str) -> None:
    hoofdtype, map_ = _OOXML[soort]
    namen = set(archief.namelist())
    if "[Content_Types].xml" not in namen:
        raise OngeldigBestand(_("[Content_Types].xml ontbreekt: het is geen echt %(soort)s-bestand") % {"soort": soort.upper()})
    _xml_zonder_dtd(archief)
    with archief.open("[Content_Types].xml") as deel:
        typen = deel.read(MB)
    if hoofdtype not in typen or not any(n.startswith(map_) for n in namen):
        raise OngeldigBestand(
            _("de inhoudstypen horen niet bij een %(soort)s-bestand (een ander bestand met een andere extensie?)")
            % {"soort": soort.upper()}
        )
    if b"vbaProject" in typen or any(n.lower().endswith("vbaproject.bin") for n in namen):
        raise OngeldigBestand(_("het bevat macro's"), code="actief")


def _odf_controleren(archief: zipfile.ZipFile, soort: str) -> None:
    namen = archief.namelist()
    if "mimetype" not in namen or archief.read("mimetype").strip() != _ODF_TYPE[soort]:
        raise OngeldigBestand(_("het mimetype hoort niet bij een %(soort)s-bestand") % {"soort": soort.upper()})
    _xml_zonder_dtd(archief)


def bestand_controleren(soort: str, bestand) -> None:
    """Whether `bestand` really is a file of extension `soort`, by its bytes; OngeldigBestand if not."""
    _naar_begin(bestand)
    begin = bestand.read(16)
    begin = begin if isinstance(begin, bytes) else begin.encode()
    if soort == "pdf":
        if not begin.startswith(b"%PDF-"):
            raise OngeldigBestand(_("het begint niet als een PDF"))
        _geen_actieve_inhoud(bestand)
    elif soort == "png":
        if not begin.startswith(b"\x89PNG\r\n\x1a\n"):
            raise OngeldigBestand(_("het begint niet als een PNG-afbeelding"))
        _geen_actieve_inhoud(bestand)
    elif soort in ("jpg", "jpeg"):
        if not begin.startswith(b"\xff\xd8\xff"):
            raise OngeldigBestand(_("het begint niet als een JPEG-afbeelding"))
        _geen_actieve_inhoud(bestand)
    elif soort == "gpkg":
        if not begin.startswith(b"SQLite format 3\x00"):
            raise OngeldigBestand(_("het is geen GeoPackage"))
    elif soort in _OOXML or soort in _ODF_TYPE or soort == "zip":
        with zip_controleren(bestand) as archief:
            if soort in _OOXML:
                _ooxml_controleren(archief, soort)
            elif soort in _ODF_TYPE:
                _odf_controleren(archief, soort)
    elif soort in ("csv", "txt", "json", "geojson"):
        _tekst_controleren(bestand)
        if soort in ("json", "geojson") and begin.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"{", b"["):
            raise OngeldigBestand(_("het is geen JSON"))
    else:
        raise OngeldigBestand(_("bestanden van dit type worden niet aangenomen"), code="soort")
    _naar_begin(bestand)


def inhoud_past_bij(soort: str, bestand) -> bool:
    """Whether the content of `bestand` is really a file of kind `soort` (see `bestand_controleren`)."""
    try:
        bestand_controleren(soort, bestand)
    except OngeldigBestand:
        return False
    return True


@deconstructible
class UploadValidator:
    """The validator of every FileField: size (per kind), extension and content. See the module docstring."""

    def __init__(self, soort: str = "document", *, soorten: Iterable[str] | None = None, max_bytes: int | None = None):
        if soort not in UPLOADSOORTEN:
            raise ValueError(f"unknown upload kind: {soort}")
        self.soort = soort
        self.soorten = tuple(s.lower().lstrip(".") for s in (soorten or UPLOADSOORTEN[soort]))
        onbekend = [s for s in self.soorten if s not in MIME or s in VERBODEN]
        if onbekend:
            raise ValueError(f"unsupported upload kinds: {', '.join(onbekend)}")
        self.max_bytes = max_bytes

    def __eq__(self, other):
        return isinstance(other, UploadValidator) and (self.soort, self.soorten, self.max_bytes) == (
            other.soort,
            other.soorten,
            other.max_bytes,
        )

    def limiet(self) -> int:
        return self.max_bytes or max_bytes(self.soort)

    def toegestaan(self) -> str:
        """The allowed kinds for a message: "PDF, DOCX, XLSX, ODT, PNG of JPG"."""
        namen = list(dict.fromkeys("JPG" if s == "jpeg" else s.upper() for s in self.soorten))
        return (
            namen[0]
            if len(namen) == 1
            else _("%(lijst)s of %(laatste)s") % {"lijst": ", ".join(namen[:-1]), "laatste": namen[-1]}
        )

    def __call__(self, bestand):
        maximum = self.limiet()
        naam = os.path.basename(getattr(bestand, "name", "") or "")
        grootte = getattr(bestand, "size", None)
        if grootte is None:
            bestand.seek(0, io.SEEK_END)
            grootte = bestand.tell()
            bestand.seek(0)
        if grootte == 0:
            raise ValidationError(_("Het bestand '%(naam)s' is leeg.") % {"naam": naam}, code="leeg")
        if grootte > maximum:
            raise ValidationError(
                _("Het bestand is te groot (%(mb)s MB); de grens is %(max)s MB.")
                % {"mb": number_format(grootte / MB, 1), "max": number_format(maximum / MB, 0 if maximum % MB == 0 else 1)},
                code="te_groot",
            )
        soort = os.path.splitext(naam)[1].lower().lstrip(".")
        if soort not in self.soorten:
            raise ValidationError(
                _("Bestandstype .%(soort)s is niet toegestaan; kies een %(toegestaan)s.")
                % {"soort": soort or "?", "toegestaan": self.toegestaan()},
                code="soort",
            )
        try:
            bestand_controleren(soort, bestand)
        except OngeldigBestand as fout:
            raise ValidationError(
                _("De inhoud van het bestand is geen geldig %(soort)s-bestand. %(naam)s: %(reden)s.")
                % {"naam": naam, "soort": soort.upper(), "reden": fout.reden},
                code=fout.code,
            ) from fout


def mime_type(bestandsnaam: str) -> str:
    """The content type of a stored file, from its extension; active content is never served as itself."""
    soort = os.path.splitext(bestandsnaam)[1].lower().lstrip(".")
    if soort in VERBODEN:
        return "application/octet-stream"
    return MIME.get(soort) or mimetypes.types_map.get(f".{soort}") or "application/octet-stream"


def veilige_bestandsnaam(oorspronkelijk: str) -> str:
    """A storage name that cannot collide or traverse: a random id plus the cleaned extension."""
    extensie = os.path.splitext(os.path.basename(oorspronkelijk))[1].lower()
    extensie = extensie if extensie.lstrip(".") in MIME else ""
    return f"{uuid.uuid4().hex}{extensie}"


# -- serving ---------------------------------------------------------------------------------------


def _veilige_naam(bestandsnaam: str) -> str:
    return get_valid_filename(os.path.basename(bestandsnaam or "")) or "bestand"


def download_headers(response, *, bestandsnaam: str, als_bijlage: bool = True):
    """The headers of every download: attachment with a safe name, nosniff, no caching, sandboxed."""
    response["Content-Disposition"] = content_disposition_header(als_bijlage, _veilige_naam(bestandsnaam))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def bestand_serveren(bestand, *, bestandsnaam: str, als_bijlage: bool = True) -> FileResponse:
    """Serve a stored file after the caller checked access; a missing file is a 404."""
    naam = _veilige_naam(bestandsnaam)
    try:
        bestand.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404(_("Het bestand ontbreekt.")) from exc
    response = FileResponse(bestand, as_attachment=als_bijlage, filename=naam, content_type=mime_type(naam))
    return download_headers(response, bestandsnaam=naam, als_bijlage=als_bijlage)
