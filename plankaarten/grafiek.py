"""Server-side SVG chart of a park's charging demand in 2025, 2030 and 2035; the same markup serves the web page and the PDF."""

from decimal import Decimal
from xml.sax.saxutils import escape

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from plankaarten.models import ZICHTJAREN, Plankaart

BREEDTE, HOOGTE = 420, 240
MARGE_LINKS, MARGE_ONDER, MARGE_BOVEN = 64, 36, 24
KLEUR_BALK = "#154273"
KLEUR_AS = "#4b4b4b"


def _kw(waarde: Decimal) -> str:
    return intcomma(int(round(waarde)))


def _schaal_max(maximum: Decimal) -> int:
    """A round upper bound for the axis (1, 2 or 5 × 10^n)."""
    if maximum <= 0:
        return 10
    stap = 1
    while stap * 10 <= maximum:
        stap *= 10
    for factor in (1, 2, 5, 10):
        if maximum <= factor * stap:
            return factor * stap
    return 10 * stap


def laadvraag_svg(rijen: list[Plankaart], *, titel: str | None = None, svg_id: str = "laadvraag") -> SafeString:
    """A bar chart of `laadvermogen_kw` per zichtjaar, with an accessible title and description; years without data say so."""
    per_jaar = {p.zichtjaar: p for p in rijen}
    waarden = {jaar: per_jaar[jaar].laadvermogen_kw for jaar in ZICHTJAREN if jaar in per_jaar}
    gemodelleerd = any(p.gemodelleerd for p in rijen)
    titel = titel or _("Laadvraag logistiek per zichtjaar (kW)")
    beschrijving = "; ".join(
        f"{jaar}: {_kw(waarden[jaar]) + ' kW' if jaar in waarden else _('geen gegevens')}" for jaar in ZICHTJAREN
    )
    if gemodelleerd:
        beschrijving += " (" + _("gemodelleerd") + ")"
    schaal = _schaal_max(max(waarden.values(), default=Decimal(0)))
    plot_h = HOOGTE - MARGE_ONDER - MARGE_BOVEN
    plot_b = BREEDTE - MARGE_LINKS - 16
    vak = plot_b / len(ZICHTJAREN)
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREEDTE} {HOOGTE}" width="{BREEDTE}" height="{HOOGTE}" '
        f'role="img" aria-labelledby="{svg_id}-titel {svg_id}-desc" class="nal-grafiek">',
        f'<title id="{svg_id}-titel">{escape(titel)}</title>',
        f'<desc id="{svg_id}-desc">{escape(beschrijving)}</desc>',
    ]
    for i in range(5):
        waarde = schaal * i / 4
        y = MARGE_BOVEN + plot_h - plot_h * i / 4
        delen.append(
            f'<line x1="{MARGE_LINKS}" x2="{BREEDTE - 16}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d0d0d0" stroke-width="1"/>'
            f'<text x="{MARGE_LINKS - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="{KLEUR_AS}">'
            f"{escape(_kw(Decimal(waarde)))}</text>"
        )
    for i, jaar in enumerate(ZICHTJAREN):
        x = MARGE_LINKS + vak * i + vak * 0.2
        b = vak * 0.6
        label_y = HOOGTE - MARGE_ONDER + 16
        delen.append(
            f'<text x="{x + b / 2:.1f}" y="{label_y}" text-anchor="middle" font-size="12" fill="{KLEUR_AS}">{jaar}</text>'
        )
        if jaar not in waarden:
            delen.append(
                f'<text x="{x + b / 2:.1f}" y="{MARGE_BOVEN + plot_h - 6}" text-anchor="middle" font-size="11" '
                f'fill="{KLEUR_AS}">{escape(_("geen gegevens"))}</text>'
            )
            continue
        h = float(waarden[jaar]) / schaal * plot_h
        y = MARGE_BOVEN + plot_h - h
        delen.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{b:.1f}" height="{h:.1f}" fill="{KLEUR_BALK}"/>'
            f'<text x="{x + b / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="11" fill="{KLEUR_AS}">'
            f"{escape(_kw(waarden[jaar]))}</text>"
        )
    delen.append(
        f'<line x1="{MARGE_LINKS}" x2="{MARGE_LINKS}" y1="{MARGE_BOVEN}" y2="{MARGE_BOVEN + plot_h}" stroke="{KLEUR_AS}"/>'
    )
    if gemodelleerd:
        delen.append(
            f'<text x="{BREEDTE - 16}" y="14" text-anchor="end" font-size="11" font-style="italic" fill="{KLEUR_AS}">'
            f"{escape(_('gemodelleerd'))}</text>"
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every interpolated text is escaped above
