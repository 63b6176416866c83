"""NL API Design Rules: paths without trailing slash, API-Version, problem+json, camelCase."""

import pytest

pytestmark = pytest.mark.django_db

LIJST = "/api/v1/bedrijventerreinen"


def test_collection_answers_without_trailing_slash(partner, parken):
    response = partner.get(LIJST)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"


@pytest.mark.parametrize("pad", [LIJST + "/", "/api/v1/gemeenten/", "/api/v1/bedrijventerreinen/1001/", "/api/v1/"])
def test_trailing_slash_is_a_problem_json_404_not_a_redirect(partner, parken, pad):
    response = partner.get(pad)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404
    assert response["API-Version"] == "1.0.0"


@pytest.mark.parametrize(
    "pad",
    [
        LIJST,
        "/api/v1/bedrijventerreinen/1001",
        "/api/v1/gemeenten",
        "/api/v1/plankaarten",
        "/api/v1/trajecten",
        "/api/v1/aggregaten/provincies",
        "/api/v1/bestaat-niet",
        "/api/v1/openapi.json",
        "/api/v1",
    ],
)
def test_every_response_has_an_api_version_header(partner, parken, pad):
    assert partner.get(pad)["API-Version"] == "1.0.0"


def test_anonymous_request_gets_401_problem_json_with_challenge(client, parken):
    response = client.get(LIJST)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert "X-Api-Key" in response["WWW-Authenticate"]
    body = response.json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == 401
    assert response["API-Version"] == "1.0.0"


def test_all_invalid_parameters_are_reported_at_once(partner, parken):
    response = partner.get(
        LIJST,
        {
            "crs": "EPSG:4326",
            "bbox": "1,2,3",
            "pageSize": "0",
            "grootteklasse": "reusachtig",
            "vraag2030Min": "veel",
            "sorteer": "kleur",
            "onbekend": "x",
        },
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    namen = {p["name"] for p in body["invalidParams"]}
    assert namen == {"crs", "bbox", "pageSize", "grootteklasse", "vraag2030Min", "sorteer", "onbekend"}
    assert all(p["reason"] and p["code"] for p in body["invalidParams"])
    assert body["status"] == 400 and body["title"] and body["detail"]


def test_snake_case_filter_names_are_rejected_and_camel_case_works(partner, parken):
    snake = partner.get(LIJST, {"vraag_2030_min": "150"})
    assert snake.status_code == 400
    assert snake.json()["invalidParams"][0]["name"] == "vraag_2030_min"
    camel = partner.get(LIJST, {"vraag2030Min": "150"})
    assert [f["id"] for f in camel.json()["features"]] == [1002, 1003]


def test_multiple_values_by_comma_or_repetition(partner, parken):
    komma = partner.get(LIJST, {"grootteklasse": "klein,groot"}).json()
    herhaald = partner.get(LIJST + "?grootteklasse=klein&grootteklasse=groot").json()
    assert [f["id"] for f in komma["features"]] == [f["id"] for f in herhaald["features"]] == [1002, 1003]


def test_filters_are_the_web_lists_filterset(partner, parken):
    assert [f["id"] for f in partner.get(LIJST, {"gemeente": "GM0193"}).json()["features"]] == [1003]
    assert [f["id"] for f in partner.get(LIJST, {"provincie": "PV25"}).json()["features"]] == [1001, 1002]
    assert [f["id"] for f in partner.get(LIJST, {"q": "poort"}).json()["features"]] == [1002, 1003]


def test_response_property_names_are_camel_case(partner, parken):
    eigenschappen = partner.get(LIJST).json()["features"][0]["properties"]
    assert "gemeenteCode" in eigenschappen and "laadvraag2030Kw" in eigenschappen
    assert all("_" not in naam for naam in eigenschappen)


def test_write_methods_are_not_allowed(partner, parken):
    response = partner.client.post(LIJST, {}, HTTP_X_API_KEY=partner.sleutel)
    assert response.status_code in (403, 405)
    assert response["Content-Type"] == "application/problem+json"


def test_unknown_park_is_a_problem_json_404(partner, parken):
    response = partner.get("/api/v1/bedrijventerreinen/999999")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"]


def test_dates_are_iso_8601(partner, parken):
    gewijzigd = partner.get(LIJST).json()["features"][0]["properties"]["gewijzigdOp"]
    from datetime import datetime

    assert datetime.fromisoformat(gewijzigd).tzinfo is not None


def test_reference_filters_take_several_codes_separated_by_commas(partner, parken):
    body = partner.get(LIJST, {"gemeente": "GM0200,GM0193"}).json()
    assert [f["id"] for f in body["features"]] == [1001, 1002, 1003]
    response = partner.get(LIJST, {"gemeente": "GM0200,GM9999"})
    assert response.status_code == 400
    assert "GM9999" in response.json()["invalidParams"][0]["reason"]


def test_empty_values_of_choice_and_number_filters_are_rejected(partner, parken):
    response = partner.get(LIJST, {"netcongestie": "", "vraag2030Min": "", "q": ""})
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == {"netcongestie", "vraag2030Min"}
