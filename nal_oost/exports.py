"""What every spreadsheet export shares: Dutch number and date conventions, and cells that cannot run as formulas.

One rule for every CSV and XLSX the application writes (park list, selection rounds, quarterly report, criteria
import sheet); the API is not a spreadsheet and keeps JSON numbers.

- **CSV** is written for Dutch Excel, which opens it correctly by double-click: UTF-8 with a BOM, `;` between
  cells, CRLF line ends. A number has a decimal comma and no thousands separator (`3765`, `2,5`, `-0,25`), no
  trailing `.0` and no float artefacts; a date is `dd-mm-jjjj`; a moment is `dd-mm-jjjj uu:mm` in Dutch local
  time (Europe/Amsterdam), never UTC; yes/no is `ja`/`nee`; unknown is an empty cell.
- **XLSX** holds real numbers and real dates, so a spreadsheet can sort and sum them. Integers stay as they are
  (RIN numbers and years are integers too, so they are not grouped); measured quantities (Decimal or float: kW,
  ha, days) are shown grouped, Dutch Excel displays `3.765` and `3.765,5`. A date shows as `dd-mm-jjjj`, a
  moment is stored as a local (Europe/Amsterdam) naive date-time shown as `dd-mm-jjjj uu:mm` (XLSX has no
  time zones).
- In both, text that a spreadsheet would evaluate as a formula gets a leading apostrophe (OWASP: CSV injection).
"""

import csv
import datetime
import io
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext

# A cell starting with one of these is read as a formula by spreadsheets (OWASP: CSV injection).
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r", "\n")

# Floats come from arithmetic (medians, shares): beyond this many decimals a digit is an artefact, not information.
FLOAT_DECIMALEN = 6

# Excel number formats are stored locale-independently; Dutch Excel shows `#,##0.0##` as 3.765,5.
XLSX_GETAL = "#,##0"
XLSX_DECIMAAL = "#,##0.0##"
XLSX_DATUM = "dd-mm-yyyy"
XLSX_MOMENT = "dd-mm-yyyy hh:mm"


def formule_veilig(waarde):
    """Text that a spreadsheet would evaluate gets a leading apostrophe; numbers and other values pass unchanged."""
    if isinstance(waarde, str) and waarde.startswith(FORMULE_TEKENS):
        return "'" + waarde
    return waarde


def zonder_ruis(getal: float | Decimal) -> int | Decimal:
    """A float or Decimal as the number it means: no float artefacts, no trailing zeros, an int when whole.

    Screens use it too (the `getal` template filter), so a figure reads the same on the page and in the export.
    """
    if isinstance(getal, float):
        getal = Decimal(str(round(getal, FLOAT_DECIMALEN)))
    getal = getal.normalize()
    return int(getal) if getal == getal.to_integral_value() else getal


def _lokaal(moment: datetime.datetime) -> datetime.datetime:
    """An aware moment in the current time zone (Europe/Amsterdam), without tzinfo; a naive one is taken as it is."""
    return timezone.localtime(moment).replace(tzinfo=None) if timezone.is_aware(moment) else moment


def waarde(w):
    """The value a cell holds, before the file format's own writing: translations become text, booleans ja/nee,
    moments local time, numbers without float artefacts, text formula-safe."""
    if isinstance(w, Promise):
        w = str(w)
    if isinstance(w, bool):
        return gettext("ja") if w else gettext("nee")
    if isinstance(w, datetime.datetime):
        return _lokaal(w)
    if isinstance(w, float | Decimal):
        return zonder_ruis(w)
    return formule_veilig(w)


def csv_cel(w) -> str:
    """One CSV cell after the Dutch rule above."""
    w = waarde(w)
    if w is None:
        return ""
    if isinstance(w, Decimal):
        return format(w, "f").replace(".", ",")
    if isinstance(w, datetime.datetime):
        return w.strftime("%d-%m-%Y %H:%M")
    if isinstance(w, datetime.date):
        return w.strftime("%d-%m-%Y")
    return str(w)


def csv_bestand(rijen: Iterable[Iterable]) -> bytes:
    """Rows as a CSV for Dutch Excel: UTF-8 with BOM, `;`, CRLF, every cell through `csv_cel`."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    for rij in rijen:
        schrijver.writerow([csv_cel(w) for w in rij])
    return ("\ufeff" + uit.getvalue()).encode("utf-8")


def _xlsx_cel(blad, w, *, vet=False):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    # A float or Decimal is a measured quantity (kW, ha, days) and is grouped; an int may be a RIN or a year.
    hoeveelheid = isinstance(w, float | Decimal)
    w = waarde(w)
    cel = WriteOnlyCell(blad, value=float(w) if isinstance(w, Decimal) else w)
    if hoeveelheid:
        cel.number_format = XLSX_DECIMAAL if isinstance(w, Decimal) else XLSX_GETAL
    elif isinstance(w, datetime.datetime):
        cel.number_format = XLSX_MOMENT
    elif isinstance(w, datetime.date):
        cel.number_format = XLSX_DATUM
    if vet:
        cel.font = Font(bold=True)
    return cel


class Blad(NamedTuple):
    """One sheet: a bold header row, then the rows. `bevriezen` is the cell above-left of which rows and columns
    stay in view (e.g. "B2"), or None; `inleiding` rows come before the header (a title block)."""

    titel: str
    koppen: Iterable
    rijen: Iterable[Iterable]
    bevriezen: str | None = None
    inleiding: Iterable[Iterable] = ()


def werkboek(bladen: Iterable) -> bytes:
    """An XLSX of `bladen` (each a `Blad` or a tuple in its order), every cell after the Dutch rule above."""
    from openpyxl import Workbook

    boek = Workbook(write_only=True)
    for b in bladen:
        b = Blad(*b)
        blad = boek.create_sheet(title=str(b.titel)[:31])
        if b.bevriezen:
            blad.freeze_panes = b.bevriezen
        for rij in b.inleiding:
            blad.append([_xlsx_cel(blad, w) for w in rij])
        blad.append([_xlsx_cel(blad, str(k), vet=True) for k in b.koppen])
        for rij in b.rijen:
            blad.append([_xlsx_cel(blad, w) for w in rij])
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
