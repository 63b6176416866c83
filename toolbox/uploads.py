"""Checks on uploaded instrument documents: size limit and a type check on the file's content, not only its name."""

from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from nal_oost.uploads import inhoud_past_bij

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
    if not inhoud_past_bij(extensie.lstrip("."), bestand):
        raise ValidationError(
            _("De inhoud van %(naam)s is geen geldig %(soort)s-bestand.") % {"naam": naam, "soort": soort.omschrijving},
            code="inhoud",
        )
    return soort
