"""OpenAPI 3 description: parameters and response schemas built from the same lists the views use."""

from django import forms
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from api.paginering import MAXIMALE_GROOTTE, STANDAARD_GROOTTE
from api.parameters import CRS84, CRS_SRID, TERREIN_FILTERS
from api.velden import eigenschappen_schema
from terreinen.filtersets import BedrijventerreinFilterSet

API_VERSIE_HEADER = "API-Version"


def alleen_api_v1(endpoints, **kwargs):
    """Preprocessing hook: the description covers the partner API only, not other DRF views of the project."""
    return [(pad, regex, methode, view) for pad, regex, methode, view in endpoints if pad.startswith("/api/v1/")]


def headers_toevoegen(result, generator, request, public):
    """Postprocessing hook: document the API-Version header on every response (NL API Design Rules)."""
    result.setdefault("components", {}).setdefault("headers", {})[API_VERSIE_HEADER] = {
        "description": "Versie van de API (semantic versioning).",
        "schema": {"type": "string", "example": result["info"]["version"]},
    }
    for pad in result.get("paths", {}).values():
        for operatie in pad.values():
            for antwoord in operatie.get("responses", {}).values():
                antwoord.setdefault("headers", {})[API_VERSIE_HEADER] = {"$ref": f"#/components/headers/{API_VERSIE_HEADER}"}
    return result


class ApiSchema(AutoSchema):
    """Response schemas are given whole (FeatureCollection, HAL list): never wrap them in an array."""

    def _is_list_view(self, serializer=None) -> bool:
        return False


class ApiSleutelScheme(OpenApiAuthenticationExtension):
    target_class = "api.authenticatie.ApiSleutelAuthentication"
    name = "apiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "X-Api-Key",
            "description": "API-sleutel van uw organisatie, aan te vragen bij de beheerder van NAL Oost.",
        }


def _filter_parameter(publiek: str, filter_) -> OpenApiParameter:
    omschrijving = str(filter_.label or publiek)
    if issubclass(filter_.field_class, forms.ModelMultipleChoiceField):
        sleutel = filter_.extra.get("to_field_name")
        patroon = {"provincie": "^PV[0-9]{2}$", "gemeente": "^GM[0-9]{4}$"}.get(publiek)
        item = {"type": "string", "pattern": patroon} if sleutel else {"type": "integer"}
        omschrijving += " (CBS-code; een onbekende code geeft een 400)" if sleutel else " (id; een onbekend id geeft een 400)"
        schema = {"type": "array", "items": item}
    elif issubclass(filter_.field_class, forms.MultipleChoiceField):
        schema = {"type": "array", "items": {"type": "string", "enum": [str(k) for k, _label in filter_.extra["choices"]]}}
    elif issubclass(filter_.field_class, forms.ChoiceField):
        schema = {"type": "string", "enum": [str(k) for k, _label in filter_.extra["choices"]]}
    elif issubclass(filter_.field_class, forms.DecimalField):
        schema = {"type": "number"}
    else:
        schema = {"type": "string"}
    if schema["type"] == "array":
        omschrijving += ". Meerdere waarden: herhaal de parameter of scheid met komma's."
    return OpenApiParameter(publiek, schema, OpenApiParameter.QUERY, description=omschrijving, explode=True)


TERREIN_FILTER_PARAMETERS = [
    _filter_parameter(publiek, BedrijventerreinFilterSet.base_filters[naam]) for publiek, naam in TERREIN_FILTERS.items()
]
CRS_PARAMETERS = [
    OpenApiParameter(
        "crs",
        {"type": "string", "enum": list(CRS_SRID), "default": CRS84},
        OpenApiParameter.QUERY,
        description="Coördinatenstelsel van de geometrie in het antwoord: CRS84 (lengte, breedte; standaard) of RD New.",
    ),
]
BBOX_PARAMETERS = [
    OpenApiParameter(
        "bbox",
        {"type": "array", "items": {"type": "number"}, "minItems": 4, "maxItems": 4},
        OpenApiParameter.QUERY,
        style="form",
        explode=False,
        description="Alleen objecten die dit kader snijden: minx,miny,maxx,maxy in `bbox-crs`.",
    ),
    OpenApiParameter(
        "bbox-crs",
        {"type": "string", "enum": list(CRS_SRID), "default": CRS84},
        OpenApiParameter.QUERY,
        description="Coördinatenstelsel van `bbox`; standaard CRS84.",
    ),
]


def pagina_parameters(sorteringen) -> list[OpenApiParameter]:
    keuzes = [*sorteringen, *(f"-{s}" for s in sorteringen)]
    return [
        OpenApiParameter(
            "pageSize",
            {"type": "integer", "minimum": 1, "maximum": MAXIMALE_GROOTTE, "default": STANDAARD_GROOTTE},
            OpenApiParameter.QUERY,
            description="Aantal objecten per pagina.",
        ),
        OpenApiParameter(
            "cursor",
            OpenApiTypes.STR,
            OpenApiParameter.QUERY,
            description="Positie in de lijst; neem de `next`- of `prev`-link uit een eerder antwoord over.",
        ),
        OpenApiParameter(
            "sorteer",
            {"type": "string", "enum": keuzes},
            OpenApiParameter.QUERY,
            description="Sorteervolgorde; een min-teken keert de volgorde om.",
        ),
    ]


PROBLEEM_SCHEMA = {
    "type": "object",
    "description": "Foutbericht volgens RFC 9457 (application/problem+json).",
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "code": {"type": "string"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "code": {"type": "string"}, "reason": {"type": "string"}},
                "required": ["name", "code", "reason"],
            },
        },
    },
    "required": ["type", "title", "status", "detail"],
}
FOUTEN = {(code, "application/problem+json"): PROBLEEM_SCHEMA for code in (400, 401, 403, 404, 429)}
FOUTEN_ZONDER_400 = {k: v for k, v in FOUTEN.items() if k[0] != 400}


def _geometrie_schema() -> dict:
    return {
        "type": "object",
        "nullable": True,
        "description": "GeoJSON-geometrie (MultiPolygon); null als de ligging onbekend is.",
        "properties": {"type": {"type": "string"}, "coordinates": {"type": "array", "items": {}}},
        "required": ["type", "coordinates"],
    }


def feature_schema(velden, *, id_schema: dict) -> dict:
    return {
        "type": "object",
        "properties": {
            "type": {"type": "string", "enum": ["Feature"]},
            "id": id_schema,
            "geometry": _geometrie_schema(),
            "properties": eigenschappen_schema(velden),
        },
        "required": ["type", "id", "geometry", "properties"],
    }


LINKS_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {"href": {"type": "string", "format": "uri"}, "rel": {"type": "string"}, "type": {"type": "string"}},
        "required": ["href", "rel"],
    },
}


def feature_collection_schema(velden, *, id_schema: dict) -> dict:
    return {
        "type": "object",
        "properties": {
            "type": {"type": "string", "enum": ["FeatureCollection"]},
            "links": LINKS_SCHEMA,
            "numberReturned": {"type": "integer"},
            "features": {"type": "array", "items": feature_schema(velden, id_schema=id_schema)},
        },
        "required": ["type", "features"],
    }


def hal_lijst_schema(naam: str, item: dict) -> dict:
    link = {"type": "object", "properties": {"href": {"type": "string", "format": "uri"}}, "required": ["href"]}
    return {
        "type": "object",
        "properties": {
            "_links": {
                "type": "object",
                "properties": {"self": link, "next": link, "prev": link},
                "required": ["self"],
            },
            "_embedded": {"type": "object", "properties": {naam: {"type": "array", "items": item}}, "required": [naam]},
        },
        "required": ["_links", "_embedded"],
    }
