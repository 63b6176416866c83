"""The park page's section menu: every section it names is on the page, in the same order, the stappenplan first."""

import pytest
from django.urls import reverse

from stappenplan import services
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, PlankaartFactory
from tests.html import elementen, per_id

pytestmark = pytest.mark.django_db


@pytest.fixture
def terrein(twee_gemeenten):
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam="Ecofactorij")
    PlankaartFactory(terrein=terrein)
    services.trajecten_aanmaken(terrein_ids=[terrein.pk])
    return terrein


def _pagina(client, user, terrein):
    assert client.login(username=user.username, password=WACHTWOORD)
    response = client.get(reverse("terrein-detail", args=[terrein.rin]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("rol", "gemeenten", "vertrouwelijk"),
    [("regisseur", (), True), ("beheerder", (), True), ("medewerker", (), True), ("gemeente", ("GM0200",), False)],
)
def test_the_menu_names_every_section_in_page_order_stappenplan_first(
    client, maak_gebruiker, terrein, rol, gemeenten, vertrouwelijk
):
    html = _pagina(client, maak_gebruiker(rol, *gemeenten), terrein)
    [menu] = [e for e in elementen(html) if e.tag == "nav" and "data-sectiemenu" in e.attrs]
    ankers = [href for href, _tekst in menu.links]
    assert ankers[0] == "#stappenplan" and menu.links[0][1] == "Stappenplan: 0. Inventarisatie"
    ids = per_id(html)
    for anker in ankers:
        sectie = ids[anker[1:]]
        assert sectie.tag == "section" and sectie.attrs["aria-labelledby"] in ids  # a heading with an id names it
    # The sections follow in the menu's order.
    op_pagina = [f"#{e.attrs['id']}" for e in elementen(html) if e.tag == "section" and f"#{e.attrs.get('id')}" in ankers]
    assert op_pagina == ankers
    assert {"#kenmerken", "#net", "#plankaart", "#toolbox", "#factsheets", "#geschiedenis"} <= set(ankers)
    assert ("#organisaties" in ankers, "#logboek" in ankers) == (vertrouwelijk, vertrouwelijk)
