#!/usr/bin/env bash
# The embedded default must keep working: migrate, load_demo and the home page on SpatiaLite.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export DJANGO_SETTINGS_MODULE=nal_oost.settings.dev
export DATABASE_URL="spatialite:///$tmp/smoke.sqlite3"
unset REDIS_URL
export NAL_DEMO_PASSWORD="Rookproef-Kiezelsteen-Walvis-83"
echo "==> SpatiaLite smoke test ($DATABASE_URL)"
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_demo | tail -n 6
.venv/bin/python - <<'PY'
import django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment

setup_test_environment()
client = Client()
assert client.get("/").status_code == 302, "anonymous users must be sent to the login page"
# Through the real login form: django-axes checks every login and needs the request.
login = client.post("/inloggen/", {"username": "demo-regisseur", "password": "Rookproef-Kiezelsteen-Walvis-83"})
assert login.status_code == 302, login.status_code
response = client.get("/")
body = response.content.decode()
assert response.status_code == 200, response.status_code
assert "Bedrijventerreinen" in body and "terreinen" in body, body[:500]
print("SpatiaLite smoke test: home page OK,", body.count("/terreinen/"), "park links on page 1")
PY
