"""Response bodies of the API: GeoJSON (RFC 7946) FeatureCollections, HAL-style JSON lists, links and renderers.

Geometry arrives from the database as GeoJSON text (ST_AsGeoJSON) and is spliced in as is;
only the properties are encoded here.
"""

import json
from datetime import date, datetime
from decimal import Decimal

from rest_framework.renderers import BaseRenderer, JSONRenderer

from api.parameters import crs_header
from api.velden import rij_uitlezen

GEO_JSON = "application/geo+json"
GEOMETRIE = "geojson"


def _standaard(waarde):
    if isinstance(waarde, Decimal):
        return float(waarde)
    if isinstance(waarde, datetime | date):
        return waarde.isoformat()
    raise TypeError(f"Not JSON serialisable: {type(waarde).__name__}")


def json_tekst(data) -> str:
    return json.dumps(data, default=_standaard, ensure_ascii=False, separators=(",", ":"))


def feature(rij: dict, velden, *, id_naam: str) -> str:
    eigenschappen = json_tekst(rij_uitlezen(velden, rij))
    return (
        f'{{"type":"Feature","id":{json_tekst(rij[id_naam])},"geometry":{rij[GEOMETRIE] or "null"},"properties":{eigenschappen}}}'
    )


def crs_lid(srid: int) -> dict:
    # RFC 7946 has no `crs` member and means CRS84; for RD New the pre-RFC member tells GDAL and QGIS.
    return {"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}} if srid == 28992 else {}


def feature_collection(features: list[str], *, srid: int, links: list[dict]) -> str:
    kop = {"type": "FeatureCollection", **crs_lid(srid), "links": links, "numberReturned": len(features)}
    return json_tekst(kop)[:-1] + ',"features":[' + ",".join(features) + "]}"


def enkele_feature(tekst: str, *, srid: int) -> str:
    if srid != 28992:
        return tekst
    return tekst[:-1] + "," + json_tekst(crs_lid(srid))[1:]


def pagina_links(request, cursors: dict[str, str]) -> dict[str, str]:
    """Absolute URLs of this page and of the next/previous page (same query, other cursor)."""
    links = {"self": request.build_absolute_uri()}
    for rel, cursor in cursors.items():
        query = request.GET.copy()
        query["cursor"] = cursor
        links[rel] = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return links


def link_header(links: dict[str, str]) -> str:
    return ", ".join(f'<{href}>; rel="{rel}"' for rel, href in links.items())


def geo_links(links: dict[str, str]) -> list[dict]:
    return [{"href": href, "rel": rel, "type": GEO_JSON} for rel, href in links.items()]


def hal_links(links: dict[str, str]) -> dict:
    return {rel: {"href": href} for rel, href in links.items()}


def geo_headers(srid: int, links: dict[str, str] | None = None) -> dict:
    headers = {"Content-Crs": crs_header(srid)}
    if links:
        headers["Link"] = link_header(links)
    return headers


class GeoJsonRenderer(BaseRenderer):
    """application/geo+json; the body is prebuilt text (or a dict for errors)."""

    media_type = GEO_JSON
    format = "geojson"
    charset = None  # RFC 7946: always UTF-8, no charset parameter

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, str):
            return data.encode()
        return json_tekst(data).encode()


class GeoJsonAlsJsonRenderer(GeoJsonRenderer):
    """The same body for clients that only accept application/json."""

    media_type = "application/json"


class ApiJsonRenderer(JSONRenderer):
    charset = None
