"""Geometry as GeoJSON text for the API: always MultiPolygon, in the asked CRS and that CRS's axis order.

Builds on terreinen.geojson (one ST_AsGeoJSON per row in the database); adds what the API promises on top:
one geometry type per collection (simplifying a MultiPolygon may give a Polygon, ST_Multi makes it multi
again) and ETRS89 (EPSG:4258) in its own axis order, latitude first, as OGC API – Features Part 2 requires.
"""

from django.contrib.gis.db.models import GeometryField
from django.contrib.gis.db.models.functions import AsGeoJSON, Transform
from django.db.models import Func

from terreinen.geojson import RD_NEW, WGS84, Vereenvoudig

ETRS89 = 4258
# CRSs whose first axis is latitude (EPSG axis order); CRS84 and RD New are x/east first.
BREEDTE_EERST = {ETRS89}


class Multi(Func):
    """ST_Multi (PostGIS) / CastToMulti (SpatiaLite)."""

    function = "ST_Multi"
    output_field = GeometryField(srid=RD_NEW)

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="CastToMulti", **extra_context)


class KeerAssen(Func):
    """ST_FlipCoordinates (PostGIS) / SwapCoordinates (SpatiaLite)."""

    function = "ST_FlipCoordinates"

    def __init__(self, expressie, srid):
        super().__init__(expressie, output_field=GeometryField(srid=srid))

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="SwapCoordinates", **extra_context)


def geojson_expressie(*, srid: int = WGS84, vereenvoudiging_m: float = 0, veld: str = "geometrie"):
    """The geometry as MultiPolygon GeoJSON text in `srid` (axis order of that CRS), optionally simplified in metres."""
    geometrie = Multi(Vereenvoudig(veld, vereenvoudiging_m)) if vereenvoudiging_m else veld
    if srid != RD_NEW:
        geometrie = Transform(geometrie, srid)
    if srid in BREEDTE_EERST:
        geometrie = KeerAssen(geometrie, srid)
    return AsGeoJSON(geometrie, precision=2 if srid == RD_NEW else 6)
