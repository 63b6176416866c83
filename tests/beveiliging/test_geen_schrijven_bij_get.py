"""Reading never writes: GET every park-related page and count the rows of every table before and after.

The pages and their path parameters come from the permission matrix (test_rechtenmatrix.REGELS).
Each is fetched by a gemeente user of the park's municipality, a medewerker and a regisseur, for
a park with its traject and for a park whose traject is missing (rows from before parks got theirs
when created): opening the page must not create it, nor anything else.
"""

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client

from stappenplan.models import Traject
from tests.beveiliging.conftest import GEMEENTE_EIGEN
from tests.beveiliging.test_rechtenmatrix import REGELS, alle_adressen

PARKPAGINAS = (
    "home",
    "terrein-detail",
    "terrein-lijst",
    "terrein-export",
    "kaart",
    "kaart-terreinen",
    "mijn-terreinen",
    "stap-gegevens",
    "stappenplan-document",
    "toolbox:inzet-vastleggen",
    "toolbox:zelfstandig-overzicht",
    "prioritering:ranglijst",
    "factsheets:overzicht",
    "factsheets:download",
    "factsheets:zip",
    "api:bedrijventerrein-list",
    "api:bedrijventerrein-detail",
    "api:traject-list",
    "api:plankaart-list",
)
ROLLEN = (GEMEENTE_EIGEN, "medewerker", "regisseur")


def _tabellen() -> list[str]:
    return sorted({m._meta.db_table for m in apps.get_models(include_auto_created=True) if m._meta.managed and not m._meta.proxy})


def _aantallen(tabellen) -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(f"SELECT '{t}', count(*) FROM \"{t}\"" for t in tabellen))
        return dict(cursor.fetchall())


def _paden(omgeving) -> list[str]:
    adressen = {a.sleutel: a for a in alle_adressen()}
    paden = []
    for naam in PARKPAGINAS:
        regels = REGELS[naam] if isinstance(REGELS[naam], tuple) else (REGELS[naam],)
        paden += [adressen[naam].pad(regel.kwargs(omgeving)) for regel in regels]
    return paden


@pytest.mark.django_db
@pytest.mark.parametrize("traject", ["met-traject", "zonder-traject"])
@pytest.mark.parametrize("rol", ROLLEN)
def test_opening_park_pages_writes_no_row_in_any_table(omgeving, rol, traject):
    if traject == "zonder-traject":
        Traject.objects.filter(terrein=omgeving.eigen).delete()
    client = Client()
    client.force_login(omgeving.gebruikers[rol])
    client.get("/")  # the session's first request may stamp it; count from here
    tabellen = _tabellen()
    fouten = []
    for pad in _paden(omgeving):
        voor = _aantallen(tabellen)
        response = client.get(pad)
        if response.streaming:
            b"".join(response.streaming_content)
        na = _aantallen(tabellen)
        verschil = {t: na[t] - voor[t] for t in tabellen if na[t] != voor[t]}
        if verschil:
            fouten.append(f"GET {pad} ({response.status_code}): {verschil}")
    assert fouten == []
    assert Traject.objects.filter(terrein=omgeving.eigen).exists() == (traject == "met-traject")


def test_every_park_page_is_in_the_matrix():
    assert set(PARKPAGINAS) <= set(REGELS)
