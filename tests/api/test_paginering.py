"""Cursor pagination: next/prev links, the last page is reachable, sorting."""

from urllib.parse import parse_qs, urlparse

import pytest

from tests.factories import BedrijventerreinFactory

pytestmark = pytest.mark.django_db

LIJST = "/api/v1/bedrijventerreinen"


@pytest.fixture
def zeven_parken(twee_gemeenten):
    namen = ["Gamma", "Alfa", "Epsilon", "Beta", "Delta", "Alfa", "Zeta"]
    return [BedrijventerreinFactory(gemeente=twee_gemeenten[0], rin=3000 + i, naam=n) for i, n in enumerate(namen)]


def _volg(partner, url):
    deel = urlparse(url)
    assert deel.path == LIJST
    return partner.get(deel.path, {k: v[0] for k, v in parse_qs(deel.query).items()})


def _links(body):
    return {link["rel"]: link["href"] for link in body["links"]}


def test_next_links_walk_every_park_once_to_the_last_page(partner, zeven_parken):
    response = partner.get(LIJST, {"pageSize": "3"})
    gezien, paginas = [], 0
    while True:
        paginas += 1
        body = response.json()
        gezien += [f["id"] for f in body["features"]]
        assert "next" in response.get("Link", "") or "next" not in _links(body)
        if "next" not in _links(body):
            break
        response = _volg(partner, _links(body)["next"])
    assert paginas == 3
    assert gezien == sorted(p.rin for p in zeven_parken)


def test_prev_link_returns_the_previous_page(partner, zeven_parken):
    eerste = partner.get(LIJST, {"pageSize": "3"}).json()
    assert "prev" not in _links(eerste)
    tweede = _volg(partner, _links(eerste)["next"]).json()
    terug = _volg(partner, _links(tweede)["prev"]).json()
    assert [f["id"] for f in terug["features"]] == [f["id"] for f in eerste["features"]]
    assert "prev" not in _links(terug)
    assert "next" in _links(terug)


def test_sorting_on_a_non_unique_name_is_stable_across_pages(partner, zeven_parken):
    response = partner.get(LIJST, {"pageSize": "2", "sorteer": "-naam"})
    gezien = []
    while True:
        body = response.json()
        gezien += [(f["properties"]["naam"], f["id"]) for f in body["features"]]
        if "next" not in _links(body):
            break
        response = _volg(partner, _links(body)["next"])
    assert gezien == sorted(((p.naam, p.rin) for p in zeven_parken), reverse=True)


def test_links_keep_the_filters(partner, zeven_parken):
    body = partner.get(LIJST, {"pageSize": "1", "q": "alfa"}).json()
    volgende = _links(body)["next"]
    assert "q=alfa" in volgende and "pageSize=1" in volgende
    assert [f["properties"]["naam"] for f in _volg(partner, volgende).json()["features"]] == ["Alfa"]


@pytest.mark.parametrize("cursor", ["onzin", "eyJzIjoibmFhbSJ9", "e30"])
def test_a_tampered_cursor_is_a_400(partner, zeven_parken, cursor):
    response = partner.get(LIJST, {"cursor": cursor})
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["cursor"]


def test_a_cursor_from_another_sort_order_is_a_400(partner, zeven_parken):
    body = partner.get(LIJST, {"pageSize": "2", "sorteer": "naam"}).json()
    cursor = parse_qs(urlparse(_links(body)["next"]).query)["cursor"][0]
    response = partner.get(LIJST, {"cursor": cursor, "sorteer": "rin"})
    assert response.status_code == 400


def test_json_lists_use_hal_links(partner, parken):
    body = partner.get("/api/v1/plankaarten", {"pageSize": "2"}).json()
    assert len(body["_embedded"]["plankaarten"]) == 2
    volgende = body["_links"]["next"]["href"]
    deel = urlparse(volgende)
    rest = partner.get(deel.path, {k: v[0] for k, v in parse_qs(deel.query).items()}).json()
    assert len(rest["_embedded"]["plankaarten"]) == 1
    assert "next" not in rest["_links"] and "prev" in rest["_links"]
