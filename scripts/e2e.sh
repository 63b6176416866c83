#!/usr/bin/env bash
# make e2e: the production shape on this machine, end to end, without a test transaction anywhere.
#
# Starts with nal_oost.settings.production (DEBUG off): a fresh PostGIS database (E2E_DB, default
# nal_oost_e2e) on the PostgreSQL server of PG_URL, Redis db E2E_REDIS_DB (default 10), and the
# processes of the Procfile through scripts/proces.sh: migrate (+ collectstatic), web (gunicorn),
# worker, beat and proxy (Caddy, TLS with a self-signed certificate) on free high ports. Loads the
# demo region, then drives Debian's chromium through every role's journey (tests_e2e/), takes a
# backup and restores it into an empty database. Fails on any ERROR or Traceback line in the logs of
# web, worker and beat. Every process it started is stopped on the way out.
set -euo pipefail
cd "$(dirname "$0")/.."
begin=$(date +%s)
PG_URL="${PG_URL:-postgis://postgres@127.0.0.1:5432/nal_oost}"
E2E_DB="${E2E_DB:-nal_oost_e2e}"
E2E_REDIS_DB="${E2E_REDIS_DB:-10}"
werk=$(mktemp -d /tmp/nal-e2e.XXXXXX)
pids=()
logs=(web worker beat proxy)

stoppen() {
  status=$?
  # Each process was started in a session of its own (setsid): its id is also its process group's,
  # so the group signal reaches gunicorn's and Celery's child processes too.
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ]; then
    for naam in "${logs[@]}"; do
      [ -f "$werk/$naam.log" ] && { echo "---- laatste regels van $naam.log ----"; tail -n 40 "$werk/$naam.log"; }
    done
    echo "e2e MISLUKT na $(( $(date +%s) - begin )) s (logboeken in $werk)"
  else
    rm -rf "$werk"
  fi
}
trap stoppen EXIT
trap 'exit 130' INT TERM

stap() { printf '%s [%4ss] %s\n' "==> e2e" "$(( $(date +%s) - begin ))" "$*"; }

vrije_poort() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Database and Redis: fresh for this run, on the servers `make test` uses.
basis="${PG_URL%/*}"
export DATABASE_URL="$basis/$E2E_DB"
export E2E_HERSTEL_URL="$basis/${E2E_DB}_herstel"
beheer_uri="$(echo "$basis" | sed -E 's#^[a-z]+://#postgresql://#')/postgres"
for db in "$E2E_DB" "${E2E_DB}_herstel"; do
  dropdb --if-exists --force --maintenance-db="$beheer_uri" "$db"
done
scripts/ensure-postgis.sh "$DATABASE_URL" >/dev/null
# The restore target: an empty database (PostGIS itself comes back with the dump).
createdb --maintenance-db="$beheer_uri" "${E2E_DB}_herstel"
redis_basis="${E2E_REDIS_BASIS:-redis://127.0.0.1:6379}"
export REDIS_URL="$redis_basis/$E2E_REDIS_DB"
redis-cli -u "$REDIS_URL" flushdb >/dev/null

web_poort=$(vrije_poort); https_poort=$(vrije_poort); http_poort=$(vrije_poort)
export DJANGO_SETTINGS_MODULE=nal_oost.settings.production
SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(60))')
export SECRET_KEY
export ALLOWED_HOSTS=localhost
export CSRF_TRUSTED_ORIGINS="https://localhost:$https_poort"
export NAL_BASIS_URL="https://localhost:$https_poort"
export MEDIA_ROOT="$werk/media" STATIC_ROOT="$werk/static" NAL_BEAT_SCHEDULE="$werk/beat-schedule"
export NAL_2FA_VERPLICHT=true NAL_PROXY_AANTAL=1 SECURE_HSTS_SECONDS=0 LOG_LEVEL=INFO
export EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend
export NAL_WEB_ADRES="127.0.0.1:$web_poort" NAL_WEB_WORKERS=2 NAL_WORKER_CONCURRENCY=2
export NAL_PROXY_HOST=localhost NAL_PROXY_UPSTREAM="127.0.0.1:$web_poort"
export NAL_PROXY_HTTPS_POORT=$https_poort NAL_PROXY_HTTP_POORT=$http_poort
export NAL_TLS_CERT="$werk/tls/cert.pem" NAL_TLS_KEY="$werk/tls/key.pem"
export XDG_DATA_HOME="$werk/caddy" XDG_CONFIG_HOME="$werk/caddy"
export E2E_URL="https://localhost:$https_poort" E2E_WERKMAP="$werk"

stap "productie-instellingen, database $E2E_DB, Redis $REDIS_URL, https://localhost:$https_poort"
stap "migrate + collectstatic (scripts/proces.sh migrate)"
scripts/proces.sh migrate >"$werk/migrate.log" 2>&1 || { cat "$werk/migrate.log"; exit 1; }

stap "demoregio laden (load_demo, zonder demogebruikers)"
demo_opties=(--zonder-gebruikers)
# A deliberate trial of the demo data under production settings needs load_demo's explicit flag, if it has one.
productie_vlag=$(.venv/bin/python manage.py load_demo --help | grep -oE -- '--[a-z-]*(productie|production)[a-z-]*' | head -n1 || true)
[ -n "$productie_vlag" ] && demo_opties+=("$productie_vlag")
.venv/bin/python manage.py load_demo "${demo_opties[@]}" >"$werk/load_demo.log" 2>&1 || { cat "$werk/load_demo.log"; exit 1; }

scripts/tls-zelfondertekend.sh "$werk/tls" localhost >/dev/null
stap "processen starten: web, worker, beat, proxy"
for proces in web worker beat proxy; do
  setsid scripts/proces.sh "$proces" >"$werk/$proces.log" 2>&1 &
  pids+=($!)
done
for _ in $(seq 120); do
  if curl -ksf -o /dev/null "https://localhost:$https_poort/gezondheid"; then break; fi
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "een proces is gestopt" >&2; exit 1; }; done
  sleep 0.25
done
curl -ksf -o /dev/null "https://localhost:$https_poort/gezondheid" || { echo "de proxy antwoordt niet" >&2; exit 1; }
scripts/proces.sh gezond || { echo "healthcheck (plain HTTP naar gunicorn) faalt" >&2; exit 1; }
stap "systeem draait; healthcheck over HTTP naar gunicorn en over HTTPS via de proxy: gezond"

stap "reis per rol (tests_e2e/, chromium via Playwright)"
.venv/bin/pytest -p no:django -p no:cacheprovider -c tests_e2e/pytest.ini --rootdir=. tests_e2e -x -q -s

stap "logboeken controleren op ERROR en Traceback"
fouten=0
for naam in web worker beat; do
  if grep -nE '(^|[^A-Za-z_])ERROR([^A-Za-z_]|$)|Traceback' "$werk/$naam.log"; then
    echo "fout in $naam.log" >&2; fouten=1
  fi
done
[ "$fouten" -eq 0 ] || exit 1
stap "klaar: alles geslaagd in $(( $(date +%s) - begin )) s"
