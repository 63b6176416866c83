"""The map's data and words: what each park and municipality carries, and the note on approximate outlines."""

import json
import re

import pytest
from django.contrib.gis.geos import GEOSGeometry, Point
from django.urls import reverse

from terreinen.models import RD_NEW
from terreinen.services.geometrie import benaderde_geometrie_toekennen
from terreinen.services.importeren import terreinen_importeren
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, GemeenteFactory, PlankaartFactory, traject_zetten, vierkant

pytestmark = pytest.mark.django_db

# An irregular IBIS outline in Apeldoorn (WGS84), nothing like the approximate square.
IBIS_RING = [[5.950, 52.200], [5.956, 52.2005], [5.957, 52.204], [5.953, 52.206], [5.949, 52.203], [5.950, 52.200]]


def inloggen(client, user):
    assert client.login(username=user.username, password=WACHTWOORD)


def tekst(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def gemeenten(db):
    """Two municipalities side by side (RD New), 10 km squares: Apeldoorn west, Zwolle east."""
    return (
        GemeenteFactory(code="GM0200", naam="Apeldoorn", geometrie=vierkant(190_000, 463_000, zijde=10_000)),
        GemeenteFactory(code="GM0193", naam="Zwolle", overijssel=True, geometrie=vierkant(200_000, 463_000, zijde=10_000)),
    )


@pytest.fixture
def parken(gemeenten):
    apeldoorn, zwolle = gemeenten
    echt = BedrijventerreinFactory(
        gemeente=apeldoorn, naam="Ecofactorij", geometrie=vierkant(193_000, 465_000, 300), geometrie_bron="ibis"
    )
    benaderd = [BedrijventerreinFactory(gemeente=g, naam=f"Zonder omtrek {i}") for i, g in enumerate((apeldoorn, zwolle))]
    assert benaderde_geometrie_toekennen() == 2
    PlankaartFactory(terrein=echt, zichtjaar=2035, laadvermogen_kw=4100)
    traject_zetten(terrein=echt, stap=3, status="actief")
    return {"echt": echt, "benaderd": benaderd}


def test_map_parks_carry_their_outline_source_and_every_variable_the_map_colours_by(client, parken, maak_gebruiker):
    inloggen(client, maak_gebruiker("gemeente", "GM0200"))
    data = json.loads(client.get(reverse("kaart-terreinen")).content)
    per_naam = {f["properties"]["naam"]: f["properties"] for f in data["features"]}
    assert set(per_naam) == {"Ecofactorij", "Zonder omtrek 0"}  # a gemeente user sees only its own parks
    assert per_naam["Ecofactorij"]["geometrie_bron"] == "ibis"
    assert per_naam["Zonder omtrek 0"]["geometrie_bron"] == "benaderd"
    assert {"stap_nr", "status_code", "kw_2025", "kw_2030", "kw_2035"} <= set(per_naam["Ecofactorij"])
    assert (per_naam["Ecofactorij"]["stap_nr"], per_naam["Ecofactorij"]["kw_2035"]) == (3, 4100)


def test_each_municipality_has_a_label_point_inside_its_outline(client, gemeenten, maak_gebruiker):
    inloggen(client, maak_gebruiker("medewerker"))
    data = json.loads(client.get(reverse("kaart-gemeenten")).content)
    assert len(data["features"]) == 2
    for feature in data["features"]:
        p = feature["properties"]
        punt = Point(p["label_lon"], p["label_lat"], srid=4326)
        punt.transform(RD_NEW)
        grens = next(g for g in gemeenten if g.naam == p["naam"]).geometrie
        assert grens.contains(punt), p
        assert len(str(p["label_lon"]).split(".")[1]) <= 6


def test_map_page_says_how_many_of_the_shown_parks_have_an_approximate_outline(client, parken, maak_gebruiker):
    inloggen(client, maak_gebruiker("regisseur"))
    pagina = tekst(client.get(reverse("kaart")))
    assert "2 van de 3 terreinen op de kaart hebben geen IBIS-omtrek" in pagina
    assert "1 terrein heeft zijn echte IBIS-omtrek (doorgetrokken rand)" in pagina
    assert "benaderd: vierkant van de bruto-oppervlakte (2)" in pagina  # the legend's dashed edge
    # The note follows the filter: one approximate park alone, then only the real outline (no note).
    assert "Het terrein op de kaart heeft geen IBIS-omtrek" in tekst(client.get(reverse("kaart"), {"gemeente": "GM0193"}))
    alleen_echt = tekst(client.get(reverse("kaart"), {"q": "Ecofactorij"}))
    assert "geen IBIS-omtrek" not in alleen_echt and "echte omtrek uit IBIS (1)" in alleen_echt


def test_dashboard_map_note_counts_the_parks_the_user_may_see(client, parken, maak_gebruiker):
    inloggen(client, maak_gebruiker("gemeente", "GM0193"))
    pagina = tekst(client.get(reverse("home")))
    assert "Het terrein op de kaart heeft geen IBIS-omtrek" in pagina
    response = client.get(reverse("home"))
    assert 'aria-describedby="kaart-noot"' in response.content.decode()


def test_an_ibis_outline_replaces_the_approximate_square_on_the_map(client, gemeenten, maak_gebruiker, tmp_path):
    terrein = BedrijventerreinFactory(rin=4242, gemeente=gemeenten[0], naam="Apeldoorn-Noord")
    benaderde_geometrie_toekennen()
    pad = tmp_path / "ibis.geojson"
    eigenschappen = {"RIN_NUMMER": 4242, "PLAN_NAAM": "Apeldoorn-Noord", "GEM_CODES": "GM0200", "HA_BRUTO": 20}
    feature = {"type": "Feature", "properties": eigenschappen, "geometry": {"type": "Polygon", "coordinates": [IBIS_RING]}}
    pad.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    assert terreinen_importeren(pad=pad).geslaagd

    inloggen(client, maak_gebruiker("regisseur"))
    data = json.loads(client.get(reverse("kaart-terreinen")).content)
    (getekend,) = data["features"]
    assert getekend["id"] == terrein.rin and getekend["properties"]["geometrie_bron"] == "ibis"
    vorm = GEOSGeometry(json.dumps(getekend["geometry"]), srid=4326)
    assert vorm.num_coords == len(IBIS_RING)  # all six corners survive the map's 5 m simplification
    verwacht = GEOSGeometry(json.dumps({"type": "Polygon", "coordinates": [IBIS_RING]}), srid=4326)
    assert vorm.sym_difference(verwacht).area < verwacht.area / 1000  # the same shape
