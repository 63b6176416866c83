"""Property-based runs against the published schema, in-process, REST and OGC API alike: every check, the stateless
phase per operation and the stateful phase along the OpenAPI links. No server errors, no schema violations."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode

from api.services import api_sleutel_aanmaken
from terreinen.models import Initiatief, Netbeheerder
from tests.factories import BedrijventerreinFactory, GemeenteFactory, InstrumentFactory, PlankaartFactory, traject_zetten

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
SLEUTEL = {}


@schema.auth(refresh_interval=None)
class ApiSleutel:
    """The key of the running test, as explicit authentication (so the auth checks can take it away)."""

    def get(self, case, context):
        return SLEUTEL.get("waarde", "")

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "X-Api-Key": data}


# The WSGI transport does not decompress; gzip has its own tests (test_http.py).
KOPPEN = {"Accept-Encoding": "identity"}
# What a JSON schema cannot say: filters that name other objects answer 400 for a code or id that does not exist;
# a cursor is only valid as taken from a `next` link; a bbox needs min <= max, and in CRS84 degrees within range.
# Schema-valid (positive) cases get existing references, no cursor and an ordered bbox, so "schema-valid input is
# accepted" is checked too; every other case is sent as generated.
BESTAANDE_VERWIJZINGEN = {"provincie": ["PV25"], "gemeente": ["GM0200"]}
RD = "http://www.opengis.net/def/crs/EPSG/0/28992"


def _bbox_ordenen(bbox, crs) -> list[float]:
    minx, maxx = sorted((bbox[0], bbox[2]))
    miny, maxy = sorted((bbox[1], bbox[3]))
    if crs != RD:  # CRS84 (ETRS89 has latitude first)
        xgrens, ygrens = (90, 180) if crs and crs.endswith("/4258") else (180, 90)
        minx, maxx = (max(-xgrens, min(xgrens, g)) for g in (minx, maxx))
        miny, maxy = (max(-ygrens, min(ygrens, g)) for g in (miny, maxy))
    return [minx, miny, maxx, maxy]


def _voorbereiden(case, verwijzingen: dict) -> None:
    # The API takes keys; a generated session cookie (the app's own browser login, also documented) is left out.
    case.cookies = {}
    if case.meta is None or case.meta.generation.mode != GenerationMode.POSITIVE or not case.query:
        return
    case.query.pop("cursor", None)
    for naam, waarden in verwijzingen.items():
        if naam in case.query:
            case.query[naam] = waarden
    if case.query.get("bbox") is not None:
        # Sent comma-joined (style form, explode false).
        getallen = [float(g) for g in str(case.query["bbox"]).split(",")]
        case.query["bbox"] = ",".join(repr(g) for g in _bbox_ordenen(getallen, case.query.get("bbox-crs")))


@pytest.fixture
def sleutel(db):
    # Like Django's test client: keep the test's connection (and transaction) open across in-process requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    apeldoorn = GemeenteFactory(code="GM0200", naam="Apeldoorn")
    zwolle = GemeenteFactory(code="GM0193", naam="Zwolle", overijssel=True)
    for i, gemeente in enumerate((apeldoorn, apeldoorn, zwolle, zwolle)):
        terrein = BedrijventerreinFactory(gemeente=gemeente, rin=1 + i, met_geometrie=i != 3)
        traject_zetten(terrein=terrein, stap=i)
        PlankaartFactory(terrein=terrein, zichtjaar=2030, laadvermogen_kw=10 * i)
    InstrumentFactory(slug="laadplein")
    netbeheerder, _ = Netbeheerder.objects.get_or_create(naam="Liander")
    initiatief, _ = Initiatief.objects.get_or_create(naam="Lola Apeldoorn")
    verwijzingen = {**BESTAANDE_VERWIJZINGEN, "netbeheerder": [netbeheerder.pk], "initiatief": [initiatief.pk]}
    SLEUTEL["waarde"] = api_sleutel_aanmaken(organisatie="Schemathesis")[1]
    yield SLEUTEL["waarde"], verwijzingen
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, sleutel):
    sleutel, verwijzingen = sleutel
    _voorbereiden(case, verwijzingen)
    case.call_and_validate(headers=KOPPEN)


def test_api_conforms_along_its_links(sleutel):
    sleutel, verwijzingen = sleutel

    class Toestanden(schema.as_state_machine()):
        def before_call(self, case):
            _voorbereiden(case, verwijzingen)

        def get_call_kwargs(self, case):
            return {"headers": KOPPEN}

    Toestanden.run(
        settings=settings(max_examples=30, stateful_step_count=6, deadline=None, suppress_health_check=list(HealthCheck))
    )


def test_schema_valid_filters_with_existing_references_are_accepted(sleutel, client):
    sleutel, _verwijzingen = sleutel
    response = client.get(
        "/api/v1/bedrijventerreinen",
        {"provincie": "PV25", "gemeente": "GM0200,GM0193", "stap": "1", "status": "actief", "cursor": "", "bbox-crs": ""},
        HTTP_X_API_KEY=sleutel,
    )
    assert response.status_code == 400  # an empty bbox-crs is not a CRS
    response = client.get(
        "/api/v1/bedrijventerreinen",
        {"provincie": "PV25", "gemeente": "GM0200,GM0193", "stap": "1", "status": "actief", "cursor": ""},
        HTTP_X_API_KEY=sleutel,
    )
    assert [f["id"] for f in response.json()["features"]] == [2]
