"""No browser or proxy keeps a copy of what a logged-in user or an API key received; static files stay cacheable."""

import pytest
from django.test import Client
from django.urls import reverse

from api.services import api_sleutel_aanmaken
from factsheets.models import Factsheet

pytestmark = pytest.mark.django_db


def assert_geen_opslag(response):
    assert response.status_code == 200, response.status_code
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"] and "max-age=3" not in response["Cache-Control"]


@pytest.fixture
def beheerder(omgeving):
    client = Client()
    client.force_login(omgeving.gebruikers["beheerder"])
    return client


@pytest.fixture
def gemeente(omgeving):
    client = Client()
    client.force_login(omgeving.gebruikers["gemeente-eigen"])
    return client


@pytest.mark.parametrize(
    "url",
    [
        lambda o: reverse("home"),
        lambda o: reverse("terrein-lijst"),
        lambda o: reverse("terrein-detail", args=[o.eigen.rin]),
        lambda o: reverse("kaart-terreinen"),
        lambda o: reverse("account"),
        lambda o: reverse("prioritering:ranglijst"),
    ],
)
def test_pages_for_a_logged_in_user_are_not_stored(beheerder, gemeente, omgeving, url):
    assert_geen_opslag(beheerder.get(url(omgeving)))
    assert_geen_opslag(gemeente.get(url(omgeving)))


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_exports_are_not_stored(beheerder, omgeving, formaat):
    assert_geen_opslag(beheerder.get(reverse("terrein-export", args=[formaat])))
    assert_geen_opslag(beheerder.get(reverse("prioritering:ronde-export", args=[omgeving.ronde.pk, formaat])))


def test_document_downloads_are_not_stored(beheerder, gemeente, omgeving):
    assert_geen_opslag(beheerder.get(reverse("stappenplan-document", args=[omgeving.document_vertrouwelijk.pk])))
    assert_geen_opslag(gemeente.get(reverse("stappenplan-document", args=[omgeving.document_openbaar.pk])))
    assert_geen_opslag(beheerder.get(reverse("toolbox:versie-download", args=[omgeving.instrument.slug, 1])))
    factsheet = Factsheet.objects.get(terrein=omgeving.eigen)
    assert_geen_opslag(
        gemeente.get(reverse("factsheets:download", args=[omgeving.eigen.rin, factsheet.variant.replace("-", "_")]))
    )


def test_api_answers_to_a_key_are_private_and_revalidated_every_time(omgeving):
    # Public fields only (the visibility register): no shared cache, and a client's copy only after a 304 check.
    _sleutel, ruw = api_sleutel_aanmaken(organisatie="Cache BV", door=omgeving.gebruikers["beheerder"])
    response = Client().get("/api/v1/bedrijventerreinen", HTTP_X_API_KEY=ruw)
    assert {d.strip() for d in response["Cache-Control"].split(",")} >= {"private", "no-cache"}
    assert response["ETag"]
    assert response["Content-Type"].startswith("application/geo+json") or response["Content-Type"].startswith("application/json")


def test_a_view_that_said_no_store_keeps_its_own_header(beheerder):
    # The two-factor pages use never_cache: stricter than ours, left as it is.
    response = beheerder.get(reverse("tweefactor-verifieren"))
    assert set(response["Cache-Control"].split(", ")) == {"max-age=0", "no-cache", "no-store", "must-revalidate", "private"}


def test_anonymous_public_answers_and_static_files_keep_their_caching(beheerder):
    assert "no-store" not in Client().get(reverse("gezondheid")).get("Cache-Control", "")
    statisch = beheerder.get("/static/css/thema.css")
    assert statisch.status_code == 200
    assert "no-store" not in statisch["Cache-Control"] and "max-age=" in statisch["Cache-Control"]
