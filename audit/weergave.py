"""How a recorded change reads on screen: field labels, values in their display form, Dutch dates in local time.

The audit rows keep what was recorded at the time (audit.signals: choice labels, ja/nee, related
objects by name, dates as ISO text, lists as lists). This module turns a stored field line into
what a person reads, at the moment of reading: the field's current label, dates as "3 november
2026 14:05" in local time, lists as their labels joined, numbers in Dutch notation. Rows written
before lists were kept as lists hold their Python text ("['a', 'b']"); those are read back too.
"""

import ast
import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

DATUM = "j F Y"
DATUM_TIJD = "j F Y H:i"


def tijdstip_tonen(moment: datetime.datetime) -> str:
    """A moment as "3 november 2026 14:05", in the local time zone."""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return formats.date_format(moment, DATUM_TIJD)


def _als_lijst(waarde):
    """A list or dict as recorded, or as the Python text older rows hold; None when it is neither."""
    if isinstance(waarde, list | dict):
        return waarde
    if isinstance(waarde, str) and waarde[:1] in "[{" and waarde[-1:] in "]}":
        try:
            gelezen = ast.literal_eval(waarde)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return None
        return gelezen if isinstance(gelezen, list | dict) else None
    return None


def _tekst(waarde, keuzes: dict) -> str:
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    if waarde is None or waarde == "":
        return ""
    return str(keuzes.get(waarde, waarde))


def _datum(veld: models.Field, tekst: str) -> str:
    try:
        if isinstance(veld, models.DateTimeField):
            return tijdstip_tonen(datetime.datetime.fromisoformat(tekst))
        return formats.date_format(datetime.date.fromisoformat(tekst), DATUM)
    except ValueError:
        return tekst


def _getal(tekst: str) -> str:
    try:
        getal = Decimal(tekst)
    except (InvalidOperation, ValueError):
        return tekst
    if getal == getal.to_integral_value():
        getal = getal.quantize(Decimal(1))
    return formats.number_format(getal, use_l10n=True, force_grouping=True)


def waarde_tonen(veld: models.Field | None, waarde, keuzes: dict | None = None) -> str:
    """One recorded value (old or new) as a person reads it; "" for empty.

    `keuzes` are labels of a list field's items (audit.registry: `registreer(..., keuzes=…)`).
    """
    keuzes = keuzes or {}
    lijst = _als_lijst(waarde) if veld is None or isinstance(veld, models.JSONField) or not isinstance(waarde, str) else None
    if isinstance(lijst, list):
        return ", ".join(t for t in (_tekst(w, keuzes) for w in lijst) if t)
    if isinstance(lijst, dict):
        return ", ".join(f"{_tekst(k, keuzes)}: {_tekst(w, keuzes)}" for k, w in lijst.items())
    if not isinstance(waarde, str):
        return _tekst(waarde, keuzes)
    if not waarde or veld is None:
        return waarde
    if isinstance(veld, models.DateField) and not veld.choices:  # DateTimeField is a DateField too
        return _datum(veld, waarde)
    if isinstance(veld, models.DecimalField | models.FloatField) and not veld.choices:
        return _getal(waarde)
    return waarde


def veld_van(model, naam: str) -> models.Field | None:
    try:
        return model._meta.get_field(naam)
    except FieldDoesNotExist:
        return None


def veldregel_tonen(model, regel: dict, keuzes: dict | None = None) -> dict:
    """A stored field line {"veld", "label", "oud", "nieuw"} with the field's current label and readable values."""
    veld = veld_van(model, regel.get("veld", "")) if model is not None else None
    label = capfirst(veld.verbose_name) if veld is not None else capfirst(regel.get("label") or regel.get("veld", ""))
    return {
        "veld": regel.get("veld", ""),
        "label": str(label),
        "oud": waarde_tonen(veld, regel.get("oud"), keuzes),
        "nieuw": waarde_tonen(veld, regel.get("nieuw"), keuzes),
    }


def stapwissel(model, regels: list[dict]) -> tuple[int, int] | None:
    """(from, to) when the change moved a park to another step (a field `stap` with numbered choices), else None.

    The step is recorded by its label ("2. Startsessie"); its number comes from the field's choices.
    """
    veld = veld_van(model, "stap") if model is not None else None
    if veld is None or not veld.choices:
        return None
    nummers = {str(label): waarde for waarde, label in veld.flatchoices}
    for regel in regels:
        if regel.get("veld") == "stap":
            van, naar = nummers.get(str(regel.get("oud"))), nummers.get(str(regel.get("nieuw")))
            if van is not None and naar is not None and van != naar:
                return van, naar
    return None
