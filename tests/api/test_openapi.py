"""The OpenAPI description: committed, equal to what the code generates, public with CORS *."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.django_db

GECOMMIT = Path(settings.BASE_DIR) / "api" / "openapi.json"


def test_committed_openapi_equals_the_generated_one(tmp_path):
    gegenereerd = tmp_path / "openapi.json"
    call_command("spectacular", format="openapi-json", file=str(gegenereerd), validate=True, stderr=StringIO())
    assert GECOMMIT.read_text() == gegenereerd.read_text(), (
        "api/openapi.json is out of date: run `make openapi` and commit the result"
    )


def test_openapi_is_public_with_cors_and_dutch_contact(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"].startswith("application/json")
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["contact"]["email"]
    assert "Alleen-lezen API" in schema["info"]["description"]
    assert schema["components"]["securitySchemes"]["apiKey"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-Api-Key",
        "description": schema["components"]["securitySchemes"]["apiKey"]["description"],
    }
    assert schema == json.loads(GECOMMIT.read_text())


def test_cors_is_only_on_the_openapi_endpoint(partner, parken):
    assert "Access-Control-Allow-Origin" not in partner.get("/api/v1/bedrijventerreinen")


def test_every_operation_documents_api_version_and_problem_json(client):
    schema = client.get("/api/v1/openapi.json").json()
    for pad, operaties in schema["paths"].items():
        assert not pad.endswith("/"), pad
        for operatie in operaties.values():
            assert operatie["description"] or operatie["summary"]
            for code, antwoord in operatie["responses"].items():
                assert "API-Version" in antwoord["headers"], (pad, code)
                if code.startswith("4"):
                    assert "application/problem+json" in antwoord["content"], (pad, code)


API_KOPPEN = {"API-Version", "ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Crs", "Link", "WWW-Authenticate"}


def test_servers_contact_and_global_tags_as_the_adr_asks(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["servers"][0]["url"].startswith("https://") and schema["servers"][0]["url"].endswith("/api/v1")
    assert schema["info"]["contact"]["url"].startswith("https://")
    gebruikt = {t for pad in schema["paths"].values() for op in pad.values() for t in op.get("tags", [])}
    assert {t["name"] for t in schema["tags"]} == gebruikt
    assert "/openapi.json" in schema["paths"]


@pytest.mark.parametrize(
    ("pad", "sjabloon", "params", "koppen", "status"),
    [
        ("/bedrijventerreinen", None, {}, {}, 200),
        ("/bedrijventerreinen", None, {"onbekend": "1"}, {}, 400),
        ("/bedrijventerreinen/999999", "/bedrijventerreinen/{rin}", {}, {}, 404),
        ("/bedrijventerreinen", None, {}, {"HTTP_ACCEPT_CRS": "EPSG:3857"}, 406),
        ("/ogc/collections/bedrijventerreinen/items", None, {"limit": "1"}, {}, 200),
        ("/ogc/collections/gemeenten/items/GM0200", "/ogc/collections/gemeenten/items/{feature_id}", {}, {}, 200),
        ("/plankaarten", None, {}, {}, 200),
    ],
)
def test_every_header_the_api_sends_is_documented_for_that_status(partner, parken, client, pad, sjabloon, params, koppen, status):
    schema = client.get("/api/v1/openapi.json").json()
    response = partner.get(f"/api/v1{pad}", params, **koppen)
    assert response.status_code == status
    gedocumenteerd = set(schema["paths"][sjabloon or pad]["get"]["responses"][str(status)].get("headers", {}))
    assert {k for k in API_KOPPEN if k in response} <= gedocumenteerd


def test_304_and_401_are_documented_with_their_headers(partner, parken, client):
    schema = client.get("/api/v1/openapi.json").json()
    eerste = partner.get("/api/v1/bedrijventerreinen")
    niet_gewijzigd = partner.get("/api/v1/bedrijventerreinen", HTTP_IF_NONE_MATCH=eerste["ETag"])
    antwoorden = schema["paths"]["/bedrijventerreinen"]["get"]["responses"]
    assert {k for k in API_KOPPEN if k in niet_gewijzigd} <= set(antwoorden["304"]["headers"])
    zonder = client.get("/api/v1/bedrijventerreinen")
    assert zonder.status_code == 401
    assert {k for k in API_KOPPEN if k in zonder} <= set(antwoorden["401"]["headers"])
