"""Dutch error pages (400, 403, 404, 500) in the layout of the application, each with a way back."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from tests.factories import BedrijventerreinFactory

pytestmark = pytest.mark.django_db


def assert_foutpagina(response, status, kop):
    assert response.status_code == status
    tekst = response.content.decode()
    assert '<html lang="nl">' in tekst and kop in tekst
    assert "utrecht-heading-1" in tekst and 'class="nal-header"' in tekst
    assert 'href="/">Naar de startpagina' in tekst
    for engels in ("Forbidden", "Not Found", "Server Error", "Bad Request"):
        assert engels not in tekst
    return tekst


@override_settings(DEBUG=False)
def test_permission_denied_shows_the_dutch_403_page_with_the_reason(client, maak_gebruiker):
    client.force_login(maak_gebruiker("medewerker"))
    tekst = assert_foutpagina(client.get(reverse("toolbox:instrument-nieuw")), 403, "U heeft geen toegang tot deze pagina")
    assert "Alleen een beheerder mag de toolbox onderhouden." in tekst
    # The menu of the logged-in user is there, so they can go on working.
    assert 'href="/uitloggen/"' in tekst or 'action="/uitloggen/"' in tekst


@override_settings(DEBUG=False)
def test_a_403_without_a_reason_still_explains_itself(client, maak_gebruiker):
    client.force_login(maak_gebruiker("regisseur"))
    assert_foutpagina(client.get(reverse("prioritering:kader-nieuw")), 403, "Uw rol geeft geen toegang")


@override_settings(DEBUG=False)
def test_an_unknown_address_shows_the_dutch_404_page(client):
    assert_foutpagina(client.get("/bestaat-niet/"), 404, "Deze pagina bestaat niet")


@override_settings(DEBUG=False)
def test_a_park_outside_the_users_area_is_the_same_dutch_404_without_its_name(client, maak_gebruiker, twee_gemeenten):
    elders = BedrijventerreinFactory(gemeente=twee_gemeenten[1], naam="Hessenpoort")
    client.force_login(maak_gebruiker("gemeente", "GM0200"))
    tekst = assert_foutpagina(client.get(reverse("terrein-detail", args=[elders.rin])), 404, "Deze pagina bestaat niet")
    assert "Hessenpoort" not in tekst and "matches the given query" not in tekst


@override_settings(DEBUG=False)
def test_an_expired_form_shows_a_dutch_csrf_page(maak_gebruiker):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "x", "password": "y"})
    assert_foutpagina(response, 403, "Het formulier is verlopen")


@override_settings(DEBUG=False, ROOT_URLCONF="tests.beveiliging.urls_storing")
def test_a_failure_shows_the_dutch_500_page_without_touching_the_database(django_db_blocker):
    client = Client(raise_request_exception=False)
    with django_db_blocker.block():
        response = client.get("/storing/")
    assert_foutpagina(response, 500, "Er ging iets mis aan onze kant")


@override_settings(DEBUG=False, ROOT_URLCONF="tests.beveiliging.urls_storing")
def test_the_500_page_falls_back_to_plain_dutch_when_its_layout_cannot_render(client, tmp_path):
    # As in a container without collected static files: every {% static %} fails.
    opslag = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(STORAGES=opslag, STATIC_ROOT=tmp_path):
        response = Client(raise_request_exception=False).get("/storing/")
    assert response.status_code == 500
    tekst = response.content.decode()
    assert '<html lang="nl">' in tekst and "Er ging iets mis aan onze kant" in tekst and 'href="/"' in tekst
    assert "utrecht-heading-1" not in tekst  # the plain fallback, not the layout
