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
