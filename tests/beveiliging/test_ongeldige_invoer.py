"""NUL bytes and bytes that are not UTF-8 in a URL or form answer 400 with the Dutch page, never 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from api.services import api_sleutel_aanmaken
from tests.conftest import WACHTWOORD

pytestmark = pytest.mark.django_db

ONGELDIG = ("%00", "abc%00def", "%ff", "%C3%28", "%e2%82")
URLS = (
    "/prioritering/?q={}",
    "/stappenplan/evaluaties/?soort={}",
    "/terreinen/?q={}",
    "/terreinen/export.csv?gemeente={}&q=eco",
    "/toolbox/?q={}",
    "/kaart/?{}=1",
    "/kaart/terreinen.geojson?provincie={}",
    "/factsheets/?page={}",
)


def assert_nederlandse_400(response):
    assert response.status_code == 400
    tekst = response.content.decode()
    assert '<html lang="nl">' in tekst and "Deze aanvraag kunnen we niet lezen" in tekst
    assert 'href="/"' in tekst


@pytest.mark.parametrize("waarde", ONGELDIG)
@pytest.mark.parametrize("url", URLS)
def test_unreadable_query_parameters_answer_400_for_a_logged_in_user(client, maak_gebruiker, url, waarde):
    client.force_login(maak_gebruiker("beheerder"))
    assert_nederlandse_400(client.get(url.format(waarde)))


@pytest.mark.parametrize("waarde", ONGELDIG)
def test_unreadable_parameters_answer_400_before_login_too(client, waarde):
    assert_nederlandse_400(client.get(f"/inloggen/?next={waarde}"))
    assert_nederlandse_400(client.get(f"/bestaat-niet/?x={waarde}"))


def test_a_nul_byte_in_the_path_answers_400(client, maak_gebruiker):
    client.force_login(maak_gebruiker("beheerder"))
    assert_nederlandse_400(client.get("/toolbox/instrumenten/a%00b/"))


def test_ordinary_parameters_still_work(client, maak_gebruiker):
    client.force_login(maak_gebruiker("beheerder"))
    assert client.get("/terreinen/?q=%C3%A9cofactorij+noord&gemeente=").status_code == 200
    assert client.get("/prioritering/?q=Zo%C3%AB").status_code == 200


@pytest.mark.parametrize("waarde", ["%00", "%ff"])
def test_a_login_form_with_unreadable_bytes_answers_400_and_logs_nobody_in(client, maak_gebruiker, waarde):
    user = maak_gebruiker("regisseur")
    body = f"username={user.username}{waarde}&password={WACHTWOORD}"
    response = client.post(reverse("login"), body, content_type="application/x-www-form-urlencoded")
    assert_nederlandse_400(response)
    assert "_auth_user_id" not in client.session


def test_a_multipart_form_with_a_nul_byte_answers_400(client, maak_gebruiker):
    from tests.factories import InstrumentFactory

    instrument = InstrumentFactory(titel="Nulbyte", slug="nulbyte")
    client.force_login(maak_gebruiker("beheerder"))
    bestand = SimpleUploadedFile("handreiking.txt", b"Handreiking\n")
    response = client.post(reverse("toolbox:versie-nieuw", args=[instrument.slug]), {"bestand": bestand, "toelichting": "a\x00b"})
    assert_nederlandse_400(response)
    assert not instrument.versies.exists()


@pytest.mark.parametrize("waarde", ["%00", "%ff"])
def test_the_api_answers_problem_json_400(client, maak_gebruiker, waarde):
    _sleutel, ruw = api_sleutel_aanmaken(organisatie="Nul BV", door=maak_gebruiker("beheerder"))
    response = client.get(f"/api/v1/bedrijventerreinen?naam={waarde}", HTTP_X_API_KEY=ruw)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 400 and response.json()["code"] == "badRequest"
