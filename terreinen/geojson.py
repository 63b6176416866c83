"""GeoJSON FeatureCollections built in the database (ST_AsGeoJSON), for the map and the API.

Serialising geometry in Python costs ~50× more than letting PostGIS write the JSON; this module
asks the database for one GeoJSON text per row and only joins the pieces.
"""

import json
from decimal import Decimal

from django.contrib.gis.db.models import GeometryField
from django.contrib.gis.db.models.functions import AsGeoJSON, PointOnSurface, Transform
from django.db.models import DecimalField, FloatField, Func
from django.db.models.functions import Cast

WGS84 = 4326
RD_NEW = 28992


class Vereenvoudig(Func):
    """ST_SimplifyPreserveTopology (PostGIS) / SimplifyPreserveTopology (SpatiaLite), tolerance in the geometry's units."""

    function = "ST_SimplifyPreserveTopology"
    output_field = GeometryField(srid=RD_NEW)

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="SimplifyPreserveTopology", **extra_context)


class _Coordinaat(Func):
    output_field = FloatField()


class X(_Coordinaat):
    function = "ST_X"


class Y(_Coordinaat):
    function = "ST_Y"


def labelpunt(*, veld: str = "geometrie", srid: int = WGS84) -> dict:
    """Annotations `label_lon` and `label_lat`: a point inside the outline (ST_PointOnSurface), where its name can stand.

    A centroid can fall outside a concave outline; the point on the surface never does. 6 decimals (~0.1 m).
    """
    punt = Transform(PointOnSurface(veld), srid)
    getal = DecimalField(max_digits=10, decimal_places=6)
    return {"label_lon": Cast(X(punt), getal), "label_lat": Cast(Y(punt), getal)}


def _json_standaard(waarde):
    if isinstance(waarde, Decimal):
        return float(waarde)
    if hasattr(waarde, "isoformat"):
        return waarde.isoformat()
    return str(waarde)


def geojson_expressie(*, veld: str = "geometrie", srid: int = WGS84, precisie: int | None = None, vereenvoudiging_m: float = 0):
    """An expression that yields the geometry as GeoJSON text in `srid`, optionally simplified (metres, in RD New)."""
    geometrie = Vereenvoudig(veld, vereenvoudiging_m) if vereenvoudiging_m else veld
    if srid != RD_NEW:
        geometrie = Transform(geometrie, srid)
    if precisie is None:
        precisie = 6 if srid == WGS84 else 2
    return AsGeoJSON(geometrie, precision=precisie)


def feature_collection(
    queryset,
    *,
    eigenschappen: tuple[str, ...],
    id_veld: str = "pk",
    veld: str = "geometrie",
    srid: int = WGS84,
    precisie: int | None = None,
    vereenvoudiging_m: float = 0,
    extra: dict | None = None,
) -> str:
    """One query: a FeatureCollection of `queryset` with `eigenschappen` (field paths or annotations) as properties.

    Property names are the last part of each path (`gemeente__naam` → `naam` would clash, so paths are used
    with `__` replaced by `_`). Rows without geometry get `"geometry": null`, as RFC 7946 allows.
    """
    rijen = queryset.annotate(
        _geojson=geojson_expressie(veld=veld, srid=srid, precisie=precisie, vereenvoudiging_m=vereenvoudiging_m)
    )
    namen = [e.replace("__", "_") for e in eigenschappen]
    delen = []
    for rij in rijen.values_list(id_veld, *eigenschappen, "_geojson"):
        props = json.dumps(dict(zip(namen, rij[1:-1], strict=True)), default=_json_standaard, ensure_ascii=False)
        ident = json.dumps(rij[0], default=_json_standaard)
        delen.append(f'{{"type":"Feature","id":{ident},"geometry":{rij[-1] or "null"},"properties":{props}}}')
    kop = {"type": "FeatureCollection", **(extra or {})}
    return json.dumps(kop, ensure_ascii=False)[:-1] + ',"features":[' + ",".join(delen) + "]}"
