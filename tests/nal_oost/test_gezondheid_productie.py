"""The container healthcheck asks gunicorn over plain HTTP: /gezondheid must answer there on production settings."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASIS = Path(settings.BASE_DIR)

CODE = """
import django
django.setup()
from django.test import Client
client = Client()
gezond = client.get("/gezondheid", HTTP_HOST="laadinfra.example.nl")
print(gezond.status_code, gezond.content.decode())
ander = client.get("/inloggen/", HTTP_HOST="laadinfra.example.nl")
print(ander.status_code, ander.headers.get("Location"))
vreemd = client.get("/gezondheid", HTTP_HOST="aanvaller.example")
print(vreemd.status_code)
"""


def test_the_health_endpoint_answers_over_http_on_production_settings_while_everything_else_redirects():
    omgeving = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"} | {
        "DJANGO_SETTINGS_MODULE": "nal_oost.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "laadinfra.example.nl",
        "DATABASE_URL": os.environ["DATABASE_URL"],
    }
    uit = subprocess.run([sys.executable, "-c", CODE], cwd=BASIS, env=omgeving, capture_output=True, text=True, timeout=120)
    assert uit.returncode == 0, uit.stderr
    gezond, ander, vreemd = uit.stdout.strip().splitlines()[-3:]
    assert gezond == '200 {"status": "ok"}'
    assert ander == "301 https://laadinfra.example.nl/inloggen/"
    # The host check still applies: only the redirect is waived.
    assert vreemd == "400"
