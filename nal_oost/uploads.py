"""Uploaded files: validate them (size, extension, content) and serve them only through views.

Validating, in a form or model field:

    from nal_oost.uploads import UploadValidator

    class DocumentForm(forms.Form):
        bestand = forms.FileField(validators=[UploadValidator(soorten=("pdf", "docx", "xlsx"))])

    # or on a model: models.FileField(upload_to=..., validators=[UploadValidator(soorten=("pdf",))])

The validator checks the size (at most settings.NAL_UPLOAD_MAX_BYTES unless `max_bytes` is given),
the extension against `soorten`, and that the content really is that kind of file (magic bytes,
a real OOXML zip, text without NUL bytes…), so a renamed executable or an HTML page called
"plan.pdf" is refused with a Dutch message. HTML, SVG and other active content are never accepted.
Store files with a generated name (`veilige_bestandsnaam`) under MEDIA_ROOT, which has no public URL.

Serving, from a view that has already checked access (start from `zichtbaar_voor(user)`):

    from nal_oost.uploads import bestand_serveren

    def document_downloaden(request, rin, pk):
        terrein = terrein_detail(user=request.user, rin=rin)          # 404 outside the user's scope
        document = get_object_or_404(terrein.documenten, pk=pk)
        return bestand_serveren(document.bestand, bestandsnaam=document.oorspronkelijke_naam)

`bestand_serveren` answers with a FileResponse as an attachment, the content type derived from the
extension (never from the upload), `X-Content-Type-Options: nosniff`, a sandboxing CSP and no caching.
"""

import csv
import io
import mimetypes
import os
import uuid
import zipfile
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils.deconstruct import deconstructible
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

# Kind of file → (MIME type, content check). Office formats are zip files with a known part.
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
_OOXML_DEEL = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
_ODF_TYPE = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
# Never accepted, whatever `soorten` says: browsers run scripts in these.
VERBODEN = {"html", "htm", "xhtml", "svg", "svgz", "xml", "js", "mjs", "exe", "dll", "bat", "cmd", "sh", "ps1", "msi", "jar"}
_ACTIEVE_INHOUD = (b"<script", b"<html", b"<!doctype html", b"<svg", b"<?php")


def _lees_begin(bestand, n: int = 8192) -> bytes:
    positie = bestand.tell() if hasattr(bestand, "tell") else 0
    bestand.seek(0)
    begin = bestand.read(n)
    bestand.seek(positie)
    return begin if isinstance(begin, bytes) else begin.encode()


def _is_zip(bestand) -> zipfile.ZipFile | None:
    bestand.seek(0)
    try:
        return zipfile.ZipFile(bestand)
    except (zipfile.BadZipFile, OSError):
        return None


def _is_tekst(begin: bytes) -> bool:
    if b"\x00" in begin:
        return False
    for codering in ("utf-8-sig", "cp1252"):
        try:
            begin.decode(codering)
            return True
        except UnicodeDecodeError:
            continue
    return False


def inhoud_past_bij(soort: str, bestand) -> bool:
    """Whether the content of `bestand` is really a file of kind `soort` (by its bytes, not its name)."""
    begin = _lees_begin(bestand)
    if soort == "pdf":
        return begin.startswith(b"%PDF-")
    if soort == "png":
        return begin.startswith(b"\x89PNG\r\n\x1a\n")
    if soort in ("jpg", "jpeg"):
        return begin.startswith(b"\xff\xd8\xff")
    if soort == "gpkg":
        return begin.startswith(b"SQLite format 3\x00")
    if soort in _OOXML_DEEL or soort in _ODF_TYPE or soort == "zip":
        if not begin.startswith(b"PK\x03\x04"):
            return False
        archief = _is_zip(bestand)
        if archief is None:
            return False
        with archief:
            namen = archief.namelist()
            if soort in _OOXML_DEEL:
                return "[Content_Types].xml" in namen and any(n.startswith(_OOXML_DEEL[soort]) for n in namen)
            if soort in _ODF_TYPE:
                return "mimetype" in namen and archief.read("mimetype").strip() == _ODF_TYPE[soort]
            return True
    if soort in ("csv", "txt", "json", "geojson"):
        if not _is_tekst(begin) or any(m in begin.lower() for m in _ACTIEVE_INHOUD):
            return False
        if soort in ("json", "geojson"):
            return begin.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")
        if soort == "csv":
            try:
                csv.Sniffer().sniff(begin.decode("utf-8-sig", errors="replace")[:4096], delimiters=";,\t")
            except csv.Error:
                # One column is a valid CSV too; text without NUL bytes is enough.
                return True
        return True
    return False


@deconstructible
class UploadValidator:
    """Validates an uploaded file: size, allowed extension and matching content. See the module docstring."""

    def __init__(self, *, soorten: Iterable[str], max_bytes: int | None = None):
        self.soorten = tuple(s.lower().lstrip(".") for s in soorten)
        onbekend = [s for s in self.soorten if s not in MIME or s in VERBODEN]
        if onbekend:
            raise ValueError(f"unsupported upload kinds: {', '.join(onbekend)}")
        self.max_bytes = max_bytes

    def __eq__(self, other):
        return isinstance(other, UploadValidator) and (self.soorten, self.max_bytes) == (other.soorten, other.max_bytes)

    def __call__(self, bestand):
        maximum = self.max_bytes or settings.NAL_UPLOAD_MAX_BYTES
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
                _("Het bestand '%(naam)s' is %(mb).1f MB; het maximum is %(max).0f MB.")
                % {"naam": naam, "mb": grootte / 1024 / 1024, "max": maximum / 1024 / 1024},
                code="te_groot",
            )
        soort = os.path.splitext(naam)[1].lower().lstrip(".")
        if soort not in self.soorten:
            raise ValidationError(
                _("Bestanden van het type '.%(soort)s' zijn hier niet toegestaan; kies een %(toegestaan)s-bestand.")
                % {"soort": soort or "?", "toegestaan": ", ".join(self.soorten)},
                code="soort",
            )
        if not inhoud_past_bij(soort, bestand):
            raise ValidationError(
                _("De inhoud van '%(naam)s' is geen geldig %(soort)s-bestand.") % {"naam": naam, "soort": soort.upper()},
                code="inhoud",
            )


def veilige_bestandsnaam(oorspronkelijk: str) -> str:
    """A storage name that cannot collide or traverse: a random id plus the cleaned extension."""
    extensie = os.path.splitext(os.path.basename(oorspronkelijk))[1].lower()
    extensie = extensie if extensie.lstrip(".") in MIME else ""
    return f"{uuid.uuid4().hex}{extensie}"


def bestand_serveren(bestand, *, bestandsnaam: str, als_bijlage: bool = True) -> FileResponse:
    """Serve a stored file after the caller checked access: attachment, fixed type, nosniff, sandboxed."""
    naam = get_valid_filename(os.path.basename(bestandsnaam)) or "bestand"
    soort = os.path.splitext(naam)[1].lower().lstrip(".")
    content_type = MIME.get(soort) or mimetypes.types_map.get(f".{soort}") or "application/octet-stream"
    if soort in VERBODEN:
        content_type = "application/octet-stream"
    bestand.open("rb")
    response = FileResponse(bestand, as_attachment=als_bijlage, filename=naam, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
