"""CSV and XLSX exports of exactly the park list the user is looking at (same filter, same order, same columns,
no pagination).

Cells that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return)
get a leading apostrophe, so an exported park name can never run as a formula (CSV/formula injection).
"""

from collections.abc import Iterable, Sequence

from django.utils.translation import gettext_lazy as _

from nal_oost.exports import csv_bestand, formule_veilig, werkboek
from overzicht.kolommen import VAST, Kolom


def export_rijen(terreinen: Iterable, *, kolommen: Sequence[Kolom]) -> Iterable[list]:
    """The header row, then one row per park in the given order, each cell made formula-safe.

    `kolommen` are the viewer's (overzicht.kolommen: chosen, or all it may see), never more.
    """
    yield [formule_veilig(str(k.kop)) for k in kolommen]
    for terrein in terreinen:
        yield [formule_veilig(k.waarde(terrein)) for k in kolommen]


def terreinen_csv(terreinen: Iterable, *, kolommen: Sequence[Kolom]) -> bytes:
    """For Dutch Excel (nal_oost/exports.py): `;`, decimal comma, UTF-8 with BOM, opens correctly by double-click."""
    return csv_bestand(export_rijen(terreinen, kolommen=kolommen))


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
