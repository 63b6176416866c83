#!/usr/bin/env bash
# The one definition of every process of the running system (see Procfile):
#   migrate   database migrations, then collectstatic (skipped when the image already holds the
#             static files: NAL_STATIC_IN_IMAGE=1)
#   web       gunicorn with deploy/gunicorn.conf.py on NAL_WEB_ADRES (default 127.0.0.1:8000)
#   worker    Celery worker (NAL_WORKER_CONCURRENCY, default 2)
#   beat      Celery beat (schedule file NAL_BEAT_SCHEDULE, default var/celery/beat-schedule)
#   proxy     Caddy with deploy/Caddyfile: TLS, X-Forwarded-*, X-Request-ID, no Server header
#   gezond    exit 0 when the web process answers /gezondheid (container healthcheck)
# Settings come from the environment (see .env.example and the README, "Instellingen").
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
[ -x "$bin/python" ] || bin="$(dirname "$(command -v python3)")"

case "${1:-}" in
  migrate)
    "$bin/python" manage.py migrate --noinput
    if [ "${NAL_STATIC_IN_IMAGE:-0}" != "1" ]; then
      "$bin/python" manage.py collectstatic --noinput -v0
    fi
    ;;
  collectstatic)
    exec "$bin/python" manage.py collectstatic --noinput -v0
    ;;
  web)
    exec "$bin/gunicorn" --config deploy/gunicorn.conf.py nal_oost.wsgi:application
    ;;
  worker)
    exec "$bin/celery" -A nal_oost worker --loglevel "${LOG_LEVEL:-INFO}" --concurrency "${NAL_WORKER_CONCURRENCY:-2}"
    ;;
  beat)
    schema="${NAL_BEAT_SCHEDULE:-var/celery/beat-schedule}"
    mkdir -p "$(dirname "$schema")"
    exec "$bin/celery" -A nal_oost beat --loglevel "${LOG_LEVEL:-INFO}" --schedule "$schema"
    ;;
  proxy)
    : "${NAL_TLS_CERT:?zet NAL_TLS_CERT (certificaat, PEM); voor een proef: scripts/tls-zelfondertekend.sh}"
    : "${NAL_TLS_KEY:?zet NAL_TLS_KEY (sleutel bij het certificaat, PEM)}"
    export NAL_PROXY_HOST="${NAL_PROXY_HOST:-localhost}" NAL_PROXY_UPSTREAM="${NAL_PROXY_UPSTREAM:-127.0.0.1:8000}"
    export NAL_PROXY_HTTP_POORT="${NAL_PROXY_HTTP_POORT:-80}" NAL_PROXY_HTTPS_POORT="${NAL_PROXY_HTTPS_POORT:-443}"
    exec caddy run --adapter caddyfile --config deploy/Caddyfile
    ;;
  gezond)
    exec "$bin/python" - <<'PY'
import os
import sys
import urllib.request

# Straight to gunicorn over plain HTTP: /gezondheid is exempt from the HTTPS redirect
# (SECURE_REDIRECT_EXEMPT); the Host header is one the application accepts.
adres = os.environ.get("NAL_WEB_ADRES", "127.0.0.1:8000").replace("0.0.0.0", "127.0.0.1")  # noqa: S104
hosts = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "localhost").split(",") if h.strip()]
host = next((h.lstrip(".") for h in hosts if h != "*"), "localhost")
verzoek = urllib.request.Request(f"http://{adres}/gezondheid", headers={"Host": host})  # noqa: S310
try:
    with urllib.request.urlopen(verzoek, timeout=5) as antwoord:  # noqa: S310
        sys.exit(0 if antwoord.status == 200 else 1)
except OSError as fout:
    print(f"niet gezond: {fout}", file=sys.stderr)
    sys.exit(1)
PY
    ;;
  *)
    echo "Gebruik: scripts/proces.sh migrate|collectstatic|web|worker|beat|proxy|gezond" >&2
    exit 2
    ;;
esac
