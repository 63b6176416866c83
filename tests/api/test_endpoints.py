"""What each collection returns: plankaarten versions, aggregates, the API root and the documentation."""

from decimal import Decimal

import pytest
from django.contrib.staticfiles import finders

from plankaarten.models import Plankaart
from stappenplan.models import Traject
from tests.factories import PlankaartFactory, PlankaartVersieFactory, traject_zetten

pytestmark = pytest.mark.django_db


def test_plankaarten_give_the_current_version_by_default_and_another_on_request(partner, parken):
    terrein = parken[0]
    oud = Plankaart.objects.get(terrein=terrein)
    Plankaart.objects.filter(pk=oud.pk).update(actueel=False)
    nieuw = PlankaartFactory(terrein=terrein, zichtjaar=2030, laadvermogen_kw=Decimal("999.5"), gemodelleerd=True)
    rijen = partner.get("/api/v1/plankaarten", {"terrein": "1001"}).json()["_embedded"]["plankaarten"]
    assert [(r["versie"], r["laadvermogenKw"], r["actueel"], r["gemodelleerd"]) for r in rijen] == [
        (nieuw.versie.nummer, 999.5, True, True)
    ]
    rijen = partner.get("/api/v1/plankaarten", {"terrein": "1001", "versie": str(oud.versie.nummer)}).json()
    assert [(r["versie"], r["laadvermogenKw"], r["actueel"]) for r in rijen["_embedded"]["plankaarten"]] == [
        (oud.versie.nummer, 100.0, False)
    ]
    versies = partner.get("/api/v1/plankaart-versies").json()["_embedded"]["plankaartVersies"]
    assert versies[0]["nummer"] == nieuw.versie.nummer


def test_plankaarten_filter_on_year_scenario_and_park_filters(partner, parken):
    PlankaartFactory(terrein=parken[0], zichtjaar=2035, scenario="hoog", laadvermogen_kw=5)
    assert len(partner.get("/api/v1/plankaarten", {"zichtjaar": "2035"}).json()["_embedded"]["plankaarten"]) == 1
    assert len(partner.get("/api/v1/plankaarten", {"scenario": "midden"}).json()["_embedded"]["plankaarten"]) == 3
    assert len(partner.get("/api/v1/plankaarten", {"gemeente": "GM0193"}).json()["_embedded"]["plankaarten"]) == 1
    response = partner.get("/api/v1/plankaarten", {"zichtjaar": "2040", "scenario": "extreem", "terrein": "abc", "versie": "0"})
    assert {p["name"] for p in response.json()["invalidParams"]} == {"zichtjaar", "scenario", "terrein", "versie"}


def test_parks_carry_current_demand_per_year(partner, parken):
    eigenschappen = partner.get("/api/v1/bedrijventerreinen/1003").json()["properties"]
    assert eigenschappen["laadvraag2030Kw"] == 400.0
    assert eigenschappen["laadvraag2025Kw"] is None
    assert eigenschappen["grootteklasse"] == "groot"
    assert eigenschappen["provincieCode"] == "PV23"


def test_aggregates_per_province_and_municipality(partner, parken):
    traject_zetten(terrein=parken[0], stap=3)
    # Parks get their traject when created; one without (rows from before that) counts under "stap": None.
    Traject.objects.filter(terrein=parken[1]).delete()
    tweede_versie = PlankaartVersieFactory()
    PlankaartFactory(terrein=parken[0], versie=tweede_versie, zichtjaar=2025, laadvermogen_kw=50, vrachtwagens=2)
    provincies = partner.get("/api/v1/aggregaten/provincies").json()["_embedded"]["provincies"]
    gelderland = next(p for p in provincies if p["code"] == "PV25")
    assert gelderland["naam"] == "Gelderland"
    assert gelderland["aantalTerreinen"] == 2
    assert gelderland["haBruto"] == 25 + 8
    per_jaar = {r["zichtjaar"]: r for r in gelderland["laadvraag"]}
    assert per_jaar[2030]["laadvermogenKw"] == 300.0
    assert per_jaar[2030]["aantalTerreinenMetPlankaart"] == 2
    assert per_jaar[2025]["laadvermogenKw"] == 50.0 and per_jaar[2025]["vrachtwagens"] == 2
    assert per_jaar[2035]["laadvermogenKw"] == 0
    assert sorted(gelderland["aantalPerStap"], key=lambda r: r["stap"] is None) == [
        {"stap": 3, "aantal": 1},
        {"stap": None, "aantal": 1},
    ]
    gemeenten = partner.get("/api/v1/aggregaten/gemeenten", {"grootteklasse": "groot"}).json()["_embedded"]["gemeenten"]
    assert [(g["code"], g["aantalTerreinen"]) for g in gemeenten] == [("GM0193", 1)]
    hoog = partner.get("/api/v1/aggregaten/gemeenten", {"scenario": "hoog"}).json()["_embedded"]["gemeenten"]
    assert all(r["laadvermogenKw"] == 0 for g in hoog for r in g["laadvraag"])


def test_api_root_links_to_every_collection(partner):
    links = partner.get("/api/v1").json()["_links"]
    assert links["bedrijventerreinen"]["href"].endswith("/api/v1/bedrijventerreinen")
    assert links["openapi"]["href"].endswith("/api/v1/openapi.json")


def test_documentation_page_works_offline_without_inline_scripts(client):
    response = client.get("/api/v1/documentatie")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>" not in body and "onload=" not in body
    for pad in (
        "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js",
        "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css",
        "js/api-docs.js",
    ):
        assert f"/static/{pad}" in body
        assert finders.find(pad), pad
