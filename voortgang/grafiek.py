"""Server-side SVG of the cumulative flow (parks per step over time, stacked), in the style of the dashboard's funnel."""

from datetime import date
from xml.sax.saxutils import escape

from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from overzicht.grafiek import KLEUR_TEKST

BREEDTE, HOOGTE = 720, 320
LINKS, RECHTS, BOVEN, ONDER = 48, 250, 12, 36
# One colour per step 0–6, light (not started) to dark (evaluation); distinguishable in grey as well.
KLEUREN = ("#d9e4ef", "#b3c9df", "#8caecf", "#6693bf", "#3f78af", "#154273", "#0b2140")


def cumulatieve_stroom_svg(stroom: list[tuple[date, list[int]]], labels: list[str], *, svg_id: str = "stroom") -> SafeString:
    """Stacked areas: step 0 at the bottom, step 6 on top; the x axis is the peildatums, the y axis the number of parks."""
    titel = _("Aantal terreinen per stap door de tijd")
    if not stroom:
        return mark_safe("")  # noqa: S308 - nothing interpolated
    laatste = stroom[-1]
    beschrijving = _("Op %(datum)s: %(stand)s") % {
        "datum": date_format(laatste[0], "j F Y"),
        "stand": "; ".join(f"{label}: {aantal}" for label, aantal in zip(labels, laatste[1], strict=True)),
    }
    maximum = max((sum(t) for _d, t in stroom), default=0) or 1
    plot_b, plot_h = BREEDTE - LINKS - RECHTS, HOOGTE - BOVEN - ONDER
    n = len(stroom)

    def x(i):
        return LINKS + (plot_b * i / (n - 1) if n > 1 else plot_b / 2)

    def y(waarde):
        return BOVEN + plot_h - plot_h * waarde / maximum

    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREEDTE} {HOOGTE}" width="100%" '
        f'role="img" aria-labelledby="{svg_id}-titel {svg_id}-desc" class="nal-grafiek nal-stroom">',
        f'<title id="{svg_id}-titel">{escape(titel)}</title>',
        f'<desc id="{svg_id}-desc">{escape(beschrijving)}</desc>',
    ]
    onder = [0] * n
    for stap, label in enumerate(labels):
        boven = [onder[i] + stroom[i][1][stap] for i in range(n)]
        punten = [f"{x(i):.1f},{y(boven[i]):.1f}" for i in range(n)] + [
            f"{x(i):.1f},{y(onder[i]):.1f}" for i in reversed(range(n))
        ]
        if n == 1:
            punten = [f"{LINKS:.1f},{y(boven[0]):.1f}", f"{LINKS + plot_b:.1f},{y(boven[0]):.1f}"] + [
                f"{LINKS + plot_b:.1f},{y(onder[0]):.1f}",
                f"{LINKS:.1f},{y(onder[0]):.1f}",
            ]
        delen.append(f'<polygon points="{" ".join(punten)}" fill="{KLEUREN[stap]}" stroke="#ffffff" stroke-width="0.5"/>')
        ly = BOVEN + 14 + (len(labels) - 1 - stap) * 20
        delen.append(
            f'<rect x="{BREEDTE - RECHTS + 12}" y="{ly - 10}" width="12" height="12" fill="{KLEUREN[stap]}" '
            f'stroke="{KLEUR_TEKST}" '
            f'stroke-width="0.5"/><text x="{BREEDTE - RECHTS + 30}" y="{ly}" font-size="12" fill="{KLEUR_TEKST}">'
            f"{escape(str(label))}</text>"
        )
        onder = boven
    # Axes: the maximum on the y axis, first and last peildatum on the x axis.
    delen.append(
        f'<line x1="{LINKS}" y1="{BOVEN + plot_h}" x2="{LINKS + plot_b}" y2="{BOVEN + plot_h}" stroke="{KLEUR_TEKST}"/>'
        f'<text x="{LINKS - 6}" y="{BOVEN + 10}" text-anchor="end" font-size="12" fill="{KLEUR_TEKST}">{maximum}</text>'
        f'<text x="{LINKS - 6}" y="{BOVEN + plot_h}" text-anchor="end" font-size="12" fill="{KLEUR_TEKST}">0</text>'
        f'<text x="{LINKS}" y="{HOOGTE - 12}" font-size="12" fill="{KLEUR_TEKST}">'
        f"{escape(date_format(stroom[0][0], 'j F Y'))}</text>"
        f'<text x="{LINKS + plot_b}" y="{HOOGTE - 12}" text-anchor="end" font-size="12" fill="{KLEUR_TEKST}">'
        f"{escape(date_format(laatste[0], 'j F Y'))}</text>"
    )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every interpolated text is escaped above
