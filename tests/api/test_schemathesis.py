"""Property-based run against the published schema, in-process: no server errors, no schema violations."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api.services import api_sleutel_aanmaken
from tests.factories import BedrijventerreinFactory, GemeenteFactory, PlankaartFactory, traject_zetten

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


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
    yield api_sleutel_aanmaken(organisatie="Schemathesis")[1]
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, sleutel):
    # Every check except "schema-valid input is accepted": filters that name other objects (gemeente, provincie,
    # netbeheerder, initiatief) answer 400 for codes that do not exist, which a schema cannot express.
    case.call_and_validate(headers={"X-Api-Key": sleutel}, excluded_checks=[positive_data_acceptance])


def test_schema_valid_filters_with_existing_references_are_accepted(sleutel, client):
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
