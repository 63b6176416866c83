"""OpenAPI 3 description: parameters and response schemas built from the same lists the views use."""

from django import forms
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from api.paginering import MAXIMALE_GROOTTE, STANDAARD_GROOTTE
from api.parameters import CRS84, CRS_SRID, TERREIN_FILTERS
from api.parameters import RD_NEW as RD_NEW_URI
from api.problemen import TITELS
from api.velden import eigenschappen_schema
from overzicht.filtersets import BedrijventerreinFilterSet

API_VERSIE_HEADER = "API-Version"


def alleen_api_v1(endpoints, **kwargs):
    """Preprocessing hook: the description covers the partner API only, not other DRF views of the project."""
    return [(pad, regex, methode, view) for pad, regex, methode, view in endpoints if pad.startswith("/api/v1/")]


PAD_PREFIX = "/api/v1"
# The API's address; other installations choose theirs through the server variable.
SERVER = {
    "url": "https://{host}/api/v1",
    "description": "NAL Oost laadinfra, versie 1 van de API.",
    "variables": {"host": {"default": "laadinfra.nal-oost.nl", "description": "Adres van de installatie."}},
}
CONTACT_URL = "https://laadinfra.nal-oost.nl/api/v1/documentatie"
TAGS = {
    "bedrijventerreinen": "Bedrijventerreinen (IBIS) met publieke kenmerken, als GeoJSON.",
    "gemeenten": "Gemeenten met hun grens, als GeoJSON.",
    "plankaarten": "Verwachte laadvraag per bedrijventerrein, zichtjaar en scenario, en de imports daarvan.",
    "trajecten": "Waar elk bedrijventerrein staat in het stappenplan.",
    "aggregaten": "Totalen per provincie en per gemeente.",
    "instrumenten": "De toolbox: instrumenten per categorie, stap en doelgroep.",
    "ogc": "OGC API – Features (deel 1 en 2) voor GIS-software: QGIS, GDAL/ogr2ogr, ArcGIS.",
    "api": "Beschrijving van de API zelf.",
}
KOPPEN = {
    API_VERSIE_HEADER: ("Versie van de API (semantic versioning).", {"type": "string"}),
    "ETag": ("Sterke validator van dit antwoord; stuur terug in `If-None-Match`.", {"type": "string"}),
    "Last-Modified": ("Moment waarop dit antwoord voor het eerst zo werd gegeven.", {"type": "string"}),
    "Cache-Control": ("`private, no-cache`: bewaren mag alleen met hervalidatie (ETag).", {"type": "string"}),
    "Vary": ("Kopregels die het antwoord bepalen.", {"type": "string"}),
    "Content-Crs": ("Coördinatenstelsel van de geometrie, als URI tussen < >.", {"type": "string"}),
    "Link": ("Links naar deze, de volgende en de vorige pagina (RFC 8288).", {"type": "string"}),
    "Retry-After": ("Aantal seconden tot een nieuw verzoek weer kan.", {"type": "integer"}),
    "WWW-Authenticate": ("Hoe te authenticeren: een API-sleutel in de header `X-Api-Key`.", {"type": "string"}),
}
# Headers of one status code only.
KOPPEN_PER_STATUS = {"401": ["WWW-Authenticate"], "429": ["Retry-After"]}
VERZOEK_KOPPEN = {
    "If-None-Match": "ETag van een eerder antwoord: is het niet gewijzigd, dan volgt 304 zonder inhoud.",
    "If-Modified-Since": "Moment (HTTP-datum): is het antwoord sindsdien niet gewijzigd, dan volgt 304 zonder inhoud.",
}
ACCEPT_CRS = {
    "description": (
        "Gewenst coördinatenstelsel (ADR geo-module): de URI of de EPSG-code, bijvoorbeeld `EPSG:28992`; geldt als de "
        "parameter `crs` ontbreekt. Een stelsel dat niet wordt aangeboden geeft 406."
    ),
    "schema": {"type": "string", "enum": [CRS84, RD_NEW_URI, "OGC:CRS84", "EPSG:28992"]},
}
EXTRA_FOUTEN = (405, 406, 500)


def link(doel: str, omschrijving: str, **parameters: str) -> dict:
    return {"operationId": doel, "description": omschrijving, "parameters": parameters}


# OpenAPI links: where an answer leads (clients and Schemathesis' stateful phase follow them).
LINKS = {
    "bedrijventerreinenZoeken": {
        "terrein": link("bedrijventerreinOphalen", "Het eerste terrein.", rin="$response.body#/features/0/id"),
    },
    "gemeentenZoeken": {
        "gemeente": link("gemeenteOphalen", "De eerste gemeente.", code="$response.body#/features/0/id"),
    },
    "plankaartenZoeken": {
        "terrein": link(
            "bedrijventerreinOphalen", "Het terrein van de eerste rij.", rin="$response.body#/_embedded/plankaarten/0/terreinRin"
        ),
    },
    "trajectenZoeken": {
        "terrein": link(
            "bedrijventerreinOphalen",
            "Het terrein van het eerste traject.",
            rin="$response.body#/_embedded/trajecten/0/terreinRin",
        ),
    },
    "instrumentenZoeken": {
        "instrument": link(
            "instrumentRaadplegen", "Het eerste instrument.", slug="$response.body#/_embedded/instrumenten/0/slug"
        ),
    },
}


def _ref(soort: str, naam: str) -> dict:
    return {"$ref": f"#/components/{soort}/{naam}"}


def headers_toevoegen(result, generator, request, public):
    """Postprocessing hook: servers, contact, tags, and every header and status the API sends (api/http.py).

    Paths are relative to the server URL (which carries /api/v1, NL API Design Rules /core/uri-version).
    """
    from api.ogc import OGC_LINKS  # the OGC module builds on this one

    links = {**LINKS, **OGC_LINKS}
    componenten = result.setdefault("components", {})
    koppen = componenten.setdefault("headers", {})
    for naam, (omschrijving, schema) in KOPPEN.items():
        koppen[naam] = {"description": omschrijving, "schema": schema}
    koppen[API_VERSIE_HEADER]["schema"] = {"type": "string", "example": result["info"]["version"]}
    parameters = componenten.setdefault("parameters", {})
    for naam, omschrijving in VERZOEK_KOPPEN.items():
        parameters[naam] = {
            "name": naam,
            "in": "header",
            "required": False,
            "description": omschrijving,
            "schema": {"type": "string"},
        }
    parameters["Accept-Crs"] = {"name": "Accept-Crs", "in": "header", "required": False, **ACCEPT_CRS}
    componenten.setdefault("schemas", {})["Probleem"] = PROBLEEM_SCHEMA
    probleem = {"application/problem+json": {"schema": _ref("schemas", "Probleem")}}

    result["servers"] = [SERVER]
    result["info"].setdefault("contact", {})["url"] = CONTACT_URL
    gebruikt = {tag for pad in result["paths"].values() for op in pad.values() for tag in op.get("tags", [])}
    result["tags"] = [{"name": naam, "description": omschrijving} for naam, omschrijving in TAGS.items() if naam in gebruikt]

    paden = {}
    for pad, operaties in result["paths"].items():
        paden[pad.removeprefix(PAD_PREFIX) or "/"] = operaties
        for methode, operatie in operaties.items():
            antwoorden = operatie["responses"]
            geo = any("application/geo+json" in a.get("content", {}) for a in antwoorden.values())
            gepagineerd = any(p.get("name") == "cursor" for p in operatie.get("parameters", []))
            for code, antwoord in antwoorden.items():
                inhoud = antwoord.get("content", {})
                if "application/geo+json" in inhoud and "application/json" not in inhoud:
                    inhoud["application/json"] = inhoud["application/geo+json"]
                namen = [API_VERSIE_HEADER, "Cache-Control", "Vary"]
                if str(code) == "200":
                    namen += ["ETag", "Last-Modified"] + (["Content-Crs"] if geo else []) + (["Link"] if gepagineerd else [])
                    if operatie.get("operationId") in links:
                        antwoord["links"] = links[operatie["operationId"]]
                namen += KOPPEN_PER_STATUS.get(str(code), [])
                antwoord["headers"] = {naam: _ref("headers", naam) for naam in namen}
            if methode == "get":
                antwoorden["304"] = {
                    "description": "Niet gewijzigd sinds de ETag of het moment in het verzoek.",
                    "headers": {
                        n: _ref("headers", n)
                        for n in (API_VERSIE_HEADER, "ETag", "Last-Modified", "Cache-Control", "Vary")
                        + (("Content-Crs",) if geo else ())
                    },
                }
                operatie.setdefault("parameters", []).extend(_ref("parameters", n) for n in VERZOEK_KOPPEN)
                if geo:
                    operatie["parameters"].append(_ref("parameters", "Accept-Crs"))
            for code in EXTRA_FOUTEN:
                antwoorden.setdefault(
                    str(code),
                    {
                        "description": str(TITELS[code]),
                        "content": probleem,
                        "headers": {n: _ref("headers", n) for n in (API_VERSIE_HEADER, "Cache-Control", "Vary")},
                    },
                )
            operatie["responses"] = dict(sorted(antwoorden.items()))
    result["paths"] = paden
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
        # Ids as parameters.ID_PATROON accepts them: positive, at most 18 digits.
        item = {"type": "string", "pattern": patroon} if sleutel else {"type": "integer", "minimum": 1, "maximum": 10**18 - 1}
        omschrijving += " (CBS-code; een onbekende code geeft een 400)" if sleutel else " (id; een onbekend id geeft een 400)"
        schema = {"type": "array", "items": item}
    elif issubclass(filter_.field_class, forms.MultipleChoiceField):
        schema = {"type": "array", "items": {"type": "string", "enum": [str(k) for k, _label in filter_.extra["choices"]]}}
    elif issubclass(filter_.field_class, forms.ChoiceField):
        schema = {"type": "string", "enum": [str(k) for k, _label in filter_.extra["choices"]]}
    elif issubclass(filter_.field_class, forms.DecimalField):
        schema = {"type": "number"}
        grens = filter_.get_max_validator() if hasattr(filter_, "get_max_validator") else None
        if grens is not None:
            schema["maximum"] = grens.limit_value
    else:
        # Django's form fields refuse NUL characters (ProhibitNullCharactersValidator).
        schema = {"type": "string", "pattern": "^[^\\u0000]*$"}
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
