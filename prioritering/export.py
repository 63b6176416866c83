"""CSV and XLSX exports of a selection round; text that a spreadsheet would run as a formula is neutralised."""

import csv
import io

from django.utils.translation import gettext as _

from nal_oost.exports import formule_veilig
from prioritering.models import Selectieronde
from prioritering.selectie import DIMENSIES


def _koppen() -> list[str]:
    return [
        _("volgorde"), _("RIN"), _("naam"), _("gemeente"), _("provincie"), _("score"), _("rang"),
        _("laadvermogen 2030 (kW)"), *[str(label) for _s, label, _k in DIMENSIES], _("reden"),
    ]  # fmt: skip


def _rijen(ronde: Selectieronde):
    for k in ronde.keuzes.all():
        yield [
            k.volgorde, k.rin, k.naam, k.gemeente, k.provincie, k.score, k.rang,
            float(k.kw_2030) if k.kw_2030 is not None else None,
            *[k.klassen.get(sleutel, "") for sleutel, _l, _k in DIMENSIES], k.reden,
        ]  # fmt: skip


def _kop_regels(ronde: Selectieronde) -> list[list]:
    return [
        [_("Selectieronde"), ronde.naam],
        [_("Aangemaakt op"), ronde.aangemaakt_op.strftime("%d-%m-%Y %H:%M")],
        [_("Afwegingskader versie"), ronde.kader.versie],
        [_("Gevraagd aantal (N)"), ronde.aantal_gevraagd],
        *[[_("Niet gehaald"), t] for t in ronde.tekorten],
        [],
    ]


def ronde_csv(ronde: Selectieronde) -> str:
    """Semicolon-separated with a BOM, as Dutch Excel opens it directly."""
    uit = io.StringIO()
    uit.write("\ufeff")
    schrijver = csv.writer(uit, delimiter=";")
    for regel in [*_kop_regels(ronde), _koppen(), *_rijen(ronde)]:
        schrijver.writerow([formule_veilig(w) if w is not None else "" for w in regel])
    return uit.getvalue()


def ronde_xlsx(ronde: Selectieronde) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    boek = Workbook()
    blad = boek.active
    blad.title = _("Selectie")[:31]
    for regel in [*_kop_regels(ronde), _koppen(), *_rijen(ronde)]:
        blad.append([formule_veilig(w) for w in regel])
    for cel in blad[len(_kop_regels(ronde)) + 1]:
        cel.font = Font(bold=True)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
