"""CSV and XLSX exports of a selection round, after the application's one spreadsheet rule (nal_oost/exports.py):
Dutch numbers and local times, and text that a spreadsheet would run as a formula neutralised."""

from django.utils.translation import gettext as _

from nal_oost.exports import Blad, csv_bestand, werkboek
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
            k.volgorde, k.rin, k.naam, k.gemeente, k.provincie, k.score, k.rang, k.kw_2030,
            *[k.klassen.get(sleutel, "") for sleutel, _l, _k in DIMENSIES], k.reden,
        ]  # fmt: skip


def _kop_regels(ronde: Selectieronde) -> list[list]:
    return [
        [_("Selectieronde"), ronde.naam],
        [_("Aangemaakt op"), ronde.aangemaakt_op],
        [_("Afwegingskader versie"), ronde.kader.versie],
        [_("Gevraagd aantal (N)"), ronde.aantal_gevraagd],
        *[[_("Niet gehaald"), t] for t in ronde.tekorten],
        [],
    ]


def ronde_csv(ronde: Selectieronde) -> bytes:
    return csv_bestand([*_kop_regels(ronde), _koppen(), *_rijen(ronde)])


def ronde_xlsx(ronde: Selectieronde) -> bytes:
    return werkboek([Blad(_("Selectie"), _koppen(), _rijen(ronde), inleiding=_kop_regels(ronde))])
