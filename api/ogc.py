"""OGC API – Features at /api/v1/ogc: Part 1 (Core, GeoJSON, OpenAPI 3.0) and Part 2 (CRS by reference).

The same keys, scopes, visibility and field lists as the REST API: a collection is a `Collectie` over the
selectors and the field lists of velden.py (which read the visibility register), so a field closed there
is closed here too. Why not pygeoapi: see the README, section "Partners en GIS".
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.gis.db.models import Extent
from django.contrib.gis.geos import Polygon
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from api import openapi, selectors
from api.antwoorden import (
    GEO_JSON,
    GEOMETRIE,
    ApiJsonRenderer,
    GeoJsonAlsJsonRenderer,
    GeoJsonRenderer,
    crs_lid,
    feature,
    json_tekst,
    link_header,
    pagina_links,
)
from api.authenticatie import is_partner
from api.geometrie import geojson_expressie
from api.models import Resource
from api.paginering import MAXIMALE_GROOTTE, STANDAARD_GROOTTE, Keyset, Sortering
from api.parameters import CRS84, OGC_CRS_SRID, RD_NEW, ParameterLezer, crs_header
from api.velden import GEMEENTE_VELDEN, PROVINCIE_VELDEN, TERREIN_VELDEN, annotaties
from api.views import NlApiMixin
from terreinen.models import Provincie

JSON = "application/json"
SCHEMA_JSON = "application/schema+json"
OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0"
CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
]
ITEM_PARAMETERS = {"limit", "cursor", "bbox", "bbox-crs", "crs"}


@dataclass(frozen=True)
class Collectie:
    """One feature collection: its rows as the caller may see them, its public fields and its filters."""

    id: str
    titel: str
    omschrijving: str
    resource: str
    velden: tuple
    id_naam: str
    id_type: type
    id_schema: dict
    rijen: Callable[..., QuerySet]
    filters: tuple = ()
    filteren: Callable | None = None
    extra: dict = field(default_factory=dict)

    def id_lezen(self, ruw: str):
        """The feature id from the path, or None when it cannot be one (a 404, like an unknown id)."""
        if self.id_type is int:
            return int(ruw) if ruw.isdigit() and len(ruw) <= 9 else None
        return ruw if len(ruw) <= 20 else None


def _terreinen(user):
    return selectors.terreinen_met_velden(selectors.terreinen_zichtbaar(user=user), TERREIN_VELDEN)


def _gemeenten(user):
    return selectors.gemeenten_zichtbaar(user=user).annotate(**annotaties(GEMEENTE_VELDEN))


def _provincies(user):
    codes = selectors.gemeenten_zichtbaar(user=user).values("provincie_id")
    return Provincie.objects.filter(pk__in=codes).annotate(**annotaties(PROVINCIE_VELDEN))


def _gemeente_filters(lezer, rijen):
    provincie = lezer.tekst("provincie")
    if provincie is not None and not (len(provincie) == 4 and provincie.startswith("PV") and provincie[2:].isdigit()):
        lezer.fout("provincie", "pattern", _("Geef een CBS-provinciecode, bijvoorbeeld PV25."))
        return rijen
    return rijen.filter(provincie__code=provincie) if provincie else rijen


PROVINCIE_PARAMETER = OpenApiParameter(
    "provincie",
    {"type": "string", "pattern": "^PV[0-9]{2}$"},
    OpenApiParameter.QUERY,
    description="Alleen gemeenten in deze provincie (CBS-code).",
)

COLLECTIES = {
    c.id: c
    for c in (
        Collectie(
            id="bedrijventerreinen",
            titel="Bedrijventerreinen",
            omschrijving=(
                "Bedrijventerreinen (IBIS) in Gelderland en Overijssel met hun publieke kenmerken, stap in het "
                "stappenplan en de actuele plankaartcijfers (scenario midden) per zichtjaar."
            ),
            resource=Resource.BEDRIJVENTERREINEN,
            velden=TERREIN_VELDEN,
            id_naam="rin",
            id_type=int,
            id_schema={"type": "integer"},
            rijen=_terreinen,
            filters=tuple(openapi.TERREIN_FILTER_PARAMETERS),
            filteren=lambda lezer, rijen: lezer.terrein_filters(rijen),
        ),
        Collectie(
            id="gemeenten",
            titel="Gemeenten",
            omschrijving="Gemeenten in de regio met hun grens (CBS) en of zij een zero-emissiezone hebben.",
            resource=Resource.GEMEENTEN,
            velden=GEMEENTE_VELDEN,
            id_naam="code",
            id_type=str,
            id_schema={"type": "string", "pattern": "^GM[0-9]{4}$"},
            rijen=_gemeenten,
            filters=(PROVINCIE_PARAMETER,),
            filteren=_gemeente_filters,
        ),
        Collectie(
            id="provincies",
            titel="Provincies",
            omschrijving="De provincies van de gemeenten in de regio, met hun grens.",
            resource=Resource.GEMEENTEN,
            velden=PROVINCIE_VELDEN,
            id_naam="code",
            id_type=str,
            id_schema={"type": "string", "pattern": "^PV[0-9]{2}$"},
            rijen=_provincies,
        ),
    )
}


def _link(href: str, rel: str, type_: str, titel: str = "") -> dict:
    return {"href": href, "rel": rel, "type": type_, **({"title": titel} if titel else {})}


def _zonder_query(request) -> str:
    return request.build_absolute_uri(request.path)


def eigenschappen_jsonschema(velden) -> dict:
    return {v.naam: {**v.schema, "title": v.naam, "description": v.omschrijving} for v in velden}


def feature_jsonschema(collectie: Collectie, *, url: str) -> dict:
    """JSON Schema of one feature (GDAL's OAPIF driver reads the field types from it: no all-null strings)."""
    return {
        "$schema": "https://json-schema.org/draft/2019-09/schema",
        "$id": url,
        "title": collectie.titel,
        "type": "object",
        "required": ["type", "id", "geometry", "properties"],
        "properties": {
            "type": {"type": "string", "enum": ["Feature"]},
            "id": collectie.id_schema,
            "geometry": {"$ref": "https://geojson.org/schema/MultiPolygon.json"},
            "properties": {
                "type": "object",
                "properties": eigenschappen_jsonschema(collectie.velden),
                "required": [v.naam for v in collectie.velden],
            },
        },
    }


class SchemaJsonRenderer(JSONRenderer):
    media_type = SCHEMA_JSON
    format = "schemajson"
    charset = None


def collecties_voor(request) -> list[Collectie]:
    """The collections the caller's key covers (all of them for a logged-in user)."""
    if is_partner(request):
        return [c for c in COLLECTIES.values() if c.resource in request.auth.scope]
    return list(COLLECTIES.values())


def collectie_beschrijving(request, collectie: Collectie) -> dict:
    basis = reverse("api:ogc-collectie", kwargs={"collectie_id": collectie.id}, request=request)
    items = reverse("api:ogc-items", kwargs={"collectie_id": collectie.id}, request=request)
    beschrijving = {
        "id": collectie.id,
        "title": collectie.titel,
        "description": collectie.omschrijving,
        "itemType": "feature",
        "links": [
            _link(basis, "self", JSON, "Deze collectie"),
            _link(items, "items", GEO_JSON, "De objecten als GeoJSON"),
            _link(f"{basis}/schema", "describedby", SCHEMA_JSON, "JSON Schema van een object"),
            # The same relation (RFC 8288 compares case-insensitively): GDAL 3.6, and so QGIS on it, reads only this spelling.
            _link(f"{basis}/schema", "describedBy", SCHEMA_JSON, "JSON Schema van een object"),
            _link(f"{basis}/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables", SCHEMA_JSON, "Filters"),
        ],
        "crs": list(OGC_CRS_SRID),
        "storageCrs": RD_NEW,
    }
    omvang = collectie.rijen(request.user).aggregate(omvang=Extent("geometrie"))["omvang"]
    if omvang is not None:
        kader = Polygon.from_bbox(omvang)
        kader.srid = 28992
        kader.transform(4326)
        beschrijving["extent"] = {"spatial": {"bbox": [[round(g, 6) for g in kader.extent]], "crs": CRS84}}
    return beschrijving


LINK_SCHEMA = {
    "type": "object",
    "properties": {
        "href": {"type": "string", "format": "uri"},
        "rel": {"type": "string"},
        "type": {"type": "string"},
        "title": {"type": "string"},
    },
    "required": ["href", "rel"],
}
LINKS_SCHEMA = {"type": "array", "items": LINK_SCHEMA}
COLLECTIE_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "enum": list(COLLECTIES)},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "itemType": {"type": "string", "enum": ["feature"]},
        "links": LINKS_SCHEMA,
        "crs": {"type": "array", "items": {"type": "string", "enum": list(OGC_CRS_SRID)}},
        "storageCrs": {"type": "string", "enum": list(OGC_CRS_SRID)},
        "extent": {
            "type": "object",
            "properties": {
                "spatial": {
                    "type": "object",
                    "properties": {
                        "bbox": {
                            "type": "array",
                            "items": {"type": "array", "items": {"type": "number"}, "minItems": 4, "maxItems": 4},
                        },
                        "crs": {"type": "string"},
                    },
                    "required": ["bbox"],
                }
            },
        },
    },
    "required": ["id", "links", "crs"],
}
JSONSCHEMA_SCHEMA = {"type": "object", "description": "Een JSON Schema (draft 2019-09).", "additionalProperties": True}
COLLECTIE_PARAMETER = OpenApiParameter(
    "collectie_id",
    {"type": "string", "enum": list(COLLECTIES)},
    OpenApiParameter.PATH,
    description="Naam van de collectie.",
)
# The media type is chosen with Accept; the `format` query parameter is no parameter of the API (an unknown one: 400).
GEEN_FORMAT = OpenApiParameter("format", exclude=True)
OGC_CRS_PARAMETER = OpenApiParameter(
    "crs",
    {"type": "string", "enum": list(OGC_CRS_SRID), "default": CRS84},
    OpenApiParameter.QUERY,
    description=(
        "Coördinatenstelsel van de geometrie (OGC API – Features deel 2): CRS84 (lengte, breedte; standaard), "
        "ETRS89 (breedte, lengte) of RD New. Zonder deze parameter geldt de header `Accept-Crs`."
    ),
)
OGC_BBOX_PARAMETERS = [
    openapi.BBOX_PARAMETERS[0],
    OpenApiParameter(
        "bbox-crs",
        {"type": "string", "enum": list(OGC_CRS_SRID), "default": CRS84},
        OpenApiParameter.QUERY,
        description="Coördinatenstelsel van `bbox`, in de asvolgorde van dat stelsel; standaard CRS84.",
    ),
]
PAGINA_PARAMETERS = [
    OpenApiParameter(
        "limit",
        {"type": "integer", "minimum": 1, "maximum": MAXIMALE_GROOTTE, "default": STANDAARD_GROOTTE},
        OpenApiParameter.QUERY,
        description="Aantal objecten per pagina; volg de `next`-link voor de volgende pagina.",
    ),
    OpenApiParameter(
        "cursor",
        {"type": "string"},
        OpenApiParameter.QUERY,
        description="Positie in de lijst; neem de `next`-link uit een eerder antwoord over.",
    ),
    *OGC_BBOX_PARAMETERS,
    OGC_CRS_PARAMETER,
]


def items_schema(collectie: Collectie) -> tuple[dict, dict]:
    """The FeatureCollection and Feature schemas of one collection, from its field list (velden.py)."""
    feature_schema = openapi.feature_schema(collectie.velden, id_schema=collectie.id_schema)
    feature_schema["properties"]["links"] = LINKS_SCHEMA
    return {
        "type": "object",
        "properties": {
            "type": {"type": "string", "enum": ["FeatureCollection"]},
            "links": LINKS_SCHEMA,
            "timeStamp": {"type": "string", "format": "date-time"},
            "numberMatched": {"type": "integer", "minimum": 0},
            "numberReturned": {"type": "integer", "minimum": 0},
            "features": {"type": "array", "items": feature_schema},
        },
        "required": ["type", "features", "links", "numberMatched", "numberReturned"],
    }, feature_schema


class OgcView(NlApiMixin, APIView):
    """Keys, scope per collection, problem+json errors and headers as in the REST API."""

    renderer_classes = [ApiJsonRenderer]
    collectie: Collectie | None = None

    def initial(self, request, *args, **kwargs):
        collectie_id = kwargs.get("collectie_id")
        if collectie_id is not None:
            self.collectie = COLLECTIES.get(collectie_id)
            self.resource = self.collectie.resource if self.collectie else None
        super().initial(request, *args, **kwargs)
        if collectie_id is not None and self.collectie is None:
            raise exceptions.NotFound(_("Deze collectie bestaat niet."))


LANDING_SCHEMA = {
    "type": "object",
    "properties": {"title": {"type": "string"}, "description": {"type": "string"}, "links": LINKS_SCHEMA},
    "required": ["links"],
}


@extend_schema(tags=["ogc"])
class LandingView(OgcView):
    """Landing page of OGC API – Features."""

    @extend_schema(
        summary="OGC API – Features: startpagina",
        operation_id="ogcStartpagina",
        description=(
            "Startpunt voor GIS-software (QGIS, GDAL/ogr2ogr, ArcGIS): links naar de API-beschrijving, "
            "conformiteit en collecties."
        ),
        responses={200: LANDING_SCHEMA, **openapi.FOUTEN},
    )
    def get(self, request):
        ParameterLezer(request, toegestaan=set()).controleer()
        links = [
            _link(_zonder_query(request), "self", JSON, "Deze pagina"),
            _link(reverse("api:openapi", request=request), "service-desc", OPENAPI_JSON, "API-beschrijving (OpenAPI 3.0)"),
            _link(reverse("api:docs", request=request), "service-doc", "text/html", "Documentatie"),
            _link(reverse("api:ogc-conformance", request=request), "conformance", JSON, "Conformiteitsklassen"),
            _link(reverse("api:ogc-collecties", request=request), "data", JSON, "Collecties"),
        ]
        return Response(
            {
                "title": "NAL Oost – laadinfra bedrijventerreinen",
                "description": "Bedrijventerreinen, gemeenten en provincies van NAL-regio Oost als OGC API – Features.",
                "links": links,
            }
        )


@extend_schema(tags=["ogc"])
class ConformanceView(OgcView):
    @extend_schema(
        summary="OGC API – Features: conformiteit",
        operation_id="ogcConformiteit",
        responses={
            200: {"type": "object", "properties": {"conformsTo": {"type": "array", "items": {"type": "string"}}}},
            **openapi.FOUTEN,
        },
    )
    def get(self, request):
        ParameterLezer(request, toegestaan=set()).controleer()
        return Response({"conformsTo": CONFORMANCE})


@extend_schema(tags=["ogc"])
class CollectiesView(OgcView):
    @extend_schema(
        summary="OGC API – Features: collecties",
        operation_id="ogcCollecties",
        responses={
            200: {
                "type": "object",
                "properties": {"links": LINKS_SCHEMA, "collections": {"type": "array", "items": COLLECTIE_SCHEMA}},
                "required": ["links", "collections"],
            },
            **openapi.FOUTEN,
        },
    )
    def get(self, request):
        ParameterLezer(request, toegestaan=set()).controleer()
        return Response(
            {
                "links": [_link(_zonder_query(request), "self", JSON, "Collecties")],
                "crs": list(OGC_CRS_SRID),
                "collections": [collectie_beschrijving(request, c) for c in collecties_voor(request)],
            }
        )


@extend_schema(tags=["ogc"])
class CollectieView(OgcView):
    @extend_schema(
        summary="OGC API – Features: één collectie",
        operation_id="ogcCollectie",
        parameters=[COLLECTIE_PARAMETER],
        responses={200: COLLECTIE_SCHEMA, **openapi.FOUTEN},
    )
    def get(self, request, collectie_id):
        ParameterLezer(request, toegestaan=set()).controleer()
        return Response(collectie_beschrijving(request, self.collectie))


@extend_schema(tags=["ogc"])
class SchemaView(OgcView):
    renderer_classes = [SchemaJsonRenderer, ApiJsonRenderer]

    @extend_schema(
        summary="OGC API – Features: JSON Schema van een object",
        operation_id="ogcSchema",
        parameters=[COLLECTIE_PARAMETER, GEEN_FORMAT],
        responses={(200, SCHEMA_JSON): JSONSCHEMA_SCHEMA, (200, JSON): JSONSCHEMA_SCHEMA, **openapi.FOUTEN},
    )
    def get(self, request, collectie_id):
        ParameterLezer(request, toegestaan=set()).controleer()
        return Response(feature_jsonschema(self.collectie, url=_zonder_query(request)))


@extend_schema(tags=["ogc"])
class QueryablesView(OgcView):
    renderer_classes = [SchemaJsonRenderer, ApiJsonRenderer]

    @extend_schema(
        summary="OGC API – Features: filters (queryables)",
        operation_id="ogcQueryables",
        description="De filters van `items` als JSON Schema; dezelfde filters als de lijst in de applicatie.",
        parameters=[COLLECTIE_PARAMETER, GEEN_FORMAT],
        responses={(200, SCHEMA_JSON): JSONSCHEMA_SCHEMA, (200, JSON): JSONSCHEMA_SCHEMA, **openapi.FOUTEN},
    )
    def get(self, request, collectie_id):
        ParameterLezer(request, toegestaan=set()).controleer()
        eigenschappen = {p.name: {**p.type, "description": p.description} for p in self.collectie.filters}
        return Response(
            {
                "$schema": "https://json-schema.org/draft/2019-09/schema",
                "$id": _zonder_query(request),
                "type": "object",
                "title": self.collectie.titel,
                "properties": eigenschappen,
                "additionalProperties": False,
            }
        )


GEO_KOPPEN = {
    "Content-Crs": {"description": "Coördinatenstelsel van de geometrie (URI tussen < >).", "schema": {"type": "string"}},
}


class ItemsView(OgcView):
    """The items of any collection; documented per collection (`per_collectie`), this generic route is not."""

    renderer_classes = [GeoJsonRenderer, GeoJsonAlsJsonRenderer]

    @extend_schema(exclude=True)
    def get(self, request, collectie_id):
        collectie = self.collectie
        lezer = ParameterLezer(request, toegestaan={*ITEM_PARAMETERS, *(p.name for p in collectie.filters)})
        srid = lezer.crs(tabel=OGC_CRS_SRID)
        bbox = lezer.bbox(tabel=OGC_CRS_SRID)
        rijen = collectie.rijen(request.user)
        if collectie.filteren is not None:
            rijen = collectie.filteren(lezer, rijen)
        keyset = Keyset(
            lezer,
            sorteringen={collectie.id_naam: Sortering()},
            uniek=collectie.id_naam,
            uniek_type=collectie.id_type,
            standaard=collectie.id_naam,
            grootte_parameter="limit",
        )
        lezer.controleer()
        if bbox is not None:
            rijen = rijen.filter(geometrie__intersects=bbox)
        aantal = rijen.count()
        pagina, cursors = keyset.pagina(
            rijen.annotate(**{GEOMETRIE: geojson_expressie(srid=srid)}),
            velden=[*(v.sleutel for v in collectie.velden), GEOMETRIE],
        )
        links = pagina_links(request, cursors)
        features = [feature(r, collectie.velden, id_naam=collectie.id_naam) for r in pagina]
        kop = {
            "type": "FeatureCollection",
            **crs_lid(srid),
            "links": [
                *({"href": href, "rel": rel, "type": GEO_JSON} for rel, href in links.items()),
                _link(reverse("api:ogc-collectie", kwargs={"collectie_id": collectie.id}, request=request), "collection", JSON),
            ],
            "timeStamp": timezone.now().isoformat(timespec="seconds"),
            "numberMatched": aantal,
            "numberReturned": len(features),
        }
        body = json_tekst(kop)[:-1] + ',"features":[' + ",".join(features) + "]}"
        return Response(body, headers={"Content-Crs": crs_header(srid), "Link": link_header(links)})


class ItemView(OgcView):
    renderer_classes = [GeoJsonRenderer, GeoJsonAlsJsonRenderer]

    @extend_schema(exclude=True)
    def get(self, request, collectie_id, feature_id):
        collectie = self.collectie
        lezer = ParameterLezer(request, toegestaan={"crs"})
        srid = lezer.crs(tabel=OGC_CRS_SRID)
        lezer.controleer()
        sleutel = collectie.id_lezen(feature_id)
        rij = None
        if sleutel is not None:
            rij = (
                collectie.rijen(request.user)
                .filter(**{collectie.id_naam: sleutel})
                .annotate(**{GEOMETRIE: geojson_expressie(srid=srid)})
                .values(*(v.sleutel for v in collectie.velden), GEOMETRIE)
                .first()
            )
        if rij is None:
            raise exceptions.NotFound(_("Dit object bestaat niet of u heeft er geen toegang toe."))
        collectie_url = reverse("api:ogc-collectie", kwargs={"collectie_id": collectie.id}, request=request)
        links = [_link(_zonder_query(request), "self", GEO_JSON), _link(collectie_url, "collection", JSON)]
        tekst = feature(rij, collectie.velden, id_naam=collectie.id_naam)
        return Response(tekst[:-1] + ',"links":' + json_tekst(links) + "}", headers={"Content-Crs": crs_header(srid)})


def _per_collectie(collectie: Collectie) -> tuple[type, type]:
    """The items views of one collection, with its own parameters (its queryables) and typed feature schema."""
    naam = collectie.id.capitalize()
    collectie_schema, feature_schema = items_schema(collectie)

    @extend_schema(
        tags=["ogc"],
        summary=f"OGC API – Features: {collectie.titel.lower()}",
        operation_id=f"ogc{naam}",
        description=(
            f"{collectie.omschrijving} Als GeoJSON FeatureCollection, per pagina van `limit`; `numberMatched` telt "
            "alle objecten die aan de filters voldoen. Volg de `next`-link voor de volgende pagina."
        ),
        parameters=[*PAGINA_PARAMETERS, *collectie.filters],
        responses={(200, GEO_JSON): collectie_schema, (200, JSON): collectie_schema, **openapi.FOUTEN},
    )
    def items(self, request, collectie_id):
        return ItemsView.get(self, request, collectie_id)

    @extend_schema(
        tags=["ogc"],
        summary=f"OGC API – Features: één object uit {collectie.titel.lower()}",
        operation_id=f"ogc{naam}Object",
        parameters=[
            OpenApiParameter("feature_id", collectie.id_schema, OpenApiParameter.PATH, description="Sleutel van het object."),
            OGC_CRS_PARAMETER,
        ],
        responses={(200, GEO_JSON): feature_schema, (200, JSON): feature_schema, **openapi.FOUTEN},
    )
    def item(self, request, collectie_id, feature_id):
        return ItemView.get(self, request, collectie_id, feature_id)

    return (
        type(f"{naam}ItemsView", (ItemsView,), {"get": items, "__doc__": collectie.titel}),
        type(f"{naam}ItemView", (ItemView,), {"get": item, "__doc__": collectie.titel}),
    )


PER_COLLECTIE = {c.id: _per_collectie(c) for c in COLLECTIES.values()}

# OpenAPI links of the OGC operations (read by api.openapi.headers_toevoegen).
OGC_LINKS = {
    "ogcCollecties": {
        "collectie": openapi.link("ogcCollectie", "De eerste collectie.", collectie_id="$response.body#/collections/0/id"),
    },
    "ogcCollectie": {
        "queryables": openapi.link("ogcQueryables", "De filters.", collectie_id="$response.body#/id"),
        "schema": openapi.link("ogcSchema", "Het schema van een object.", collectie_id="$response.body#/id"),
    },
    **{
        f"ogc{c.id.capitalize()}": {
            "object": openapi.link(
                f"ogc{c.id.capitalize()}Object", "Het eerste object.", feature_id="$response.body#/features/0/id"
            )
        }
        for c in COLLECTIES.values()
    },
}
