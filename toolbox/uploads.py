"""Checks on uploaded instrument documents: size limit and a type check on the file's content, not only its name."""

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

STANDAARD_MAX_MB = 25


@dataclass(frozen=True)
class Bestandstype:
    mime_type: str
    omschrijving: str


TOEGESTAAN = {
    ".pdf": Bestandstype("application/pdf", "PDF"),
    ".docx": Bestandstype("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
    ".xlsx": Bestandstype("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
    ".pptx": Bestandstype("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint"),
    ".odt": Bestandstype("application/vnd.oasis.opendocument.text", "OpenDocument-tekst"),
    ".ods": Bestandstype("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument-rekenblad"),
    ".odp": Bestandstype("application/vnd.oasis.opendocument.presentation", "OpenDocument-presentatie"),
    ".csv": Bestandstype("text/csv", "CSV"),
    ".txt": Bestandstype("text/plain", "tekst"),
    ".png": Bestandstype("image/png", "PNG-afbeelding"),
    ".jpg": Bestandstype("image/jpeg", "JPEG-afbeelding"),
    ".jpeg": Bestandstype("image/jpeg", "JPEG-afbeelding"),
}
# The folder inside an Office Open XML package that holds the document of each kind.
_OOXML_MAP = {".docx": "word/", ".xlsx": "xl/", ".pptx": "ppt/"}


def max_upload_bytes() -> int:
    return int(getattr(settings, "TOOLBOX_MAX_UPLOAD_MB", STANDAARD_MAX_MB) * 1024 * 1024)


def toegestane_extensies() -> str:
    return ", ".join(sorted(TOEGESTAAN))


def upload_controleren(bestand) -> Bestandstype:
    """The document's type, or a ValidationError in Dutch saying exactly what is wrong with the file."""
    naam = PurePath(bestand.name or "").name
    extensie = PurePath(naam).suffix.lower()
    if extensie not in TOEGESTAAN:
        raise ValidationError(
            _("Bestandstype %(ext)s is niet toegestaan. Toegestaan zijn: %(lijst)s.")
            % {"ext": extensie or _("(geen extensie)"), "lijst": toegestane_extensies()},
            code="type",
        )
    if bestand.size == 0:
        raise ValidationError(_("Het bestand %(naam)s is leeg.") % {"naam": naam}, code="leeg")
    if bestand.size > max_upload_bytes():
        raise ValidationError(
            _("Het bestand is %(grootte)s; het maximum is %(max)s.")
            % {"grootte": filesizeformat(bestand.size), "max": filesizeformat(max_upload_bytes())},
            code="grootte",
        )
    soort = TOEGESTAAN[extensie]
    if not _inhoud_klopt(bestand, extensie):
        raise ValidationError(
            _("De inhoud van %(naam)s is geen geldig %(soort)s-bestand.") % {"naam": naam, "soort": soort.omschrijving},
            code="inhoud",
        )
    return soort


def _inhoud_klopt(bestand, extensie: str) -> bool:
    bestand.seek(0)
    kop = bestand.read(8)
    bestand.seek(0)
    try:
        if extensie == ".pdf":
            return kop.startswith(b"%PDF-")
        if extensie == ".png":
            return kop == b"\x89PNG\r\n\x1a\n"
        if extensie in (".jpg", ".jpeg"):
            return kop.startswith(b"\xff\xd8\xff")
        if extensie in (".csv", ".txt"):
            return _is_tekst(bestand)
        if not kop.startswith(b"PK\x03\x04"):
            return False
        with zipfile.ZipFile(bestand) as archief:
            namen = archief.namelist()
            if extensie in _OOXML_MAP:
                return "[Content_Types].xml" in namen and any(n.startswith(_OOXML_MAP[extensie]) for n in namen)
            return "mimetype" in namen and archief.read("mimetype").decode("ascii", "replace") == TOEGESTAAN[extensie].mime_type
    except (zipfile.BadZipFile, OSError, KeyError):
        return False
    finally:
        bestand.seek(0)


def _is_tekst(bestand) -> bool:
    blok = 64 * 1024
    inhoud = bestand.read(blok)
    if b"\x00" in inhoud:
        return False
    # A UTF-8 character may be cut at the end of the block read: ignore up to 3 trailing bytes then.
    kandidaten = (inhoud, inhoud[:-3]) if len(inhoud) == blok else (inhoud,)
    for stuk in kandidaten:
        try:
            stuk.decode("utf-8")
            return True
        except UnicodeDecodeError:
            continue
    try:
        inhoud.decode("cp1252")  # the Dutch Excel dialect
        return True
    except UnicodeDecodeError:
        return False
