"""Approximate polygons for parks without IBIS geometry, and province outlines."""

import math

from django.contrib.gis.geos import MultiPolygon, Polygon
from django.contrib.gis.geos.collections import GeometryCollection
from django.db import transaction

from audit import bulk
from terreinen.models import RD_NEW, Bedrijventerrein, Gemeente, Provincie

# Candidate centres are tried on rings around the municipality's interior point, this far apart.
RASTER_M = 300
MAX_RINGEN = 60


def _vierkant(x: float, y: float, ha: float) -> Polygon:
    half = math.sqrt(max(ha, 0.05) * 10_000) / 2
    return Polygon(
        ((x - half, y - half), (x + half, y - half), (x + half, y + half), (x - half, y + half), (x - half, y - half)),
        srid=RD_NEW,
    )


def _kandidaten(x0: float, y0: float):
    yield x0, y0
    for ring in range(1, MAX_RINGEN + 1):
        for i in range(-ring, ring + 1):
            for j in (-ring, ring):
                yield x0 + i * RASTER_M, y0 + j * RASTER_M
                if abs(i) != ring:
                    yield x0 + j * RASTER_M, y0 + i * RASTER_M


def benaderde_geometrie_toekennen() -> int:
    """Give each park without geometry a square of its gross area inside its municipality, marked `benaderd`.

    Placement is deterministic (parks in RIN order, candidates on rings around an interior point)
    and avoids overlapping earlier parks where the municipality has room. Returns the count.
    """
    zonder = list(Bedrijventerrein.objects.filter(geometrie__isnull=True).order_by("gemeente_id", "rin"))
    if not zonder:
        return 0
    gemeenten = Gemeente.objects.in_bulk({t.gemeente_id for t in zonder})
    bezet: dict[int, list] = {}
    for terrein in Bedrijventerrein.objects.filter(gemeente_id__in=gemeenten, geometrie__isnull=False).only(
        "gemeente_id", "geometrie"
    ):
        bezet.setdefault(terrein.gemeente_id, []).append(terrein.geometrie)
    for terrein in zonder:
        gemeente = gemeenten[terrein.gemeente_id]
        ha = float(terrein.ha_bruto or terrein.ha_netto or 1)
        grens = gemeente.geometrie
        if grens is None:
            continue
        binnen = grens.prepared
        midden = grens.point_on_surface
        gekozen = None
        andere = bezet.setdefault(gemeente.pk, [])
        for x, y in _kandidaten(midden.x, midden.y):
            vlak = _vierkant(x, y, ha)
            if binnen.contains(vlak) and not any(vlak.intersects(a) for a in andere):
                gekozen = vlak
                break
        if gekozen is None:
            # No free room: clip a square at the interior point to the municipality.
            gekozen = _vierkant(midden.x, midden.y, ha).intersection(grens)
        if isinstance(gekozen, Polygon):
            gekozen = MultiPolygon(gekozen, srid=RD_NEW)
        elif isinstance(gekozen, GeometryCollection) and not isinstance(gekozen, MultiPolygon):
            gekozen = MultiPolygon([g for g in gekozen if isinstance(g, Polygon)], srid=RD_NEW)
        terrein.geometrie = gekozen
        terrein.geometrie_bron = Bedrijventerrein.GeometrieBron.BENADERD
        andere.append(gekozen)
    with transaction.atomic():
        bulk.bijwerken_objecten(Bedrijventerrein, zonder, ["geometrie", "geometrie_bron"], batch_size=200)
    return len(zonder)


def provinciegrenzen_afleiden() -> int:
    """Province outlines as the union of their municipalities, where no outline was imported."""
    bijgewerkt = 0
    for provincie in Provincie.objects.filter(geometrie__isnull=True):
        delen = [g.geometrie for g in provincie.gemeenten.exclude(geometrie__isnull=True)]
        if not delen:
            continue
        vereniging = delen[0]
        for deel in delen[1:]:
            vereniging = vereniging.union(deel)
        if isinstance(vereniging, Polygon):
            vereniging = MultiPolygon(vereniging, srid=RD_NEW)
        provincie.geometrie = vereniging
        provincie.save(update_fields=["geometrie"])
        bijgewerkt += 1
    return bijgewerkt
