"""The columns of the park list and its exports: one catalogue, read by the table, the column chooser and CSV/XLSX.

Each column names the field it shows (nal_oost/zichtbaarheid.py), so a viewer is never offered, shown or sent a
column it may not see. A user's choice and order of columns (overzicht.models.Kolomkeuze) applies to the list
and to its exports alike; without one the list shows STANDAARD.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from nal_oost import zichtbaarheid
from overzicht.filtersets import STAPPEN, STATUSSEN
from prioritering.models import Vraagklasse

STAP_LABELS = dict(STAPPEN)
STATUS_LABELS = dict(STATUSSEN)
VRAAGKLASSE_LABELS = dict(Vraagklasse.choices)
LEEG = "–"


class Afkorting(NamedTuple):
    """A short word in a compact table heading, written out in <abbr title>; a unit goes between brackets."""

    tekst: str
    uitleg: str
    haakjes: bool = False


HA = Afkorting("ha", _("hectare"))
KW = Afkorting("kW", _("kilowatt (actuele plankaart, scenario midden)"), haakjes=True)


def _janee(waarde) -> str:
    if waarde is None:
        return str(_("onbekend"))
    return str(_("ja") if waarde else _("nee"))


def getal(waarde, decimalen: int = 0) -> str:
    """A number as the Dutch read it (1.234,5), or a dash when there is none."""
    if waarde is None:
        return LEEG
    return number_format(waarde, decimal_pos=decimalen, use_l10n=True, force_grouping=True)


@dataclass(frozen=True)
class Kolom:
    sleutel: str
    # The full heading: the export's header, the column chooser's label and the table's caption of the column.
    kop: str
    # The value written to an export (numbers stay numbers).
    waarde: Callable
    # The field the column shows (nal_oost/zichtbaarheid.py): a viewer gets only the columns it may see.
    bron: str
    # The compact heading of the table: words and abbreviations; the full heading when empty.
    kort: tuple = ()
    # The key of the list's sorting (overzicht.filtersets.SorteringFilter), when the column can be sorted.
    sortering: str | None = None
    numeriek: bool = False
    # How the table shows the value (t, criteria_totaal) → text; the export value when not given.
    weergave: Callable | None = None
    # Neighbouring columns of one group share a heading above theirs (e.g. "Laadvraag kW" over 2025, 2030, 2035):
    # the group's heading, and the column's own heading under it.
    groep: tuple = ()
    in_groep: tuple = ()

    def kop_html(self) -> SafeString:
        return _html(self.kort or (self.kop,))

    def kop_in_groep_html(self) -> SafeString:
        """The heading under the group's; a screen reader's name of the sort link still says the group's words."""
        woorden = " ".join(str(d) for d in self.groep if not isinstance(d, Afkorting))
        return format_html('<span class="nal-visually-hidden">{} </span>{}', woorden, _html(self.in_groep))

    def cel(self, terrein, criteria_totaal: int) -> str:
        if self.weergave is not None:
            return self.weergave(terrein, criteria_totaal)
        waarde = self.waarde(terrein)
        if waarde is None or waarde == "":
            return LEEG
        return getal(waarde) if self.numeriek else str(waarde)


def _html(delen) -> SafeString:
    def deel(d):
        if not isinstance(d, Afkorting):
            return d
        return format_html(
            '{}<abbr title="{}">{}</abbr>{}', "(" if d.haakjes else "", d.uitleg, d.tekst, ")" if d.haakjes else ""
        )

    return format_html_join(" ", "{}", ((deel(d),) for d in delen))


LAADVRAAG = (_("Laadvraag"), KW)

KOLOMMEN = (
    Kolom(
        "rin", _("RIN-nummer"), lambda t: t.rin, "terreinen.Bedrijventerrein.rin",
        kort=(Afkorting("RIN", _("RIN-nummer (IBIS)")),), sortering="rin", numeriek=True,
        weergave=lambda t, _n: str(t.rin),
    ),
    Kolom("naam", _("Naam"), lambda t: t.naam, "terreinen.Bedrijventerrein.naam", sortering="naam"),
    Kolom("gemeente", _("Gemeente"), lambda t: t.gemeente.naam, "terreinen.Gemeente.naam", sortering="gemeente"),
    Kolom(
        "gemeentecode", _("CBS-code gemeente"), lambda t: t.gemeente.code, "terreinen.Gemeente.code",
        kort=(Afkorting("CBS", _("Centraal Bureau voor de Statistiek")), _("code")),
    ),
    Kolom("provincie", _("Provincie"), lambda t: t.gemeente.provincie.naam, "terreinen.Provincie.naam", sortering="provincie"),
    Kolom(
        "ha_bruto", _("Bruto oppervlakte (ha)"), lambda t: t.ha_bruto, "terreinen.Bedrijventerrein.ha_bruto",
        kort=(_("Bruto"), HA), numeriek=True, weergave=lambda t, _n: getal(t.ha_bruto, 1),
    ),
    Kolom(
        "ha_netto", _("Netto oppervlakte (ha)"), lambda t: t.ha_netto, "terreinen.Bedrijventerrein.ha_netto",
        kort=(_("Netto"), HA), sortering="ha_netto", numeriek=True, weergave=lambda t, _n: getal(t.ha_netto, 1),
    ),
    Kolom(
        "grootteklasse", _("Grootteklasse"),
        lambda t: str(t.get_grootteklasse_display()) if t.ha_netto is not None else "",
        "terreinen.Bedrijventerrein.ha_netto",
    ),
    Kolom(
        "stap", _("Stap"), lambda t: str(STAP_LABELS[t.stap_nr]), "stappenplan.Traject.stap", sortering="stap",
    ),
    Kolom(
        "status", _("Status"), lambda t: str(STATUS_LABELS.get(t.status_code, t.status_code)), "stappenplan.Traject.status",
        sortering="status",
    ),
    Kolom("regisseur", _("Regisseur"), lambda t: t.regisseur_naam or "", "stappenplan.Traject.regisseur"),
    Kolom(
        "netbeheerder", _("Netbeheerder"), lambda t: t.netbeheerder.naam if t.netbeheerder else "",
        "terreinen.Bedrijventerrein.netbeheerder",
    ),
    Kolom(
        "netcongestie", _("Netcongestie"), lambda t: str(t.get_netcongestie_display()),
        "terreinen.Bedrijventerrein.netcongestie",
    ),
    Kolom("parkmanagement", _("Parkmanagement"), lambda t: _janee(t.parkmanagement), "terreinen.Bedrijventerrein.parkmanagement"),
    Kolom(
        "aandeel_logistiek", _("Aandeel logistiek (%)"), lambda t: t.aandeel_logistiek,
        "terreinen.Bedrijventerrein.aandeel_logistiek", kort=(_("Logistiek (%)"),), numeriek=True,
    ),
    Kolom(
        "vraag_2025", _("Laadvraag 2025 (kW, scenario midden)"), lambda t: t.kw_2025, "plankaarten.Plankaart.laadvermogen_kw",
        kort=(_("Laadvraag 2025"), KW), sortering="vraag_2025", numeriek=True, groep=LAADVRAAG, in_groep=("2025",),
    ),
    Kolom(
        "vraag_2030", _("Laadvraag 2030 (kW, scenario midden)"), lambda t: t.kw_2030, "plankaarten.Plankaart.laadvermogen_kw",
        kort=(_("Laadvraag 2030"), KW), sortering="vraag_2030", numeriek=True, groep=LAADVRAAG, in_groep=("2030",),
    ),
    Kolom(
        "vraag_2035", _("Laadvraag 2035 (kW, scenario midden)"), lambda t: t.kw_2035, "plankaarten.Plankaart.laadvermogen_kw",
        kort=(_("Laadvraag 2035"), KW), sortering="vraag_2035", numeriek=True, groep=LAADVRAAG, in_groep=("2035",),
    ),
    Kolom("rang", _("Rang (prioritering)"), lambda t: t.prio_rang, "prioritering.Prioriteit.rang", kort=(_("Rang"),),
          sortering="rang", numeriek=True),
    Kolom("score", _("Score (prioritering)"), lambda t: t.prio_score, "prioritering.Prioriteit.score", kort=(_("Score"),),
          numeriek=True),
    Kolom(
        "prioriteitsklasse", _("Prioriteitsklasse (vermogensvraag 2030)"), lambda t: t.prio_klasse or "",
        "prioritering.Prioriteit.vraagklasse", kort=(_("Prioriteitsklasse"),),
        weergave=lambda t, _n: str(VRAAGKLASSE_LABELS.get(t.prio_klasse, LEEG)),
    ),
    Kolom(
        "criteria_bekend", _("Criteria bekend"), lambda t: t.criteria_bekend, "terreinen.Bedrijventerrein",
        sortering="criteria_bekend", numeriek=True, weergave=lambda t, totaal: f"{t.criteria_bekend}/{totaal}",
    ),
)  # fmt: skip
PER_SLEUTEL = {k.sleutel: k for k in KOLOMMEN}

# The name opens the park: it always leads the table (as the row's heading) and every export.
VAST = "naam"
# What the list shows when the user has chosen nothing.
# It fits beside the filters at 1280 px (tests/overzicht/test_lijst_browser.py); more columns scroll inside the table's box.
STANDAARD = (
    "naam",
    "gemeente",
    "ha_netto",
    "stap",
    "status",
    "vraag_2030",
    "vraag_2035",
    "rang",
    "regisseur",
    "criteria_bekend",
)


def kolommen_voor(kijker) -> tuple[Kolom, ...]:
    """Every column the viewer may see, in the catalogue's order: what the chooser offers and "alle kolommen" exports."""
    return tuple(k for k in KOLOMMEN if zichtbaarheid.mag_zien(kijker, k.bron))


def gekozen_kolommen(kijker, sleutels) -> tuple[Kolom, ...]:
    """The columns of `sleutels` (a user's choice, or STANDAARD when None) the viewer may see, in that order, the name first.

    Unknown keys and columns the viewer may not see are dropped: a stored choice never shows more than the register allows.
    """
    zichtbaar = {k.sleutel: k for k in kolommen_voor(kijker)}
    volgorde = [VAST, *(s for s in (STANDAARD if sleutels is None else sleutels) if s != VAST)]
    gezien = set()
    gekozen = []
    for sleutel in volgorde:
        if sleutel in zichtbaar and sleutel not in gezien:
            gezien.add(sleutel)
            gekozen.append(zichtbaar[sleutel])
    return tuple(gekozen)


def tabelkoppen(kolommen, *, sortering: str = "") -> list[list[dict]]:
    """The table's heading rows: one, or two when neighbouring columns share a group heading.

    Each cell: `html`, `colspan`, `rowspan`, `groep` (a group's heading), and for a column `kolom`, the sort key a
    click asks for (`volgende`: ascending first, then the other way) and `aria_sort`.
    """
    blokken = _blokken(kolommen)
    gegroepeerd = any(groep and len(leden) > 1 for groep, leden in blokken)
    boven, onder = [], []
    for groep, leden in blokken:
        if groep and len(leden) > 1:
            boven.append({"html": _html(groep), "colspan": len(leden), "rowspan": 1, "groep": True})
            onder += [_kolomkop(k, k.kop_in_groep_html(), sortering) for k in leden]
        else:
            boven += [{**_kolomkop(k, k.kop_html(), sortering), "rowspan": 2 if gegroepeerd else 1} for k in leden]
    return [boven, onder] if gegroepeerd else [boven]


def kolomgroepen(kolommen) -> list[int]:
    """The span of each <colgroup>: a group's columns together, every other column on its own."""
    return [len(leden) if groep else 1 for groep, leden in _blokken(kolommen) for _ in (leden if not groep else [None])]


def _blokken(kolommen) -> list[tuple[tuple, list]]:
    blokken = []
    for kolom in kolommen:
        if kolom.groep and blokken and blokken[-1][0] == kolom.groep:
            blokken[-1][1].append(kolom)
        else:
            blokken.append((kolom.groep, [kolom]))
    return blokken


def _kolomkop(kolom, html, sortering: str) -> dict:
    sleutel = kolom.sortering
    if sleutel and sortering == sleutel:
        volgende, aria = f"-{sleutel}", "ascending"
    elif sleutel and sortering == f"-{sleutel}":
        volgende, aria = sleutel, "descending"
    else:
        volgende, aria = sleutel, None
    return {"kolom": kolom, "html": html, "colspan": 1, "rowspan": 1, "groep": False, "volgende": volgende, "aria_sort": aria}
