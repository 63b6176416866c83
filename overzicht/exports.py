"""CSV and XLSX exports of exactly the park list the user is looking at (same filter, same order, same columns,
no pagination).

Cells that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return)
get a leading apostrophe, so an exported park name can never run as a formula (CSV/formula injection).
"""

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from nal_oost.exports import formule_veilig, werkboek
from overzicht.kolommen import VAST, Kolom


def export_rijen(terreinen: Iterable, *, kolommen: Sequence[Kolom]) -> Iterable[list]:
    """The header row, then one row per park in the given order, each cell made formula-safe.

    `kolommen` are the viewer's (overzicht.kolommen: chosen, or all it may see), never more.
    """
    yield [formule_veilig(str(k.kop)) for k in kolommen]
    for terrein in terreinen:
        yield [formule_veilig(k.waarde(terrein)) for k in kolommen]


def _csv_waarde(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, Decimal):
        return format(waarde.normalize(), "f").replace(".", ",")
    return str(waarde)


def terreinen_csv(terreinen: Iterable, *, kolommen: Sequence[Kolom]) -> bytes:
    """Semicolon-separated, decimal comma, UTF-8 with BOM: what Dutch Excel opens correctly by double-click."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    for rij in export_rijen(terreinen, kolommen=kolommen):
        schrijver.writerow([_csv_waarde(w) for w in rij])
    return ("\ufeff" + uit.getvalue()).encode("utf-8")


def terreinen_xlsx(terreinen: Iterable, *, kolommen: Sequence[Kolom]) -> bytes:
    rijen = iter(export_rijen(terreinen, kolommen=kolommen))
    # The header row and every column up to the name stay in view.
    naam = next((i for i, k in enumerate(kolommen) if k.sleutel == VAST), -1)
    return werkboek([(_("Bedrijventerreinen"), next(rijen), rijen, f"{_kolomletter(naam + 2)}2")])


def _kolomletter(nummer: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(nummer)


def importblad_xlsx(terreinen: Iterable) -> bytes:
    """The parks' current criteria in exactly the criteria import's format, so export → edit → import round-trips."""
    from terreinen.services.criteria_importeren import importblad_rijen

    rijen = iter(importblad_rijen(terreinen))
    return werkboek([(_("Criteria"), next(rijen), rijen, "B2")])
