"""Cursor (keyset) pagination: every page, the last one too, is one indexed range query, never an OFFSET.

The order is (sort key, unique key); the cursor holds the boundary row's two values. It is opaque
to clients: base64url of a small JSON document, checked on the way back in.
"""

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

STANDAARD_GROOTTE = 100
MAXIMALE_GROOTTE = 1000
SLEUTEL = "sorteersleutel"


@dataclass(frozen=True)
class Sortering:
    """A public sort option: a never-null expression (or None to sort on the unique key itself) and its type."""

    expressie: Any = None
    type: Callable = str


def _decimaal(waarde) -> Decimal:
    return Decimal(str(waarde))


GEHEEL = int
TEKST = str
DECIMAAL = _decimaal


def _codeer(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode()).decode().rstrip("=")


def _decodeer(tekst: str) -> dict:
    opgevuld = tekst + "=" * (-len(tekst) % 4)
    data = json.loads(base64.urlsafe_b64decode(opgevuld.encode()).decode())
    if not isinstance(data, dict):
        raise ValueError
    return data


class Keyset:
    """Reads `sorteer`, `pageSize` (OGC API: `limit`) and `cursor` through a ParameterLezer, then fetches one page."""

    def __init__(
        self,
        lezer,
        *,
        sorteringen: dict[str, Sortering],
        uniek: str,
        uniek_type: Callable,
        standaard: str,
        grootte_parameter: str = "pageSize",
    ):
        self.lezer = lezer
        self.sorteringen = sorteringen
        self.uniek = uniek
        self.uniek_type = uniek_type
        keuzes = [*sorteringen, *(f"-{s}" for s in sorteringen)]
        self.sorteer = lezer.keuze("sorteer", keuzes, standaard)
        self.grootte = lezer.geheel(grootte_parameter, minimum=1, maximum=MAXIMALE_GROOTTE, standaard=STANDAARD_GROOTTE)
        self.cursor = self._cursor_lezen(lezer.tekst("cursor"))

    @property
    def sortering(self) -> Sortering:
        return self.sorteringen[self.sorteer.lstrip("-")]

    def _cursor_lezen(self, ruw):
        if not ruw:
            return None
        try:
            data = _decodeer(ruw)
            if data.get("s") != self.sorteer or data.get("r") not in ("n", "p"):
                raise ValueError
            uniek = self.uniek_type(data["u"])
            waarde = None if self.sortering.expressie is None else self.sortering.type(data["v"])
        except (ValueError, KeyError, TypeError, InvalidOperation, binascii.Error, UnicodeDecodeError):
            self.lezer.fout(
                "cursor",
                "cursor",
                _("Ongeldige cursor. Gebruik de links uit een eerder antwoord, met dezelfde sortering."),
            )
            return None
        return {"waarde": waarde, "uniek": uniek, "richting": data["r"]}

    def _sleutel(self) -> str:
        return self.uniek if self.sortering.expressie is None else SLEUTEL

    def _na(self, oplopend: bool) -> Q:
        op = "gt" if oplopend else "lt"
        grens = Q(**{f"{self.uniek}__{op}": self.cursor["uniek"]})
        if self.sortering.expressie is None:
            return grens
        return Q(**{f"{SLEUTEL}__{op}": self.cursor["waarde"]}) | (Q(**{SLEUTEL: self.cursor["waarde"]}) & grens)

    def pagina(self, queryset, *, velden: list[str]) -> tuple[list[dict], dict[str, str]]:
        """The rows of this page as `values()` dicts, and the cursors of the next/previous page."""
        if self.sortering.expressie is not None:
            queryset = queryset.annotate(**{SLEUTEL: self.sortering.expressie})
        sleutel = self._sleutel()
        achteruit = self.cursor is not None and self.cursor["richting"] == "p"
        oplopend = not self.sorteer.startswith("-")
        if achteruit:
            oplopend = not oplopend
        if self.cursor is not None:
            queryset = queryset.filter(self._na(oplopend))
        teken = "" if oplopend else "-"
        volgorde = [f"{teken}{sleutel}"] if sleutel == self.uniek else [f"{teken}{sleutel}", f"{teken}{self.uniek}"]
        extra = [n for n in dict.fromkeys([sleutel, self.uniek]) if n not in velden]
        rijen = list(queryset.order_by(*volgorde).values(*velden, *extra)[: self.grootte + 1])
        meer = len(rijen) > self.grootte
        rijen = rijen[: self.grootte]
        if achteruit:
            rijen.reverse()
        cursors = {}
        if rijen:
            heeft_volgende = True if achteruit else meer
            heeft_vorige = meer if achteruit else self.cursor is not None
            if heeft_volgende:
                cursors["next"] = self._naar(rijen[-1], "n")
            if heeft_vorige:
                cursors["prev"] = self._naar(rijen[0], "p")
        return rijen, cursors

    def _naar(self, rij: dict, richting: str) -> str:
        data = {"s": self.sorteer, "u": rij[self.uniek], "r": richting}
        if self.sortering.expressie is not None:
            waarde = rij[SLEUTEL]
            data["v"] = str(waarde) if isinstance(waarde, Decimal) else waarde
        return _codeer(data)
