import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from terreinen.models import Notitie
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, PlankaartFactory, stakeholder_maken

pytestmark = pytest.mark.django_db


@pytest.fixture
def terreinen(twee_gemeenten):
    apeldoorn, zwolle = twee_gemeenten
    eigen = BedrijventerreinFactory(gemeente=apeldoorn, naam="Ecofactorij")
    elders = BedrijventerreinFactory(gemeente=zwolle, naam="Hessenpoort")
    PlankaartFactory(terrein=eigen, zichtjaar=2030, laadvermogen_kw=1234)
    stakeholder_maken(terrein=eigen, organisatie="Liander", soort="netbeheerder", email="geheim@example.nl")
    Notitie.objects.create(terrein=eigen, soort="risico", datum="2026-01-01", tekst="Vertrouwelijke risiconotitie")
    return eigen, elders


def login(client, user):
    assert client.login(username=user.username, password=WACHTWOORD)


def test_anonymous_user_is_sent_to_the_login_page(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_login_page_is_dutch_and_has_a_skip_link(client):
    body = client.get(reverse("login")).content.decode()
    assert '<html lang="nl">' in body
    assert "Naar de inhoud" in body and "Gebruikersnaam" in body


def test_regisseur_sees_all_parks_with_2030_demand(client, terreinen, maak_gebruiker):
    login(client, maak_gebruiker("regisseur"))
    body = client.get(reverse("terrein-lijst")).content.decode()
    assert "Ecofactorij" in body and "Hessenpoort" in body
    assert "1.234" in body  # Dutch thousands separator


def test_gemeente_user_list_shows_only_own_parks(client, terreinen, maak_gebruiker):
    login(client, maak_gebruiker("gemeente", "GM0200"))
    body = client.get(reverse("terrein-lijst")).content.decode()
    assert "Ecofactorij" in body
    assert "Hessenpoort" not in body


def test_gemeente_user_gets_404_for_park_elsewhere(client, terreinen, maak_gebruiker):
    eigen, elders = terreinen
    login(client, maak_gebruiker("gemeente", "GM0200"))
    assert client.get(reverse("terrein-detail", args=[elders.rin])).status_code == 404
    assert client.get(reverse("terrein-detail", args=[eigen.rin])).status_code == 200


def test_gemeente_user_does_not_see_confidential_contacts_or_notes(client, terreinen, maak_gebruiker):
    eigen, _ = terreinen
    login(client, maak_gebruiker("gemeente", "GM0200"))
    body = client.get(reverse("terrein-detail", args=[eigen.rin])).content.decode()
    assert "geheim@example.nl" not in body
    assert "Vertrouwelijke risiconotitie" not in body


def test_medewerker_sees_confidential_contacts_and_notes(client, terreinen, maak_gebruiker):
    eigen, _ = terreinen
    login(client, maak_gebruiker("medewerker"))
    body = client.get(reverse("terrein-detail", args=[eigen.rin])).content.decode()
    assert "geheim@example.nl" in body
    assert "Vertrouwelijke risiconotitie" in body


def test_search_finds_by_name_municipality_and_rin(client, terreinen, maak_gebruiker):
    eigen, elders = terreinen
    login(client, maak_gebruiker("regisseur"))
    lijst = reverse("terrein-lijst")
    assert "Hessenpoort" not in client.get(lijst, {"q": "ecofac"}).content.decode()
    assert "Hessenpoort" in client.get(lijst, {"q": "zwolle"}).content.decode()
    assert "Ecofactorij" in client.get(lijst, {"q": str(eigen.rin)}).content.decode()


def test_list_page_query_count_does_not_grow_with_parks(client, twee_gemeenten, maak_gebruiker):
    login(client, maak_gebruiker("regisseur"))
    BedrijventerreinFactory.create_batch(3, gemeente=twee_gemeenten[0])
    with CaptureQueriesContext(connection) as drie:
        client.get(reverse("terrein-lijst"))
    BedrijventerreinFactory.create_batch(27, gemeente=twee_gemeenten[1])
    with CaptureQueriesContext(connection) as dertig:
        client.get(reverse("terrein-lijst"))
    assert len(drie) == len(dertig)


def test_home_page_is_the_dashboard_and_links_to_the_list(client, terreinen, maak_gebruiker):
    login(client, maak_gebruiker("regisseur"))
    body = client.get(reverse("home")).content.decode()
    assert "Terreinen per stap" in body
    assert reverse("terrein-lijst") in body


def test_aannames_page_shows_the_model_assumptions(client, maak_gebruiker):
    login(client, maak_gebruiker("medewerker"))
    body = client.get(reverse("aannames")).content.decode()
    assert "Elektrische vrachtwagens in Nederland, 2030" in body
    assert "24.000" in body  # Dutch grouping, as the exports write it


def test_health_endpoint_answers(client):
    assert client.get("/gezondheid").json() == {"status": "ok"}


def test_a_page_number_past_the_end_shows_the_last_page(client, maak_gebruiker, twee_gemeenten):
    for i in range(3):
        BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam=f"Park {i}")
    client.force_login(maak_gebruiker("medewerker"))
    response = client.get(reverse("terrein-lijst") + "?page=999")
    assert response.status_code == 200
    assert response.context["page_obj"].number == response.context["paginator"].num_pages
    assert client.get(reverse("terrein-lijst") + "?page=geen-getal").context["page_obj"].number == 1
