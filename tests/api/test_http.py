"""HTTP behaviour of /api/v1: conditional requests, gzip, caching headers, CORS, Accept-Crs, API-Version, bad ids."""

import gzip

import pytest

from terreinen.models import Bedrijventerrein

pytestmark = pytest.mark.django_db

LIJST = "/api/v1/bedrijventerreinen"
RD = "http://www.opengis.net/def/crs/EPSG/0/28992"
MET_TERREINFILTERS = [
    "/api/v1/bedrijventerreinen",
    "/api/v1/plankaarten",
    "/api/v1/trajecten",
    "/api/v1/aggregaten/provincies",
    "/api/v1/aggregaten/gemeenten",
    "/api/v1/ogc/collections/bedrijventerreinen/items",
]


def test_strong_etag_and_304_on_if_none_match(partner, parken):
    eerste = partner.get(LIJST)
    etag = eerste["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert eerste["Cache-Control"] == "private, no-cache"
    opnieuw = partner.get(LIJST, HTTP_IF_NONE_MATCH=etag)
    assert opnieuw.status_code == 304
    assert opnieuw.content == b""
    assert opnieuw["ETag"] == etag and opnieuw["API-Version"] == "1.0.0"
    assert partner.get(LIJST, HTTP_IF_NONE_MATCH='"iets-anders"').status_code == 200

    Bedrijventerrein.objects.filter(rin=1001).update(naam="Nieuwe naam")
    gewijzigd = partner.get(LIJST, HTTP_IF_NONE_MATCH=etag)
    assert gewijzigd.status_code == 200 and gewijzigd["ETag"] != etag


def test_last_modified_and_304_on_if_modified_since(partner, parken):
    eerste = partner.get(LIJST)
    laatst = eerste["Last-Modified"]
    assert laatst.endswith("GMT")
    assert partner.get(LIJST, HTTP_IF_MODIFIED_SINCE=laatst).status_code == 304
    assert partner.get(LIJST, HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT").status_code == 200
    # If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
    assert partner.get(LIJST, HTTP_IF_MODIFIED_SINCE=laatst, HTTP_IF_NONE_MATCH='"anders"').status_code == 200


def test_gzip_when_accepted_with_its_own_etag(partner, parken):
    gewoon = partner.get(LIJST)
    ingepakt = partner.get(LIJST, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert ingepakt["Content-Encoding"] == "gzip"
    assert gzip.decompress(ingepakt.content) == gewoon.content
    assert len(ingepakt.content) < len(gewoon.content)
    assert ingepakt["ETag"] != gewoon["ETag"]
    assert "Accept-Encoding" in ingepakt["Vary"]
    assert partner.get(LIJST, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=ingepakt["ETag"]).status_code == 304


def test_errors_are_not_stored(partner, client):
    assert client.get(LIJST)["Cache-Control"] == "no-store"
    assert partner.get(LIJST, {"onbekend": "1"})["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "pad", ["/api/v1/documentatie", "/api/v1/openapi.json", "/api/v1/bestaat-niet", "/api/v1/ogc", "/api/v1/ogc/conformance"]
)
def test_api_version_on_every_response(partner, pad):
    assert partner.get(pad)["API-Version"] == "1.0.0"


@pytest.mark.parametrize("pad", MET_TERREINFILTERS)
@pytest.mark.parametrize("parameter", ["netbeheerder", "initiatief"])
@pytest.mark.parametrize("waarde", ["9223372036854775808", "99999999999999999999999", "-1", "0", "1.5"])
def test_id_filters_beyond_the_id_range_are_400_not_500(partner, parken, pad, parameter, waarde):
    response = partner.get(pad, {parameter: waarde})
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["name"] == parameter


def test_sortering_is_not_a_parameter_sorteer_is(partner, parken):
    assert partner.get(LIJST, {"sortering": "naam"}).status_code == 400
    namen = [f["properties"]["naam"] for f in partner.get(LIJST, {"sorteer": "-naam"}).json()["features"]]
    assert namen == sorted(namen, reverse=True)


def test_accept_crs_negotiates_the_rest_geojson(partner, parken):
    response = partner.get(LIJST, HTTP_ACCEPT_CRS="EPSG:28992")
    assert response.status_code == 200 and response["Content-Crs"] == f"<{RD}>"
    assert partner.get(LIJST, HTTP_ACCEPT_CRS=f"<{RD}>")["Content-Crs"] == f"<{RD}>"
    niet = partner.get(LIJST, HTTP_ACCEPT_CRS="EPSG:3857")
    assert niet.status_code == 406 and niet["Content-Type"] == "application/problem+json"
    # EPSG:4326 is latitude first; we offer CRS84 (longitude first), so 4326 itself is not on offer.
    assert partner.get(LIJST, HTTP_ACCEPT_CRS="EPSG:4326").status_code == 406
    # The query parameter wins over an offered header value; a header value we do not offer is a 406 regardless.
    assert partner.get(LIJST, {"crs": RD}, HTTP_ACCEPT_CRS="OGC:CRS84")["Content-Crs"] == f"<{RD}>"
    assert partner.get(LIJST, {"crs": RD}, HTTP_ACCEPT_CRS="EPSG:3857").status_code == 406
    assert partner.get(LIJST, HTTP_ACCEPT_CRS="").status_code == 406


def test_cors_only_for_allowed_origins(partner, parken, client, settings):
    settings.API_CORS_ORIGINS = ["https://gis.partner.example"]
    toegestaan = partner.get(LIJST, HTTP_ORIGIN="https://gis.partner.example")
    assert toegestaan["Access-Control-Allow-Origin"] == "https://gis.partner.example"
    assert "ETag" in toegestaan["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Origin" not in partner.get(LIJST, HTTP_ORIGIN="https://elders.example")

    voorcontrole = client.options(
        LIJST,
        HTTP_ORIGIN="https://gis.partner.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="x-api-key",
    )
    assert voorcontrole.status_code == 204
    assert voorcontrole["Access-Control-Allow-Origin"] == "https://gis.partner.example"
    assert "X-Api-Key" in voorcontrole["Access-Control-Allow-Headers"]
    elders = client.options(LIJST, HTTP_ORIGIN="https://elders.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert "Access-Control-Allow-Origin" not in elders


def test_plankaarten_take_repeated_terrein_as_documented(partner, parken):
    rijen = partner.get("/api/v1/plankaarten", {"terrein": ["1001", "1003"]}).json()["_embedded"]["plankaarten"]
    assert sorted(r["terreinRin"] for r in rijen) == [1001, 1003]
