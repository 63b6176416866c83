"""GeoJSON (RFC 7946) bodies, CRS negotiation and bbox filtering."""

import pytest

from tests.factories import BedrijventerreinFactory, vierkant

pytestmark = pytest.mark.django_db

LIJST = "/api/v1/bedrijventerreinen"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
RD = "http://www.opengis.net/def/crs/EPSG/0/28992"


def _posities(geometrie):
    assert geometrie["type"] == "MultiPolygon"
    for polygoon in geometrie["coordinates"]:
        for ring in polygoon:
            assert ring[0] == ring[-1], "rings are closed"
            assert len(ring) >= 4
            yield from ring


def test_feature_collection_follows_rfc_7946(partner, parken):
    response = partner.get(LIJST)
    assert response["Content-Type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert "crs" not in body, "RFC 7946 has no crs member for CRS84"
    assert body["numberReturned"] == 3
    for f in body["features"]:
        assert set(f) == {"type", "id", "geometry", "properties"}
        assert f["type"] == "Feature"
        assert isinstance(f["properties"], dict)
        assert f["properties"]["rin"] == f["id"]


def test_default_crs_is_crs84_with_longitude_first_in_range(partner, parken):
    response = partner.get(LIJST)
    assert response["Content-Crs"] == f"<{CRS84}>"
    for f in response.json()["features"]:
        for lon, lat in _posities(f["geometry"]):
            # the test squares lie near Apeldoorn/Zwolle: lon ≈ 5–7, lat ≈ 52
            assert 3 < lon < 8 and 50 < lat < 54


def test_rd_new_on_request_in_metres(partner, parken):
    response = partner.get(LIJST, {"crs": RD})
    assert response.status_code == 200
    assert response["Content-Crs"] == f"<{RD}>"
    body = response.json()
    assert body["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::28992"
    posities = list(_posities(body["features"][0]["geometry"]))
    assert min(x for x, _y in posities) == pytest.approx(200_000, abs=0.01)
    assert max(y for _x, y in posities) == pytest.approx(471_000, abs=0.01)


def test_detail_is_one_feature_with_content_crs(partner, parken):
    response = partner.get(f"{LIJST}/1001", {"crs": RD})
    assert response["Content-Type"] == "application/geo+json"
    assert response["Content-Crs"] == f"<{RD}>"
    body = response.json()
    assert body["type"] == "Feature" and body["id"] == 1001
    assert body["properties"]["naam"] == "Ecofactorij"


@pytest.mark.parametrize(
    "crs", ["EPSG:28992", "http://www.opengis.net/def/crs/EPSG/0/4326", "+proj=longlat", "urn:ogc:def:crs:EPSG::28992", ""]
)
def test_unsupported_crs_is_400_problem_json(partner, parken, crs):
    response = partner.get(LIJST, {"crs": crs})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["name"] == "crs"


def test_park_without_geometry_has_null_geometry(partner, twee_gemeenten):
    BedrijventerreinFactory(gemeente=twee_gemeenten[0], rin=2001)
    feature = partner.get(LIJST).json()["features"][0]
    assert feature["geometry"] is None


def test_bbox_in_rd_new_keeps_only_intersecting_parks(partner, parken):
    ver_weg = parken[2]
    ver_weg.geometrie = vierkant(x=230_000, y=500_000)
    ver_weg.save()
    body = partner.get(LIJST, {"bbox": "199000,469000,201500,471500", "bbox-crs": RD}).json()
    assert [f["id"] for f in body["features"]] == [1001, 1002]
    body = partner.get(LIJST, {"bbox": "229500,499500,231500,501500", "bbox-crs": RD}).json()
    assert [f["id"] for f in body["features"]] == [1003]


def test_bbox_in_crs84_by_default(partner, parken):
    ver_weg = parken[2]
    ver_weg.geometrie = vierkant(x=230_000, y=500_000)  # near Zwolle, far north-east of the other two
    ver_weg.save()
    voorbeeld = partner.get(f"{LIJST}/1003").json()
    lon, lat = voorbeeld["geometry"]["coordinates"][0][0][0]
    body = partner.get(LIJST, {"bbox": f"{lon - 0.01},{lat - 0.01},{lon + 0.05},{lat + 0.05}"}).json()
    assert [f["id"] for f in body["features"]] == [1003]


@pytest.mark.parametrize(
    "bbox",
    ["1,2,3", "a,b,c,d", "5,52,4,53", "200000,470000,201000,471000", "nan,1,2,3", "1,2,3,4,5", "inf,1,2,3"],
)
def test_invalid_bbox_is_400(partner, parken, bbox):
    response = partner.get(LIJST, {"bbox": bbox})
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["bbox"]


def test_unsupported_bbox_crs_is_400(partner, parken):
    response = partner.get(LIJST, {"bbox": "5,52,6,53", "bbox-crs": "EPSG:4326"})
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["bbox-crs"]


def test_municipalities_are_geojson_with_crs_and_bbox(partner, parken):
    response = partner.get("/api/v1/gemeenten", {"crs": RD})
    assert response["Content-Crs"] == f"<{RD}>"
    body = response.json()
    assert [f["id"] for f in body["features"]] == ["GM0193", "GM0200"]
    assert body["features"][0]["geometry"]["type"] == "MultiPolygon"
    assert body["features"][0]["properties"]["provincieCode"] == "PV23"
    detail = partner.get("/api/v1/gemeenten/GM0200").json()
    assert detail["type"] == "Feature" and detail["properties"]["naam"] == "Apeldoorn"
    assert partner.get("/api/v1/gemeenten", {"bbox": "0,0,1,1"}).json()["features"] == []


def test_municipality_boundaries_can_be_simplified(partner, parken):
    exact = partner.get("/api/v1/gemeenten/GM0200").content
    eenvoudig = partner.get("/api/v1/gemeenten/GM0200", {"vereenvoudiging": "500"})
    assert eenvoudig.status_code == 200 and len(eenvoudig.content) <= len(exact)
    assert partner.get("/api/v1/gemeenten", {"vereenvoudiging": "5000"}).status_code == 400


def test_clients_asking_for_plain_json_get_the_same_body(partner, parken):
    response = partner.get(LIJST, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["type"] == "FeatureCollection"


def test_simplified_municipality_boundaries_stay_multipolygon(partner, twee_gemeenten):
    from django.contrib.gis.geos import MultiPolygon

    from terreinen.models import Gemeente

    # Two parts, one of them a sliver far below the tolerance: simplified, each row still is a MultiPolygon.
    groot, klein = vierkant(zijde=10_000), vierkant(x=220_000, y=480_000, zijde=3)
    Gemeente.objects.filter(code="GM0200").update(geometrie=MultiPolygon(groot[0], klein[0], srid=28992))
    for vereenvoudiging in ("0", "100", "1000"):
        for crs in (CRS84, RD):
            body = partner.get("/api/v1/gemeenten", {"vereenvoudiging": vereenvoudiging, "crs": crs}).json()
            assert {f["geometry"]["type"] for f in body["features"]} == {"MultiPolygon"}, (vereenvoudiging, crs)
