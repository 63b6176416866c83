"""Sections other apps contribute to the park page and the dashboard, without `terreinen` importing them.

An app registers a section in its `AppConfig.ready()`; the park page renders every section whose
`context` returns a dict (None hides it, e.g. for a role that may not see it). A park section with a
`titel` gets an entry in the page's section menu, linking to the element whose id is its `sleutel`.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Sectie:
    sleutel: str
    template: str
    context: Callable  # (request, obj) -> dict | None
    volgorde: int = 100
    titel: str = ""  # the entry in the park page's section menu (a lazy translation); "" for none


_TERREIN_SECTIES: dict[str, Sectie] = {}
_DASHBOARD_SECTIES: dict[str, Sectie] = {}


def registreer_terrein_sectie(sectie: Sectie) -> None:
    _TERREIN_SECTIES[sectie.sleutel] = sectie


def registreer_dashboard_sectie(sectie: Sectie) -> None:
    _DASHBOARD_SECTIES[sectie.sleutel] = sectie


def _render(register: dict[str, Sectie], request, obj) -> list[tuple[Sectie, dict]]:
    uit = []
    for sectie in sorted(register.values(), key=lambda s: (s.volgorde, s.sleutel)):
        context = sectie.context(request, obj)
        if context is not None:
            uit.append((sectie, context))
    return uit


def terrein_secties(request, terrein) -> list[tuple[Sectie, dict]]:
    return _render(_TERREIN_SECTIES, request, terrein)


def dashboard_secties(request, zichtbare_terreinen) -> list[tuple[Sectie, dict]]:
    return _render(_DASHBOARD_SECTIES, request, zichtbare_terreinen)
