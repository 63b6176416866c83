"""Server-side SVG funnel of parks per stappenplan step, with an accessible title and description."""

from xml.sax.saxutils import escape

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

BREEDTE = 640
RIJ_HOOGTE, TUSSENRUIMTE, LABEL_BREEDTE = 28, 6, 230
KLEUR_BALK = "#154273"
KLEUR_TEKST = "#1a1a1a"


def trechter_svg(stappen: list[tuple[int, str, int]], *, svg_id: str = "trechter") -> SafeString:
    """One centred bar per step (width ∝ number of parks), the step name left and the count right of each bar."""
    hoogte = len(stappen) * (RIJ_HOOGTE + TUSSENRUIMTE) + TUSSENRUIMTE
    maximum = max((aantal for _stap, _label, aantal in stappen), default=0) or 1
    plot_b = BREEDTE - LABEL_BREEDTE - 70
    titel = _("Aantal terreinen per stap van het stappenplan")
    beschrijving = "; ".join(f"{label}: {intcomma(aantal)}" for _stap, label, aantal in stappen)
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREEDTE} {hoogte}" width="100%" '
        f'role="img" aria-labelledby="{svg_id}-titel {svg_id}-desc" class="nal-grafiek nal-trechter">',
        f'<title id="{svg_id}-titel">{escape(titel)}</title>',
        f'<desc id="{svg_id}-desc">{escape(beschrijving)}</desc>',
    ]
    for i, (_stap, label, aantal) in enumerate(stappen):
        y = TUSSENRUIMTE + i * (RIJ_HOOGTE + TUSSENRUIMTE)
        b = max(plot_b * aantal / maximum, 2 if aantal else 0)
        x = LABEL_BREEDTE + (plot_b - b) / 2
        midden = y + RIJ_HOOGTE / 2 + 5
        delen.append(
            f'<text x="{LABEL_BREEDTE - 8}" y="{midden:.1f}" text-anchor="end" font-size="14" fill="{KLEUR_TEKST}">'
            f"{escape(str(label))}</text>"
            f'<rect x="{x:.1f}" y="{y}" width="{b:.1f}" height="{RIJ_HOOGTE}" fill="{KLEUR_BALK}"/>'
            f'<text x="{LABEL_BREEDTE + plot_b + 8}" y="{midden:.1f}" font-size="14" font-weight="700" fill="{KLEUR_TEKST}">'
            f"{escape(intcomma(aantal))}</text>"
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every interpolated text is escaped above
