"""Keeping an uploaded criteria sheet between its preview and the confirmation, server-side.

The file (already checked by the upload validator) is stored under MEDIA_ROOT with a random name;
the session holds only that name, so the confirmation can only ever read the user's own upload.
Uploads older than a day are removed when a new one arrives.
"""

import re
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from nal_oost.uploads import veilige_bestandsnaam

MAP = "criteria-import"
SESSIE_SLEUTEL = "criteria_import"
BEWAREN_SECONDEN = 24 * 3600
_GELDIGE_NAAM = re.compile(r"^[0-9a-f]{32}\.(xlsx|csv)$")


@dataclass(frozen=True)
class Upload:
    pad: Path
    naam: str  # the name the user uploaded, for messages


def _map() -> Path:
    pad = Path(settings.MEDIA_ROOT) / MAP
    pad.mkdir(parents=True, exist_ok=True)
    return pad


def _oude_opruimen(map_: Path) -> None:
    grens = time.time() - BEWAREN_SECONDEN
    for bestand in map_.glob("*"):
        try:
            if bestand.stat().st_mtime < grens:
                bestand.unlink()
        except FileNotFoundError:
            pass


def bewaren(*, request, bestand) -> Upload:
    """Store the upload, replacing the user's previous one, and remember it in the session."""
    opruimen(request=request)
    map_ = _map()
    _oude_opruimen(map_)
    opslagnaam = veilige_bestandsnaam(bestand.name)
    pad = map_ / opslagnaam
    with open(pad, "wb") as uit:
        for stuk in bestand.chunks():
            uit.write(stuk)
    naam = Path(bestand.name).name[:200]
    request.session[SESSIE_SLEUTEL] = {"bestand": opslagnaam, "naam": naam}
    return Upload(pad, naam)


def ophalen(*, request) -> Upload | None:
    gegevens = request.session.get(SESSIE_SLEUTEL) or {}
    opslagnaam = gegevens.get("bestand", "")
    if not _GELDIGE_NAAM.match(opslagnaam):
        return None
    pad = _map() / opslagnaam
    return Upload(pad, gegevens.get("naam", opslagnaam)) if pad.is_file() else None


def opruimen(*, request) -> None:
    upload = ophalen(request=request)
    if upload is not None:
        upload.pad.unlink(missing_ok=True)
    request.session.pop(SESSIE_SLEUTEL, None)
