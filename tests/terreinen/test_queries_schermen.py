"""The number of queries of every screen does not grow with the number of parks."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from terreinen.models import Initiatief, Notitie
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, PlankaartFactory, stakeholder_maken, traject_zetten

pytestmark = pytest.mark.django_db


def maak_terreinen(aantal, gemeenten, regisseur):
    initiatief, _ = Initiatief.objects.get_or_create(naam="Lola", soort="lola")
    for i in range(aantal):
        terrein = BedrijventerreinFactory(gemeente=gemeenten[i % 2], met_geometrie=True)
        if i % 3:
            traject_zetten(terrein=terrein, stap=i % 7, status="actief", regisseur=regisseur)
        for jaar in (2025, 2030, 2035):
            PlankaartFactory(terrein=terrein, zichtjaar=jaar)
        stakeholder_maken(terrein=terrein, organisatie=f"Bedrijf {i}", soort="bedrijf", naam=f"Persoon {i}")
        Notitie.objects.create(terrein=terrein, soort="gesprek", datum="2026-02-01", tekst="…")
        terrein.initiatieven.add(initiatief)


def aantal_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("rol", ["regisseur", "gemeente"])
@pytest.mark.parametrize(
    ("scherm", "params"),
    [
        ("home", None),
        ("terrein-lijst", None),
        ("terrein-lijst", {"stap": ["0", "2"], "sortering": "-vraag_2030", "vraag_2035_min": "1"}),
        ("kaart", None),
        ("kaart-terreinen", None),
        ("kaart-terreinen", {"provincie": "PV25", "status": ["actief", "niet_gestart"]}),
        ("kaart-gemeenten", None),
        ("terrein-export-csv", None),
        ("terrein-detail", None),
    ],
)
def test_screen_needs_as_many_queries_for_30_parks_as_for_3(client, twee_gemeenten, maak_gebruiker, rol, scherm, params):
    regisseur = maak_gebruiker("regisseur")
    user = maak_gebruiker("gemeente", "GM0200", "GM0193") if rol == "gemeente" else regisseur
    assert client.login(username=user.username, password=WACHTWOORD)
    maak_terreinen(3, twee_gemeenten, regisseur)

    def url():
        if scherm == "terrein-detail":
            return reverse(scherm, args=[BedrijventerreinFactory._meta.model.objects.order_by("rin")[1].rin])
        if scherm == "terrein-export-csv":
            return reverse("terrein-export", args=["csv"])
        return reverse(scherm)

    drie = aantal_queries(client, url(), params)
    maak_terreinen(27, twee_gemeenten, regisseur)
    dertig = aantal_queries(client, url(), params)
    assert drie == dertig
