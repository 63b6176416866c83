"""API keys: hashed at rest, shown once, expiry, revocation, scope, last use and limits per key."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from api.models import ApiSleutel
from api.services import api_sleutel_intrekken, sleutel_hash
from tests.api.conftest import ApiClient
from tests.conftest import WACHTWOORD

pytestmark = pytest.mark.django_db

LIJST = "/api/v1/bedrijventerreinen"


def test_key_is_stored_only_as_a_hash(maak_sleutel):
    sleutel, ruw = maak_sleutel()
    rij = ApiSleutel.objects.values().get(pk=sleutel.pk)
    assert ruw not in str(rij.values())
    assert rij["sleutel_hash"] == sleutel_hash(ruw)
    assert ruw.startswith(rij["prefix"] + ".")


def test_unknown_or_malformed_key_is_401(parken):
    for sleutel in ("onzin", "abcd1234.verkeerd", ".", ""):
        response = ApiClient(sleutel).get(LIJST)
        assert response.status_code == 401, sleutel
        assert response["Content-Type"] == "application/problem+json"


def test_key_with_right_prefix_but_wrong_secret_is_401(maak_sleutel, parken):
    sleutel, ruw = maak_sleutel()
    assert ApiClient(ruw[:-2] + "xx").get(LIJST).status_code == 401


def test_revoked_key_fails_on_the_next_request(maak_sleutel, parken):
    sleutel, ruw = maak_sleutel()
    client = ApiClient(ruw)
    assert client.get(LIJST).status_code == 200
    api_sleutel_intrekken(sleutel=sleutel)
    response = client.get(LIJST)
    assert response.status_code == 401
    assert "ingetrokken" in response.json()["detail"]


def test_expired_key_fails_on_the_next_request(maak_sleutel, parken):
    sleutel, ruw = maak_sleutel(verloopt_op=timezone.localdate() + timedelta(days=1))
    client = ApiClient(ruw)
    assert client.get(LIJST).status_code == 200
    ApiSleutel.objects.filter(pk=sleutel.pk).update(verloopt_op=timezone.localdate() - timedelta(days=1))
    response = client.get(LIJST)
    assert response.status_code == 401
    assert "verlopen" in response.json()["detail"]


def test_scope_limits_the_resources_of_a_key(maak_sleutel, parken):
    _sleutel, ruw = maak_sleutel(scope=["plankaarten"])
    client = ApiClient(ruw)
    assert client.get("/api/v1/plankaarten").status_code == 200
    assert client.get("/api/v1/plankaart-versies").status_code == 200
    for pad in (LIJST, f"{LIJST}/1001", "/api/v1/gemeenten", "/api/v1/trajecten", "/api/v1/aggregaten/gemeenten"):
        response = client.get(pad)
        assert response.status_code == 403, pad
        assert response["Content-Type"] == "application/problem+json"


def test_use_of_a_key_is_recorded(maak_sleutel, parken):
    sleutel, ruw = maak_sleutel()
    assert sleutel.laatst_gebruikt_op is None
    ApiClient(ruw).get(LIJST)
    sleutel.refresh_from_db()
    assert timezone.now() - sleutel.laatst_gebruikt_op < timedelta(seconds=30)


@override_settings(API_SLEUTEL_LIMIET="3/min")
def test_requests_are_limited_per_key_with_429_problem_json(maak_sleutel, parken):
    _a, eerste = maak_sleutel("Partner A")
    _b, tweede = maak_sleutel("Partner B")
    client = ApiClient(eerste)
    assert [client.get(LIJST).status_code for _ in range(3)] == [200, 200, 200]
    response = client.get(LIJST)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert int(response["Retry-After"]) > 0
    assert response.json()["status"] == 429
    assert ApiClient(tweede).get(LIJST).status_code == 200, "another key has its own budget"


def test_command_prints_the_key_once_and_stores_its_hash(db):
    uit, fout = StringIO(), StringIO()
    call_command(
        "create_api_key",
        "ElaadNL",
        "--scope",
        "bedrijventerreinen,plankaarten",
        "--expires",
        "2099-12-31",
        stdout=uit,
        stderr=fout,
    )
    ruw = uit.getvalue().strip()
    sleutel = ApiSleutel.objects.get(organisatie="ElaadNL")
    assert sleutel.sleutel_hash == sleutel_hash(ruw)
    assert sleutel.scope == ["bedrijventerreinen", "plankaarten"]
    assert sleutel.verloopt_op.isoformat() == "2099-12-31"
    assert "niet opnieuw" in fout.getvalue()


@pytest.mark.parametrize(
    "argumenten",
    [["ElaadNL", "--scope", "alles"], ["ElaadNL", "--expires", "31-12-2099"], ["ElaadNL", "--expires", "2000-01-01"], [" "]],
)
def test_command_rejects_bad_input_and_writes_nothing(db, argumenten):
    with pytest.raises(CommandError):
        call_command("create_api_key", *argumenten, stdout=StringIO(), stderr=StringIO())
    assert not ApiSleutel.objects.exists()


def test_beheerder_creates_a_key_which_is_shown_once(client, maak_gebruiker, parken):
    beheerder = maak_gebruiker("beheerder")
    assert client.login(username=beheerder.username, password=WACHTWOORD)
    response = client.post(
        "/api/sleutels/", {"organisatie": "Enexis", "scope": ["bedrijventerreinen", "gemeenten"], "verloopt_op": "2099-01-01"}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    ruw = response.context["ruwe_sleutel"]
    assert ruw in response.content.decode()
    assert ApiClient(ruw).get(LIJST).status_code == 200
    lijst = client.get("/api/sleutels/").content.decode()
    assert "Enexis" in lijst and ruw not in lijst and ruw.split(".")[0] in lijst


def test_beheerder_form_reports_errors_and_creates_nothing(client, maak_gebruiker):
    assert client.login(username=maak_gebruiker("beheerder").username, password=WACHTWOORD)
    response = client.post("/api/sleutels/", {"organisatie": "", "scope": [], "verloopt_op": "2001-01-01"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Kies ten minste één onderdeel." in body and "De vervaldatum moet na vandaag liggen." in body
    assert not ApiSleutel.objects.exists()


def test_beheerder_revokes_a_key_in_the_app(client, maak_gebruiker, maak_sleutel, parken):
    sleutel, ruw = maak_sleutel()
    assert client.login(username=maak_gebruiker("beheerder").username, password=WACHTWOORD)
    response = client.post(f"/api/sleutels/{sleutel.pk}/intrekken/")
    assert response.status_code == 302
    assert ApiClient(ruw).get(LIJST).status_code == 401


@pytest.mark.parametrize("rol", ["regisseur", "medewerker", "gemeente"])
def test_key_screens_do_not_exist_for_other_roles(client, maak_gebruiker, maak_sleutel, twee_gemeenten, rol):
    sleutel, _ruw = maak_sleutel()
    codes = ("GM0200",) if rol == "gemeente" else ()
    assert client.login(username=maak_gebruiker(rol, *codes).username, password=WACHTWOORD)
    assert client.get("/api/sleutels/").status_code == 404
    assert client.post(f"/api/sleutels/{sleutel.pk}/intrekken/").status_code == 404
    sleutel.refresh_from_db()
    assert sleutel.ingetrokken_op is None


ENDPOINTS = [
    "/api/v1",
    LIJST,
    f"{LIJST}/1001",
    "/api/v1/gemeenten",
    "/api/v1/gemeenten/GM0200",
    "/api/v1/plankaarten",
    "/api/v1/plankaart-versies",
    "/api/v1/trajecten",
    "/api/v1/aggregaten/provincies",
    "/api/v1/aggregaten/gemeenten",
]


@pytest.mark.parametrize("pad", ENDPOINTS)
def test_every_endpoint_refuses_anonymous_expired_and_revoked_callers(client, maak_sleutel, parken, pad):
    assert client.get(pad).status_code == 401
    verlopen, ruw_verlopen = maak_sleutel("Verlopen")
    ApiSleutel.objects.filter(pk=verlopen.pk).update(verloopt_op=timezone.localdate() - timedelta(days=1))
    ingetrokken, ruw_ingetrokken = maak_sleutel("Ingetrokken")
    api_sleutel_intrekken(sleutel=ingetrokken)
    geldig, ruw_geldig = maak_sleutel("Geldig")
    for ruw in (ruw_verlopen, ruw_ingetrokken):
        response = ApiClient(ruw).get(pad)
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"
        assert response["API-Version"] == "1.0.0"
    assert ApiClient(ruw_geldig).get(pad).status_code == 200
