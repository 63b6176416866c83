"""CSV and XLSX exports of exactly the park list the user is looking at (same filter, same order, no pagination).

Cells that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return)
get a leading apostrophe, so an exported park name can never run as a formula (CSV/formula injection).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from nal_oost import zichtbaarheid
from nal_oost.exports import csv_bestand, formule_veilig, werkboek
from overzicht.filtersets import STAPPEN, STATUSSEN

STAP_LABELS = dict(STAPPEN)
STATUS_LABELS = dict(STATUSSEN)


def _janee(waarde) -> str:
    if waarde is None:
        return str(_("onbekend"))
    return str(_("ja") if waarde else _("nee"))


@dataclass(frozen=True)
class Kolom:
    kop: str
    waarde: Callable
    # The field the column shows (nal_oost/zichtbaarheid.py): a viewer gets only the columns it may see.
    bron: str


KOLOMMEN = (
    Kolom(_("RIN-nummer"), lambda t: t.rin, "terreinen.Bedrijventerrein.rin"),
    Kolom(_("Naam"), lambda t: t.naam, "terreinen.Bedrijventerrein.naam"),
    Kolom(_("Gemeente"), lambda t: t.gemeente.naam, "terreinen.Gemeente.naam"),
    Kolom(_("CBS-code gemeente"), lambda t: t.gemeente.code, "terreinen.Gemeente.code"),
    Kolom(_("Provincie"), lambda t: t.gemeente.provincie.naam, "terreinen.Provincie.naam"),
    Kolom(_("Bruto oppervlakte (ha)"), lambda t: t.ha_bruto, "terreinen.Bedrijventerrein.ha_bruto"),
    Kolom(_("Netto oppervlakte (ha)"), lambda t: t.ha_netto, "terreinen.Bedrijventerrein.ha_netto"),
    Kolom(
        _("Grootteklasse"),
        lambda t: str(t.get_grootteklasse_display()) if t.ha_netto is not None else "",
        "terreinen.Bedrijventerrein.ha_netto",
    ),
    Kolom(_("Stap"), lambda t: str(STAP_LABELS[t.stap_nr]), "stappenplan.Traject.stap"),
    Kolom(_("Status"), lambda t: str(STATUS_LABELS.get(t.status_code, t.status_code)), "stappenplan.Traject.status"),
    Kolom(_("Regisseur"), lambda t: t.regisseur_naam or "", "stappenplan.Traject.regisseur"),
    Kolom(_("Netbeheerder"), lambda t: t.netbeheerder.naam if t.netbeheerder else "", "terreinen.Bedrijventerrein.netbeheerder"),
    Kolom(_("Netcongestie"), lambda t: str(t.get_netcongestie_display()), "terreinen.Bedrijventerrein.netcongestie"),
    Kolom(_("Parkmanagement"), lambda t: _janee(t.parkmanagement), "terreinen.Bedrijventerrein.parkmanagement"),
    Kolom(_("Aandeel logistiek (%)"), lambda t: t.aandeel_logistiek, "terreinen.Bedrijventerrein.aandeel_logistiek"),
    Kolom(_("Laadvraag 2025 (kW, scenario midden)"), lambda t: t.kw_2025, "plankaarten.Plankaart.laadvermogen_kw"),
    Kolom(_("Laadvraag 2030 (kW, scenario midden)"), lambda t: t.kw_2030, "plankaarten.Plankaart.laadvermogen_kw"),
    Kolom(_("Laadvraag 2035 (kW, scenario midden)"), lambda t: t.kw_2035, "plankaarten.Plankaart.laadvermogen_kw"),
    Kolom(_("Rang (prioritering)"), lambda t: t.prio_rang, "prioritering.Prioriteit.rang"),
    Kolom(_("Score (prioritering)"), lambda t: t.prio_score, "prioritering.Prioriteit.score"),
    Kolom(_("Prioriteitsklasse (vermogensvraag 2030)"), lambda t: t.prio_klasse or "", "prioritering.Prioriteit.vraagklasse"),
    Kolom(_("Criteria bekend"), lambda t: t.criteria_bekend, "terreinen.Bedrijventerrein"),
)


def kolommen_voor(kijker) -> tuple[Kolom, ...]:
    return tuple(k for k in KOLOMMEN if zichtbaarheid.mag_zien(kijker, k.bron))


def export_rijen(terreinen: Iterable, *, kijker) -> Iterable[list]:
    """The header row, then one row per park in the given order, each cell made formula-safe; only columns `kijker` may see."""
    kolommen = kolommen_voor(kijker)
    yield [formule_veilig(str(k.kop)) for k in kolommen]
    for terrein in terreinen:
        yield [formule_veilig(k.waarde(terrein)) for k in kolommen]


def terreinen_csv(terreinen: Iterable, *, kijker) -> bytes:
    """For Dutch Excel (nal_oost/exports.py): `;`, decimal comma, UTF-8 with BOM, opens correctly by double-click."""
    return csv_bestand(export_rijen(terreinen, kijker=kijker))


def terreinen_xlsx(terreinen: Iterable, *, kijker) -> bytes:
    rijen = iter(export_rijen(terreinen, kijker=kijker))
    return werkboek([(_("Bedrijventerreinen"), next(rijen), rijen, "C2")])


def importblad_xlsx(terreinen: Iterable) -> bytes:
    """The parks' current criteria in exactly the criteria import's format, so export → edit → import round-trips."""
    from terreinen.services.criteria_importeren import importblad_rijen

    rijen = iter(importblad_rijen(terreinen))
    return werkboek([(_("Criteria"), next(rijen), rijen, "B2")])
