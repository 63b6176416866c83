"""OGC API – Features (Part 1 Core/GeoJSON/OAS 3.0, Part 2 CRS) at /api/v1/ogc, checked against the standard's requirements."""

import pytest

from api.models import Resource
from nal_oost import zichtbaarheid
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory

pytestmark = pytest.mark.django_db

OGC = "/api/v1/ogc"
ITEMS = f"{OGC}/collections/bedrijventerreinen/items"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
RD = "http://www.opengis.net/def/crs/EPSG/0/28992"
ETRS89 = "http://www.opengis.net/def/crs/EPSG/0/4258"


def _rels(links):
    return {link["rel"] for link in links}


def test_landing_page_links_api_description_conformance_and_data(partner):
    # /req/core/root-success
    response = partner.get(OGC)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    links = response.json()["links"]
    assert {"self", "service-desc", "service-doc", "conformance", "data"} <= _rels(links)
    service_desc = next(link for link in links if link["rel"] == "service-desc")
    assert service_desc["href"].endswith("/api/v1/openapi.json")


def test_conformance_declares_core_geojson_oas30_and_crs(partner):
    conforms = partner.get(f"{OGC}/conformance").json()["conformsTo"]
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core" in conforms
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson" in conforms
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30" in conforms
    assert "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs" in conforms


def test_collections_describe_extent_crs_and_items_link(partner, parken):
    body = partner.get(f"{OGC}/collections").json()
    collecties = {c["id"]: c for c in body["collections"]}
    assert set(collecties) == {"bedrijventerreinen", "gemeenten", "provincies"}
    terreinen = collecties["bedrijventerreinen"]
    assert terreinen["crs"] == [CRS84, ETRS89, RD]  # /req/crs/crs-action: the first is the default
    assert terreinen["storageCrs"] == RD
    minx, miny, maxx, maxy = terreinen["extent"]["spatial"]["bbox"][0]
    assert 5 < minx < maxx < 7 and 51 < miny < maxy < 53
    items = next(link for link in terreinen["links"] if link["rel"] == "items")
    assert items["type"] == "application/geo+json" and items["href"].endswith("/collections/bedrijventerreinen/items")


def test_collections_only_list_what_the_key_covers(maak_sleutel, parken):
    from tests.api.conftest import ApiClient

    _rij, ruw = maak_sleutel(scope=[Resource.GEMEENTEN])
    client = ApiClient(ruw)
    assert {c["id"] for c in client.get(f"{OGC}/collections").json()["collections"]} == {"gemeenten", "provincies"}
    assert client.get(ITEMS).status_code == 403
    assert client.get(f"{OGC}/collections/bedrijventerreinen").status_code == 403


def test_without_key_401_and_unknown_collection_404(client, partner):
    assert client.get(ITEMS).status_code == 401
    response = partner.get(f"{OGC}/collections/geheim/items")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_items_page_with_number_matched_and_next_links_until_all_are_read(partner, parken):
    gezien = []
    url, params = ITEMS, {"limit": "2"}
    pagina = 0
    while url:
        response = partner.get(url, params)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/geo+json"
        assert response["Content-Crs"] == f"<{CRS84}>"
        body = response.json()
        assert body["numberMatched"] == 3
        assert body["numberReturned"] == len(body["features"]) <= 2
        assert "timeStamp" in body
        gezien += [f["id"] for f in body["features"]]
        volgende = [link["href"] for link in body["links"] if link["rel"] == "next"]
        url, params = (volgende[0].split("testserver", 1)[1], None) if volgende else (None, None)
        pagina += 1
    assert gezien == [1001, 1002, 1003] and pagina == 2


def test_items_properties_come_from_the_public_fields_with_plankaart_figures(partner, parken):
    feature = partner.get(ITEMS).json()["features"][0]
    assert feature["id"] == 1001
    assert feature["geometry"]["type"] == "MultiPolygon"
    eigenschappen = feature["properties"]
    assert eigenschappen["laadvraag2030Kw"] == 100
    assert eigenschappen["bestelwagens2030"] == 3 and eigenschappen["vrachtwagens2030"] == 1
    assert eigenschappen["laadvraag2025Kw"] is None
    # Nothing the register closes for partners: every property reads only `openbaar` fields.
    assert "regisseur" not in eigenschappen and "notities" not in eigenschappen
    assert zichtbaarheid.klasse("plankaarten.Plankaart.bestelwagens") == zichtbaarheid.OPENBAAR


def test_crs_parameter_rd_new_and_etrs89_with_latitude_first(partner, parken):
    rd = partner.get(ITEMS, {"crs": RD})
    assert rd["Content-Crs"] == f"<{RD}>"
    x, y = rd.json()["features"][0]["geometry"]["coordinates"][0][0][0]
    assert (x, y) == (200_000, 470_000)
    etrs = partner.get(ITEMS, {"crs": ETRS89})
    assert etrs["Content-Crs"] == f"<{ETRS89}>"
    breedte, lengte = etrs.json()["features"][0]["geometry"]["coordinates"][0][0][0]
    assert 51 < breedte < 53 and 5 < lengte < 7
    lon, lat = partner.get(ITEMS).json()["features"][0]["geometry"]["coordinates"][0][0][0]
    assert (round(lon, 4), round(lat, 4)) == (round(lengte, 4), round(breedte, 4))


def test_unknown_crs_400_and_accept_crs_we_do_not_offer_406(partner, parken):
    response = partner.get(ITEMS, {"crs": "http://www.opengis.net/def/crs/EPSG/0/3857"})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "crs"
    response = partner.get(ITEMS, HTTP_ACCEPT_CRS="EPSG:3857")
    assert response.status_code == 406
    assert response["Content-Type"] == "application/problem+json"
    response = partner.get(ITEMS, HTTP_ACCEPT_CRS="epsg:28992")
    assert response.status_code == 200 and response["Content-Crs"] == f"<{RD}>"


def test_bbox_in_bbox_crs_with_axis_order_of_that_crs(partner, parken):
    # The test parks lie at RD (200000, 470000)–(201000, 471000).
    assert partner.get(ITEMS, {"bbox": "199000,469000,202000,472000", "bbox-crs": RD}).json()["numberMatched"] == 3
    assert partner.get(ITEMS, {"bbox": "0,0,1000,1000", "bbox-crs": RD}).json()["numberMatched"] == 0
    lon, lat = partner.get(ITEMS).json()["features"][0]["geometry"]["coordinates"][0][0][0]
    in_etrs = f"{lat - 0.01},{lon - 0.01},{lat + 0.01},{lon + 0.01}"
    assert partner.get(ITEMS, {"bbox": in_etrs, "bbox-crs": ETRS89}).json()["numberMatched"] == 3
    in_crs84 = f"{lon - 0.01},{lat - 0.01},{lon + 0.01},{lat + 0.01}"
    assert partner.get(ITEMS, {"bbox": in_crs84}).json()["numberMatched"] == 3


def test_queryables_filter_items_with_the_screens_filterset(partner, parken):
    queryables = partner.get(f"{OGC}/collections/bedrijventerreinen/queryables")
    assert queryables["Content-Type"] == "application/schema+json"
    eigenschappen = queryables.json()["properties"]
    assert {"gemeente", "provincie", "stap", "grootteklasse"} <= set(eigenschappen)
    assert "regisseur" not in eigenschappen and "sortering" not in eigenschappen
    body = partner.get(ITEMS, {"gemeente": "GM0193"}).json()
    assert body["numberMatched"] == 1 and body["features"][0]["id"] == 1003


def test_unknown_parameter_and_bad_limit_are_400(partner, parken):
    # /req/core/query-param-unknown and /req/core/query-param-invalid
    assert partner.get(ITEMS, {"onbekend": "1"}).status_code == 400
    assert partner.get(ITEMS, {"limit": "0"}).status_code == 400
    assert partner.get(ITEMS, {"limit": "1001"}).status_code == 400
    assert partner.get(f"{OGC}/collections/gemeenten/items", {"gemeente": "GM0200"}).status_code == 400


def test_single_feature_and_unknown_id_404(partner, parken):
    response = partner.get(f"{ITEMS}/1002", {"crs": RD})
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == 1002 and body["type"] == "Feature"
    assert response["Content-Crs"] == f"<{RD}>"
    assert {"self", "collection"} <= _rels(body["links"])
    assert partner.get(f"{ITEMS}/999999").status_code == 404
    assert partner.get(f"{ITEMS}/99999999999999999999").status_code == 404
    assert partner.get(f"{OGC}/collections/gemeenten/items/GM0200").json()["properties"]["naam"] == "Apeldoorn"


def test_schema_types_every_public_field_for_gis_clients(partner, parken):
    response = partner.get(f"{OGC}/collections/bedrijventerreinen/schema")
    assert response["Content-Type"] == "application/schema+json"
    eigenschappen = response.json()["properties"]["properties"]["properties"]
    assert eigenschappen["laadvraag2025Kw"]["type"] == "number"
    assert eigenschappen["bestelwagens2035"]["type"] == "integer"
    assert eigenschappen["gewijzigdOp"]["format"] == "date-time"


def test_gemeente_user_sees_only_own_parks_and_municipalities(client, twee_gemeenten, maak_gebruiker):
    from nal_oost import rollen

    apeldoorn, zwolle = twee_gemeenten
    BedrijventerreinFactory(gemeente=apeldoorn, rin=1, met_geometrie=True)
    BedrijventerreinFactory(gemeente=zwolle, rin=2, met_geometrie=True)
    assert client.login(username=maak_gebruiker(rollen.GEMEENTE, "GM0200").username, password=WACHTWOORD)
    assert [f["id"] for f in client.get(ITEMS).json()["features"]] == [1]
    assert client.get(f"{ITEMS}/2").status_code == 404
    assert [f["id"] for f in client.get(f"{OGC}/collections/gemeenten/items").json()["features"]] == ["GM0200"]
