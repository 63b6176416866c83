"""A small outline map of a park inside its municipality, as inline SVG drawn from the stored RD New geometry.

RD New coordinates are metres with y pointing north; SVG's y points down, so y is flipped. No tiles,
no network: the municipality boundary (simplified to about one pixel) is the base layer.
"""

from xml.sax.saxutils import escape

from django.contrib.gis.geos import GEOSGeometry
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

BREEDTE = 300
KLEUR_GEMEENTE = "#e8eef5"
KLEUR_RAND = "#6b7b8c"
KLEUR_TERREIN = "#154273"


def _ringen(geometrie: GEOSGeometry):
    if geometrie.geom_type == "Polygon":
        yield from geometrie
    else:
        for deel in geometrie:
            yield from _ringen(deel)


def _pad(geometrie: GEOSGeometry, minx: float, maxy: float, schaal: float) -> str:
    delen = []
    for ring in _ringen(geometrie):
        punten = [f"{(x - minx) * schaal:.1f} {(maxy - y) * schaal:.1f}" for x, y in ring.coords]
        if len(punten) >= 3:
            delen.append("M" + " L".join(punten) + " Z")
    return " ".join(delen)


def terrein_kaartje_svg(
    *,
    terrein_geometrie: GEOSGeometry | None,
    gemeente_geometrie: GEOSGeometry | None,
    terrein_naam: str,
    gemeente_naam: str,
    svg_id: str = "kaartje",
) -> SafeString | None:
    """The park (filled) inside its municipality (outline), with an accessible title; None without park geometry."""
    if terrein_geometrie is None or terrein_geometrie.empty:
        return None
    basis = gemeente_geometrie if gemeente_geometrie is not None and not gemeente_geometrie.empty else None
    minx, miny, maxx, maxy = (basis or terrein_geometrie).extent
    if basis is None:
        marge = max(maxx - minx, maxy - miny, 500) * 2
        minx, miny, maxx, maxy = minx - marge, miny - marge, maxx + marge, maxy + marge
    breedte_m = max(maxx - minx, 1.0)
    hoogte_m = max(maxy - miny, 1.0)
    schaal = BREEDTE / breedte_m
    hoogte = hoogte_m * schaal
    titel = _("Ligging van %(terrein)s in de gemeente %(gemeente)s") % {"terrein": terrein_naam, "gemeente": gemeente_naam}
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 {BREEDTE + 4} {hoogte + 4:.1f}" '
        f'width="{BREEDTE + 4}" height="{hoogte + 4:.1f}" role="img" aria-labelledby="{svg_id}-titel" class="nal-kaartje">',
        f'<title id="{svg_id}-titel">{escape(titel)}</title>',
    ]
    if basis is not None:
        # About one drawing unit of detail is all a 300-unit map can show.
        vereenvoudigd = basis.simplify(breedte_m / BREEDTE, preserve_topology=True)
        delen.append(
            f'<path d="{_pad(vereenvoudigd, minx, maxy, schaal)}" fill="{KLEUR_GEMEENTE}" stroke="{KLEUR_RAND}" '
            f'stroke-width="1" fill-rule="evenodd"/>'
        )
    delen.append(f'<path d="{_pad(terrein_geometrie, minx, maxy, schaal)}" fill="{KLEUR_TERREIN}" fill-rule="evenodd"/>')
    tx0, ty0, tx1, ty1 = terrein_geometrie.extent
    if (tx1 - tx0) * schaal < 12 and (ty1 - ty0) * schaal < 12:
        # A small park would be a dot: ring it so it can be found.
        cx, cy = (tx0 + tx1) / 2, (ty0 + ty1) / 2
        delen.append(
            f'<circle cx="{(cx - minx) * schaal:.1f}" cy="{(maxy - cy) * schaal:.1f}" r="9" fill="none" '
            f'stroke="{KLEUR_TERREIN}" stroke-width="2"/>'
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - only numbers and escaped text are interpolated
