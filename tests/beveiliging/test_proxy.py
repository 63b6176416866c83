"""Headers a reverse proxy sets (X-Forwarded-For, X-Forwarded-Proto, X-Request-ID) count only when the
deployment says a trusted proxy is in front (NAL_PROXY_AANTAL); otherwise any client could send them."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from audit.models import Gebeurtenis

pytestmark = pytest.mark.django_db
BASIS = Path(settings.BASE_DIR)


def productie_instelling(naam: str, **omgeving) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "NAL_PROXY_AANTAL")}
    env.update(DJANGO_SETTINGS_MODULE="nal_oost.settings.production", SECRET_KEY=secrets.token_urlsafe(60), **omgeving)
    uit = subprocess.run(  # noqa: S603 - our own settings module, no user input
        [sys.executable, "-c", f"import django; django.setup(); from django.conf import settings; print(repr(settings.{naam}))"],
        cwd=BASIS,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert uit.returncode == 0, uit.stderr
    return uit.stdout.strip()


def test_production_trusts_x_forwarded_proto_only_behind_a_proxy():
    assert productie_instelling("SECURE_PROXY_SSL_HEADER") == "None"
    assert productie_instelling("SECURE_PROXY_SSL_HEADER", NAL_PROXY_AANTAL="1") == "('HTTP_X_FORWARDED_PROTO', 'https')"


@override_settings(SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=None)
def test_without_a_proxy_a_forged_https_header_does_not_pass_for_https(client):
    response = client.get(reverse("login"), HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301 and response["Location"].startswith("https://")


@override_settings(NAL_PROXY_AANTAL=0)
def test_without_a_proxy_a_forged_x_forwarded_for_is_not_the_recorded_address(client):
    client.post(
        reverse("login"), {"username": "niemand", "password": "fout"}, REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="10.1.1.1"
    )
    assert Gebeurtenis.objects.get(actie="inloggen").herkomst == "198.51.100.9"


@override_settings(NAL_PROXY_AANTAL=1)
def test_behind_one_proxy_the_address_it_forwards_is_recorded(client):
    client.post(
        reverse("login"), {"username": "niemand", "password": "fout"}, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.9"
    )
    assert Gebeurtenis.objects.get(actie="inloggen").herkomst == "198.51.100.9"


@pytest.mark.parametrize(
    ("aantal", "doorgestuurd", "verwacht"),
    [
        (0, "198.51.100.9", "10.0.0.2"),
        (1, "198.51.100.9", "198.51.100.9"),
        # The client put its own entry first; the proxy appended the real address.
        (1, "1.2.3.4, 198.51.100.9", "198.51.100.9"),
        (2, "1.2.3.4, 198.51.100.9, 10.0.0.7", "198.51.100.9"),
        (1, "2001:db8::1", "2001:db8::1"),
        (1, "geen-adres", "10.0.0.2"),
        (1, "", "10.0.0.2"),
    ],
)
def test_the_client_address_is_taken_from_the_trusted_end_of_x_forwarded_for(rf, aantal, doorgestuurd, verwacht):
    from nal_oost.verzoek import client_adres

    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=doorgestuurd)
    with override_settings(NAL_PROXY_AANTAL=aantal):
        assert client_adres(request) == verwacht


@override_settings(NAL_PROXY_AANTAL=1, NAL_INLOGFOUTEN_PER_ADRES=3)
def test_behind_a_proxy_a_spraying_client_does_not_lock_out_the_others_behind_the_same_proxy(client, maak_gebruiker):
    from tests.conftest import WACHTWOORD

    def via_proxy(username, password, client_ip):
        data = {"username": username, "password": password}
        return client.post(reverse("login"), data, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=client_ip)

    user = maak_gebruiker("medewerker")
    for i in range(3):
        via_proxy(f"x{i}", "fout", "203.0.113.5")
    assert via_proxy(user.username, WACHTWOORD, "203.0.113.5").status_code == 429
    assert via_proxy(user.username, WACHTWOORD, "198.51.100.9").status_code == 302
