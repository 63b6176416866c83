"""Partner API v1: thin viewsets over the selectors; parameters, paging and bodies live in their own modules.

Adding a collection (for example the toolbox's `instrumenten`) is one `Resource` member, one field list
in velden.py and one small viewset registered in urls.py.
"""

from django.db.models import F
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework import exceptions, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from api import http, openapi, selectors
from api.antwoorden import (
    GEOMETRIE,
    ApiJsonRenderer,
    GeoJsonAlsJsonRenderer,
    GeoJsonRenderer,
    enkele_feature,
    feature,
    feature_collection,
    geo_headers,
    geo_links,
    hal_links,
    link_header,
    pagina_links,
)
from api.authenticatie import ApiSleutelAuthentication, ApiSleutelThrottle, HeeftToegang
from api.geometrie import geojson_expressie
from api.models import Resource
from api.paginering import DECIMAAL, GEHEEL, TEKST, Keyset, Sortering
from api.parameters import GEO_PARAMETERS, PAGINA_PARAMETERS, TERREIN_FILTERS, ParameterLezer
from api.problemen import exception_handler
from api.velden import (
    GEMEENTE_VELDEN,
    INSTRUMENT_KOPPEL_SCHEMA,
    INSTRUMENT_VELDEN,
    PLANKAART_VELDEN,
    TERREIN_VELDEN,
    TRAJECT_VELDEN,
    VERSIE_VELDEN,
    annotaties,
    eigenschappen_schema,
    rij_uitlezen,
)
from plankaarten.models import ZICHTJAREN, Scenario
from toolbox.models import Categorie, Doelgroep, InstrumentStatus

SCENARIO_PARAMETER = OpenApiParameter(
    "scenario",
    {"type": "string", "enum": list(Scenario.values), "default": Scenario.MIDDEN},
    OpenApiParameter.QUERY,
    description="Scenario van de plankaartcijfers.",
)


class NlApiMixin:
    """NL API Design Rules for every view: API-Version header, problem+json errors, key or session, limits per key."""

    authentication_classes = [ApiSleutelAuthentication, SessionAuthentication]
    permission_classes = [HeeftToegang]
    throttle_classes = [ApiSleutelThrottle]
    renderer_classes = [ApiJsonRenderer]
    schema = openapi.ApiSchema()
    resource: str | None = None

    def get_exception_handler(self):
        return exception_handler

    # The OpenAPI description is public; everything else is keyed data (see api/http.py).
    publiek = False

    def dispatch(self, request, *args, **kwargs):
        return http.cors_voorcontrole(request) or super().dispatch(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        return http.afronden(request, response, publiek=self.publiek)


def _namen(velden) -> list[str]:
    return [v.sleutel for v in velden]


def _hal_antwoord(request, naam: str, rijen: list[dict], cursors: dict, velden) -> Response:
    links = pagina_links(request, cursors)
    data = {"_links": hal_links(links), "_embedded": {naam: [rij_uitlezen(velden, r) for r in rijen]}}
    return Response(data, headers={"Link": link_header(links)})


TERREIN_SORTERINGEN = {
    "rin": Sortering(),
    "naam": Sortering(F("naam"), TEKST),
}
GEMEENTE_SORTERINGEN = {"code": Sortering(), "naam": Sortering(F("naam"), TEKST)}
PLANKAART_SORTERINGEN = {"id": Sortering(), "laadvermogenKw": Sortering(F("laadvermogen_kw"), DECIMAAL)}
TRAJECT_SORTERINGEN = {"terreinRin": Sortering(), "stap": Sortering(F("stap"), GEHEEL)}
RIN_SCHEMA = {"type": "integer"}


@extend_schema(tags=["bedrijventerreinen"])
class BedrijventerreinViewSet(NlApiMixin, viewsets.ViewSet):
    """Bedrijventerreinen (IBIS) met de publieke kenmerken, als GeoJSON."""

    resource = Resource.BEDRIJVENTERREINEN
    renderer_classes = [GeoJsonRenderer, GeoJsonAlsJsonRenderer]
    lookup_field = "rin"
    lookup_value_regex = "[0-9]{1,9}"

    def _basis(self, terreinen, srid: int):
        return selectors.terreinen_met_velden(terreinen, TERREIN_VELDEN).annotate(**{GEOMETRIE: geojson_expressie(srid=srid)})

    @extend_schema(
        summary="Bedrijventerreinen zoeken",
        operation_id="bedrijventerreinenZoeken",
        description=(
            "Alle bedrijventerreinen waar u toegang toe heeft, als GeoJSON FeatureCollection (RFC 7946), gepagineerd "
            "met een cursor. De filters zijn dezelfde als in de lijst van de applicatie."
        ),
        parameters=[
            *openapi.TERREIN_FILTER_PARAMETERS,
            *openapi.CRS_PARAMETERS,
            *openapi.BBOX_PARAMETERS,
            *openapi.pagina_parameters(TERREIN_SORTERINGEN),
        ],
        responses={
            (200, "application/geo+json"): openapi.feature_collection_schema(TERREIN_VELDEN, id_schema=RIN_SCHEMA),
            **openapi.FOUTEN,
        },
    )
    def list(self, request):
        lezer = ParameterLezer(request, toegestaan={*TERREIN_FILTERS, *GEO_PARAMETERS, *PAGINA_PARAMETERS})
        terreinen = lezer.terrein_filters(selectors.terreinen_zichtbaar(user=request.user))
        srid = lezer.crs()
        bbox = lezer.bbox()
        keyset = Keyset(lezer, sorteringen=TERREIN_SORTERINGEN, uniek="rin", uniek_type=int, standaard="rin")
        lezer.controleer()
        if bbox is not None:
            terreinen = terreinen.filter(geometrie__intersects=bbox)
        rijen, cursors = keyset.pagina(self._basis(terreinen, srid), velden=[*_namen(TERREIN_VELDEN), GEOMETRIE])
        links = pagina_links(request, cursors)
        body = feature_collection([feature(r, TERREIN_VELDEN, id_naam="rin") for r in rijen], srid=srid, links=geo_links(links))
        return Response(body, headers=geo_headers(srid, links))

    @extend_schema(
        summary="Eén bedrijventerrein",
        operation_id="bedrijventerreinOphalen",
        description="Een bedrijventerrein op RIN-nummer, als GeoJSON Feature.",
        parameters=[
            OpenApiParameter("rin", RIN_SCHEMA, OpenApiParameter.PATH, description="RIN-nummer"),
            *openapi.CRS_PARAMETERS,
        ],
        responses={
            (200, "application/geo+json"): openapi.feature_schema(TERREIN_VELDEN, id_schema=RIN_SCHEMA),
            **openapi.FOUTEN,
        },
    )
    def retrieve(self, request, rin=None):
        lezer = ParameterLezer(request, toegestaan={"crs"})
        srid = lezer.crs()
        lezer.controleer()
        terreinen = selectors.terreinen_zichtbaar(user=request.user).filter(rin=int(rin))
        rij = self._basis(terreinen, srid).values(*_namen(TERREIN_VELDEN), GEOMETRIE).first()
        if rij is None:
            raise exceptions.NotFound(_("Dit bedrijventerrein bestaat niet of u heeft er geen toegang toe."))
        return Response(enkele_feature(feature(rij, TERREIN_VELDEN, id_naam="rin"), srid=srid), headers=geo_headers(srid))


VEREENVOUDIGING_PARAMETER = OpenApiParameter(
    "vereenvoudiging",
    {"type": "integer", "minimum": 0, "maximum": 1000, "default": 0},
    OpenApiParameter.QUERY,
    description="Vereenvoudig de grenzen met deze tolerantie in meters (0 = exacte grens).",
)
CODE_SCHEMA = {"type": "string", "pattern": "^GM[0-9]{4}$"}


@extend_schema(tags=["gemeenten"])
class GemeenteViewSet(NlApiMixin, viewsets.ViewSet):
    """Gemeenten met hun grens, als GeoJSON."""

    resource = Resource.GEMEENTEN
    renderer_classes = [GeoJsonRenderer, GeoJsonAlsJsonRenderer]
    lookup_field = "code"
    lookup_value_regex = "GM[0-9]{4}"

    def _basis(self, gemeenten, srid: int, vereenvoudiging: int):
        return gemeenten.annotate(
            **annotaties(GEMEENTE_VELDEN), **{GEOMETRIE: geojson_expressie(srid=srid, vereenvoudiging_m=vereenvoudiging)}
        )

    @extend_schema(
        summary="Gemeenten",
        operation_id="gemeentenZoeken",
        description="Gemeenten in de regio met hun grens, als GeoJSON FeatureCollection.",
        parameters=[
            OpenApiParameter(
                "provincie",
                {"type": "string", "pattern": "^PV[0-9]{2}$"},
                OpenApiParameter.QUERY,
                description="Alleen gemeenten in deze provincie (CBS-code).",
            ),
            VEREENVOUDIGING_PARAMETER,
            *openapi.CRS_PARAMETERS,
            *openapi.BBOX_PARAMETERS,
            *openapi.pagina_parameters(GEMEENTE_SORTERINGEN),
        ],
        responses={
            (200, "application/geo+json"): openapi.feature_collection_schema(GEMEENTE_VELDEN, id_schema=CODE_SCHEMA),
            **openapi.FOUTEN,
        },
    )
    def list(self, request):
        lezer = ParameterLezer(request, toegestaan={"provincie", "vereenvoudiging", *GEO_PARAMETERS, *PAGINA_PARAMETERS})
        srid = lezer.crs()
        bbox = lezer.bbox()
        vereenvoudiging = lezer.geheel("vereenvoudiging", minimum=0, maximum=1000, standaard=0)
        provincie = lezer.tekst("provincie")
        if provincie is not None and not (len(provincie) == 4 and provincie.startswith("PV") and provincie[2:].isdigit()):
            lezer.fout("provincie", "pattern", _("Geef een CBS-provinciecode, bijvoorbeeld PV25."))
        keyset = Keyset(lezer, sorteringen=GEMEENTE_SORTERINGEN, uniek="code", uniek_type=str, standaard="code")
        lezer.controleer()
        gemeenten = selectors.gemeenten_zichtbaar(user=request.user)
        if provincie:
            gemeenten = gemeenten.filter(provincie__code=provincie)
        if bbox is not None:
            gemeenten = gemeenten.filter(geometrie__intersects=bbox)
        rijen, cursors = keyset.pagina(
            self._basis(gemeenten, srid, vereenvoudiging), velden=[*_namen(GEMEENTE_VELDEN), GEOMETRIE]
        )
        links = pagina_links(request, cursors)
        body = feature_collection([feature(r, GEMEENTE_VELDEN, id_naam="code") for r in rijen], srid=srid, links=geo_links(links))
        return Response(body, headers=geo_headers(srid, links))

    @extend_schema(
        summary="Eén gemeente",
        operation_id="gemeenteOphalen",
        parameters=[
            OpenApiParameter("code", CODE_SCHEMA, OpenApiParameter.PATH, description="CBS-code, bijvoorbeeld GM0200"),
            VEREENVOUDIGING_PARAMETER,
            *openapi.CRS_PARAMETERS,
        ],
        responses={
            (200, "application/geo+json"): openapi.feature_schema(GEMEENTE_VELDEN, id_schema=CODE_SCHEMA),
            **openapi.FOUTEN,
        },
    )
    def retrieve(self, request, code=None):
        lezer = ParameterLezer(request, toegestaan={"crs", "vereenvoudiging"})
        srid = lezer.crs()
        vereenvoudiging = lezer.geheel("vereenvoudiging", minimum=0, maximum=1000, standaard=0)
        lezer.controleer()
        gemeenten = selectors.gemeenten_zichtbaar(user=request.user).filter(code=code)
        rij = self._basis(gemeenten, srid, vereenvoudiging).values(*_namen(GEMEENTE_VELDEN), GEOMETRIE).first()
        if rij is None:
            raise exceptions.NotFound(_("Deze gemeente bestaat niet of u heeft er geen toegang toe."))
        return Response(enkele_feature(feature(rij, GEMEENTE_VELDEN, id_naam="code"), srid=srid), headers=geo_headers(srid))


PLANKAART_SCHEMA = {
    "type": "object",
    "properties": {v.naam: {**v.schema, "description": v.omschrijving} for v in PLANKAART_VELDEN},
    "required": [v.naam for v in PLANKAART_VELDEN],
}


@extend_schema(tags=["plankaarten"])
class PlankaartViewSet(NlApiMixin, viewsets.ViewSet):
    """Plankaarten: verwachte laadvraag per bedrijventerrein, zichtjaar en scenario."""

    resource = Resource.PLANKAARTEN

    @extend_schema(
        summary="Plankaarten",
        operation_id="plankaartenZoeken",
        description=(
            "Standaard de actuele versie. Met `versie` de cijfers van een eerdere import (zie `/plankaart-versies`). "
            "Cijfers met `gemodelleerd: true` zijn modeluitkomsten, geen metingen."
        ),
        parameters=[
            OpenApiParameter(
                "terrein",
                {"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 999_999_999}},
                OpenApiParameter.QUERY,
                description="Alleen deze bedrijventerreinen (RIN-nummers, komma-gescheiden of herhaald).",
            ),
            OpenApiParameter(
                "zichtjaar", {"type": "integer", "enum": list(ZICHTJAREN)}, OpenApiParameter.QUERY, description="Zichtjaar."
            ),
            OpenApiParameter(
                "scenario", {"type": "string", "enum": list(Scenario.values)}, OpenApiParameter.QUERY, description="Scenario."
            ),
            OpenApiParameter(
                "versie",
                {"type": "integer", "minimum": 1, "maximum": 999_999_999},
                OpenApiParameter.QUERY,
                description="Versienummer van de import.",
            ),
            *openapi.TERREIN_FILTER_PARAMETERS,
            *openapi.pagina_parameters(PLANKAART_SORTERINGEN),
        ],
        responses={200: openapi.hal_lijst_schema("plankaarten", PLANKAART_SCHEMA), **openapi.FOUTEN},
    )
    def list(self, request):
        lezer = ParameterLezer(
            request,
            toegestaan={"terrein", "zichtjaar", "scenario", "versie", *TERREIN_FILTERS, *PAGINA_PARAMETERS},
            herhaalbaar=frozenset({"terrein"}),
        )
        terreinen = lezer.terrein_filters(selectors.terreinen_zichtbaar(user=request.user))
        rins = []
        for waarde in lezer.query.getlist("terrein"):
            for deel in waarde.split(","):
                if not deel.strip().isdigit() or len(deel.strip()) > 9:
                    lezer.fout("terrein", "integer", _("Geef RIN-nummers (gehele getallen), gescheiden door komma's."))
                    break
                rins.append(int(deel))
        zichtjaar = lezer.keuze("zichtjaar", [str(j) for j in ZICHTJAREN])
        scenario = lezer.keuze("scenario", list(Scenario.values))
        versie = lezer.geheel("versie", minimum=1, maximum=999_999_999)
        keyset = Keyset(lezer, sorteringen=PLANKAART_SORTERINGEN, uniek="id", uniek_type=int, standaard="id")
        lezer.controleer()
        if rins:
            terreinen = terreinen.filter(rin__in=rins)
        rijen = selectors.plankaarten_zichtbaar(user=request.user, terreinen=terreinen, versie=versie)
        if zichtjaar:
            rijen = rijen.filter(zichtjaar=int(zichtjaar))
        if scenario:
            rijen = rijen.filter(scenario=scenario)
        pagina, cursors = keyset.pagina(rijen.annotate(**annotaties(PLANKAART_VELDEN)), velden=_namen(PLANKAART_VELDEN))
        return _hal_antwoord(request, "plankaarten", pagina, cursors, PLANKAART_VELDEN)


@extend_schema(tags=["plankaarten"])
class PlankaartVersieViewSet(NlApiMixin, viewsets.ViewSet):
    """De imports van plankaartcijfers, nieuwste eerst."""

    resource = Resource.PLANKAARTEN

    @extend_schema(
        summary="Plankaartversies",
        operation_id="plankaartVersiesOphalen",
        description="Alle versies (imports) van plankaartcijfers, nieuwste eerst; de nieuwste is actueel.",
        responses={
            200: openapi.hal_lijst_schema("plankaartVersies", eigenschappen_schema(VERSIE_VELDEN)),
            **openapi.FOUTEN,
        },
    )
    def list(self, request):
        ParameterLezer(request, toegestaan=set()).controleer()
        rijen = selectors.plankaart_versies().annotate(**annotaties(VERSIE_VELDEN)).values(*_namen(VERSIE_VELDEN))
        versies = [rij_uitlezen(VERSIE_VELDEN, rij) for rij in rijen]
        return Response({"_links": hal_links({"self": request.build_absolute_uri()}), "_embedded": {"plankaartVersies": versies}})


TRAJECT_SCHEMA = {
    "type": "object",
    "properties": {v.naam: {**v.schema, "description": v.omschrijving} for v in TRAJECT_VELDEN},
    "required": [v.naam for v in TRAJECT_VELDEN],
}


@extend_schema(tags=["trajecten"])
class TrajectViewSet(NlApiMixin, viewsets.ViewSet):
    """Waar elk bedrijventerrein staat in het stappenplan."""

    resource = Resource.TRAJECTEN

    @extend_schema(
        summary="Trajecten",
        operation_id="trajectenZoeken",
        description="Per bedrijventerrein de huidige stap (0–6) en status in het stappenplan.",
        parameters=[*openapi.TERREIN_FILTER_PARAMETERS, *openapi.pagina_parameters(TRAJECT_SORTERINGEN)],
        responses={200: openapi.hal_lijst_schema("trajecten", TRAJECT_SCHEMA), **openapi.FOUTEN},
    )
    def list(self, request):
        lezer = ParameterLezer(request, toegestaan={*TERREIN_FILTERS, *PAGINA_PARAMETERS})
        terreinen = lezer.terrein_filters(selectors.terreinen_zichtbaar(user=request.user))
        keyset = Keyset(lezer, sorteringen=TRAJECT_SORTERINGEN, uniek="terrein__rin", uniek_type=int, standaard="terreinRin")
        lezer.controleer()
        rijen = selectors.trajecten_zichtbaar(terreinen=terreinen).annotate(**annotaties(TRAJECT_VELDEN))
        pagina, cursors = keyset.pagina(rijen, velden=_namen(TRAJECT_VELDEN))
        return _hal_antwoord(request, "trajecten", pagina, cursors, TRAJECT_VELDEN)


AGGREGAAT_SCHEMA = {
    "type": "object",
    "properties": {
        "code": {"type": "string", "description": "CBS-code van de provincie of gemeente."},
        "naam": {"type": "string"},
        "aantalTerreinen": {"type": "integer"},
        "haBruto": {"type": "number", "nullable": True},
        "haNetto": {"type": "number", "nullable": True},
        "aantalPerStap": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"stap": {"type": "integer", "nullable": True}, "aantal": {"type": "integer"}},
                "required": ["stap", "aantal"],
            },
            "description": "Aantal terreinen per stap; `stap: null` = nog geen traject.",
        },
        "laadvraag": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "zichtjaar": {"type": "integer"},
                    "scenario": {"type": "string"},
                    "aantalTerreinenMetPlankaart": {"type": "integer"},
                    "laadvermogenKw": {"type": "number"},
                    "bestelwagens": {"type": "integer"},
                    "vrachtwagens": {"type": "integer"},
                },
                "required": ["zichtjaar", "scenario", "aantalTerreinenMetPlankaart", "laadvermogenKw"],
            },
            "description": "Som van de actuele laadvraag per zichtjaar.",
        },
    },
    "required": ["code", "naam", "aantalTerreinen", "aantalPerStap", "laadvraag"],
}


@extend_schema(tags=["aggregaten"])
class AggregaatViewSet(NlApiMixin, viewsets.ViewSet):
    """Totalen per provincie en per gemeente, over de terreinen waar u toegang toe heeft."""

    resource = Resource.AGGREGATEN

    def _aggregaten(self, request, groep: str):
        lezer = ParameterLezer(request, toegestaan={"scenario", *TERREIN_FILTERS})
        terreinen = lezer.terrein_filters(selectors.terreinen_zichtbaar(user=request.user))
        scenario = lezer.keuze("scenario", list(Scenario.values), Scenario.MIDDEN)
        lezer.controleer()
        data = selectors.aggregaten(terreinen=terreinen, groep=groep, scenario=scenario)
        return Response({"_links": hal_links({"self": request.build_absolute_uri()}), "_embedded": {groep: data}})

    @extend_schema(
        summary="Totalen per provincie",
        operation_id="aggregatenPerProvincie",
        parameters=[SCENARIO_PARAMETER, *openapi.TERREIN_FILTER_PARAMETERS],
        responses={200: openapi.hal_lijst_schema("provincies", AGGREGAAT_SCHEMA), **openapi.FOUTEN},
    )
    @action(detail=False, url_path="provincies")
    def provincies(self, request):
        return self._aggregaten(request, "provincies")

    @extend_schema(
        summary="Totalen per gemeente",
        operation_id="aggregatenPerGemeente",
        parameters=[SCENARIO_PARAMETER, *openapi.TERREIN_FILTER_PARAMETERS],
        responses={200: openapi.hal_lijst_schema("gemeenten", AGGREGAAT_SCHEMA), **openapi.FOUTEN},
    )
    @action(detail=False, url_path="gemeenten")
    def gemeenten(self, request):
        return self._aggregaten(request, "gemeenten")


INSTRUMENT_SORTERINGEN = {"slug": Sortering(), "titel": Sortering(F("titel"), TEKST)}
INSTRUMENT_FILTERS = {"categorie", "stap", "doelgroep", "status"}
INSTRUMENT_SCHEMA = {
    "type": "object",
    "properties": {
        **{v.naam: {**v.schema, "description": v.omschrijving} for v in INSTRUMENT_VELDEN},
        **INSTRUMENT_KOPPEL_SCHEMA,
    },
    "required": [v.naam for v in INSTRUMENT_VELDEN] + list(INSTRUMENT_KOPPEL_SCHEMA),
}
PUBLIEKE_DOELGROEPEN = [d for d in Doelgroep.values if d != Doelgroep.EIGEN_GEBRUIK]


def _instrument_uitlezen(rijen: list[dict]) -> list[dict]:
    koppelingen = selectors.instrument_koppelingen([r["id"] for r in rijen])
    uit = []
    for rij in rijen:
        extra = koppelingen[rij["id"]]
        uit.append(
            {
                **rij_uitlezen(INSTRUMENT_VELDEN, rij),
                "stappen": extra["stappen"],
                # Partners and municipalities never see the instruments for the programme's own use at all.
                "doelgroepen": extra["doelgroepen"],
                "documentVersie": extra["versie"],
            }
        )
    return uit


@extend_schema(tags=["instrumenten"])
class InstrumentViewSet(NlApiMixin, viewsets.ViewSet):
    """De toolbox: instrumenten per categorie, stap en doelgroep (zonder instrumenten voor eigen gebruik)."""

    resource = Resource.INSTRUMENTEN
    lookup_field = "slug"
    lookup_value_regex = "[-a-z0-9]+"

    @extend_schema(
        summary="Instrumenten",
        operation_id="instrumentenZoeken",
        description="De instrumenten uit de toolbox, te filteren op categorie, stap (0–6), doelgroep en status.",
        parameters=[
            OpenApiParameter(
                "categorie",
                {"type": "string", "enum": list(Categorie.values)},
                OpenApiParameter.QUERY,
                description="Alleen instrumenten in deze categorie.",
            ),
            OpenApiParameter(
                "stap",
                {"type": "integer", "minimum": 0, "maximum": 6},
                OpenApiParameter.QUERY,
                description="Alleen instrumenten die in deze stap helpen.",
            ),
            OpenApiParameter(
                "doelgroep",
                {"type": "string", "enum": PUBLIEKE_DOELGROEPEN},
                OpenApiParameter.QUERY,
                description="Alleen instrumenten voor deze doelgroep.",
            ),
            OpenApiParameter(
                "status",
                {"type": "string", "enum": list(InstrumentStatus.values)},
                OpenApiParameter.QUERY,
                description="Beschikbaar of in ontwikkeling.",
            ),
            *openapi.pagina_parameters(INSTRUMENT_SORTERINGEN),
        ],
        responses={200: openapi.hal_lijst_schema("instrumenten", INSTRUMENT_SCHEMA), **openapi.FOUTEN},
    )
    def list(self, request):
        lezer = ParameterLezer(request, toegestaan={*INSTRUMENT_FILTERS, *PAGINA_PARAMETERS})
        categorie = lezer.keuze("categorie", list(Categorie.values))
        stap = lezer.geheel("stap", minimum=0, maximum=6)
        doelgroep = lezer.keuze("doelgroep", PUBLIEKE_DOELGROEPEN)
        status = lezer.keuze("status", list(InstrumentStatus.values))
        keyset = Keyset(lezer, sorteringen=INSTRUMENT_SORTERINGEN, uniek="slug", uniek_type=str, standaard="slug")
        lezer.controleer()
        rijen = selectors.instrumenten_zichtbaar(
            user=request.user, categorie=categorie, stap=stap, doelgroep=doelgroep, status=status
        )
        pagina, cursors = keyset.pagina(
            rijen.annotate(**annotaties(INSTRUMENT_VELDEN)), velden=["id", *_namen(INSTRUMENT_VELDEN)]
        )
        links = pagina_links(request, cursors)
        data = {"_links": hal_links(links), "_embedded": {"instrumenten": _instrument_uitlezen(pagina)}}
        return Response(data, headers={"Link": link_header(links)})

    @extend_schema(
        summary="Instrument",
        operation_id="instrumentRaadplegen",
        description="Eén instrument uit de toolbox.",
        responses={200: INSTRUMENT_SCHEMA, **openapi.FOUTEN},
    )
    def retrieve(self, request, slug=None):
        ParameterLezer(request, toegestaan=set()).controleer()
        rij = (
            selectors.instrumenten_zichtbaar(user=request.user)
            .filter(slug=slug)
            .annotate(**annotaties(INSTRUMENT_VELDEN))
            .values("id", *_namen(INSTRUMENT_VELDEN))
            .first()
        )
        if rij is None:
            raise exceptions.NotFound(_("Dit instrument bestaat niet of u heeft er geen toegang toe."))
        return Response(_instrument_uitlezen([rij])[0])


class ApiRootView(NlApiMixin, APIView):
    """Links to the collections of v1."""

    @extend_schema(exclude=True)
    def get(self, request):
        namen = {
            "bedrijventerreinen": "api:bedrijventerrein-list",
            "gemeenten": "api:gemeente-list",
            "plankaarten": "api:plankaart-list",
            "plankaartVersies": "api:plankaart-versie-list",
            "trajecten": "api:traject-list",
            "instrumenten": "api:instrument-list",
            "aggregatenProvincies": "api:aggregaat-provincies",
            "aggregatenGemeenten": "api:aggregaat-gemeenten",
            "openapi": "api:openapi",
            "documentatie": "api:docs",
        }
        return Response({"_links": {k: {"href": reverse(v, request=request)} for k, v in namen.items()}})


class NietGevondenView(NlApiMixin, APIView):
    """Every other path under /api/v1/, including trailing-slash variants: a problem+json 404, never a redirect."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = []

    @extend_schema(exclude=True)
    def _niet_gevonden(self, request, *args, **kwargs):
        raise exceptions.NotFound(_("Dit pad bestaat niet in de API. Let op: paden eindigen niet op een schuine streep."))

    get = post = put = patch = delete = head = options = _niet_gevonden


class OpenApiView(NlApiMixin, SpectacularJSONAPIView):
    """The OpenAPI description: public, and readable from any origin (CORS `*`), unlike the rest of the API."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = []
    renderer_classes = SpectacularJSONAPIView.renderer_classes[::-1]  # application/json first
    publiek = True

    @extend_schema(
        tags=["api"],
        summary="Beschrijving van de API",
        operation_id="openapiOphalen",
        description="Deze beschrijving (OpenAPI 3.0), openbaar en vanaf elke herkomst te lezen.",
        responses={
            (200, "application/json"): {"type": "object", "additionalProperties": True},
            (200, "application/vnd.oai.openapi+json"): {"type": "object", "additionalProperties": True},
            **openapi.FOUTEN,
        },
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response
