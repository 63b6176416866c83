# The two commands a user needs: `make demo` and `make test`. Both install what is missing first.
SHELL := /bin/bash
PY := .venv/bin/python
MANAGE := $(PY) manage.py
PIP_COMPILE := .venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
# The test database: a password-authenticated role, created on the local server when missing
# (scripts/ensure-postgis.sh). Override with your own server: make test PG_URL=postgis://…
PG_URL ?= postgis://nal_test:nal-test-lokaal@127.0.0.1:5432/nal_oost
export PG_URL
# Tests and tools that connect with the URL's user alone find its password here (libpq reads PGPASSWORD).
PG_PASSWORD := $(shell python3 -c 'import sys; from urllib.parse import urlsplit, unquote; print(unquote(urlsplit(sys.argv[1]).password or ""))' '$(PG_URL)')
ifneq ($(PG_PASSWORD),)
export PGPASSWORD := $(PG_PASSWORD)
endif

.PHONY: demo test bootstrap bootstrap-test lint check adr-lint pytest smoke-spatialite worker bench clean backup restore openapi loadtest e2e lock

bootstrap:
	@scripts/bootstrap.sh demo

bootstrap-test:
	@scripts/bootstrap.sh test

## make demo: embedded default (SpatiaLite, file-system task queue), demo data and users, app on :8000 with a worker.
demo: bootstrap
	@mkdir -p var
	@DJANGO_SETTINGS_MODULE=nal_oost.settings.dev $(MANAGE) migrate --noinput -v0
	@DJANGO_SETTINGS_MODULE=nal_oost.settings.dev $(MANAGE) load_demo
	@scripts/serve-demo.sh

## make test: lint, Django checks, migrations check, the pytest suite on PostGIS + Redis, a SpatiaLite smoke test,
## and the production shape end to end (make e2e).
test: bootstrap-test lint check pytest smoke-spatialite e2e

## make e2e: gunicorn, Celery worker and beat and the TLS proxy on production settings, every role's journey in chromium, backup and restore.
e2e: bootstrap-test
	@scripts/ensure-postgis.sh --superuser $(PG_URL) >/dev/null
	@scripts/e2e.sh

## make lock: regenerate requirements.lock and requirements-dev.lock (with hashes) from requirements.in and requirements-dev.in.
lock: bootstrap-test
	$(PIP_COMPILE) -o requirements.lock requirements.in
	$(PIP_COMPILE) -o requirements-dev.lock requirements-dev.in

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

check:
	@scripts/ensure-postgis.sh --superuser $(PG_URL)
	DJANGO_SETTINGS_MODULE=nal_oost.settings.test DATABASE_URL=$(PG_URL) $(MANAGE) check
	DJANGO_SETTINGS_MODULE=nal_oost.settings.test DATABASE_URL=$(PG_URL) $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=nal_oost.settings.production SECRET_KEY=$$($(PY) -c "import secrets; print(secrets.token_urlsafe(60))") ALLOWED_HOSTS=x $(MANAGE) check --deploy --fail-level WARNING
	@tmp=$$(mktemp) && DJANGO_SETTINGS_MODULE=nal_oost.settings.test DATABASE_URL=$(PG_URL) $(MANAGE) spectacular --format openapi-json --validate --file $$tmp \
		&& diff -q api/openapi.json $$tmp >/dev/null || { echo "api/openapi.json is out of date: run make openapi"; rm -f $$tmp; exit 1; }; rm -f $$tmp
	.venv/bin/lint-imports --no-cache
	@$(MAKE) --no-print-directory adr-lint

## make adr-lint: the NL API Design Rules 2.2 linter (Spectral) over api/openapi.json: zero errors and warnings.
# The ruleset is Logius' (shared/tools/adr/linter.yaml, found like NAL_DATA_DIR: beside $$NAL_DATA_DIR or a shared/
# folder next to the checkout or one of its parents), followed by ours (api/adr-linter.yaml).
SPECTRAL ?= node_modules/.bin/spectral
ADR_LINTER ?= $(firstword $(wildcard $(if $(NAL_DATA_DIR),$(NAL_DATA_DIR)/../tools/adr/linter.yaml) $(foreach d,.. ../.. ../../..,$(d)/shared/tools/adr/linter.yaml)))
adr-lint:
	@test -n "$(ADR_LINTER)" || { echo "ADR-linter niet gevonden: zet ADR_LINTER of NAL_DATA_DIR (shared/tools/adr/linter.yaml)"; exit 1; }
	@tmp=$$(mktemp --suffix=.yaml) && printf 'extends:\n  - %s\n  - %s\n' "$(abspath $(ADR_LINTER))" "$(CURDIR)/api/adr-linter.yaml" > $$tmp \
		&& $(SPECTRAL) lint --fail-severity=warn --ruleset $$tmp api/openapi.json; rc=$$?; rm -f $$tmp; exit $$rc

## make openapi: regenerate the committed OpenAPI description of the partner API.
openapi:
	DJANGO_SETTINGS_MODULE=nal_oost.settings.test $(MANAGE) spectacular --format openapi-json --validate --file api/openapi.json

# Full-page screenshots of the key screens per role and width (tests/schermen), with bevindingen.txt listing
# what the screen checks found; the test summary names the folder and the number of files.
NAL_SCHERMAFBEELDINGEN ?= $(CURDIR)/var/schermafbeeldingen
export NAL_SCHERMAFBEELDINGEN

pytest:
	DATABASE_URL=$(PG_URL) .venv/bin/pytest

smoke-spatialite:
	@scripts/smoke-spatialite.sh

bench: bootstrap-test
	@scripts/ensure-postgis.sh --superuser $(PG_URL)
	DJANGO_SETTINGS_MODULE=nal_oost.settings.test DATABASE_URL=$(PG_URL) $(PY) bench/alles.py

## make backup: database + uploaded files into var/backups/<timestamp> (settings from the environment, default the demo).
backup: bootstrap
	$(MANAGE) backup

## make restore BACKUP=var/backups/<timestamp>: into an empty database (DATABASE_URL) and an empty MEDIA_ROOT.
restore: bootstrap
	@test -n "$(BACKUP)" || (echo "Gebruik: make restore BACKUP=var/backups/<tijdstip>" >&2; exit 2)
	$(MANAGE) restore $(BACKUP)

## make loadtest: 20 users for 3 minutes on loopback while a bulk factsheet render runs (LAST_DUUR, LAST_GEBRUIKERS).
loadtest: bootstrap-test
	@scripts/ensure-postgis.sh --superuser $(PG_URL)
	DJANGO_SETTINGS_MODULE=nal_oost.settings.test DATABASE_URL=$(PG_URL) $(PY) bench/lasttest.py

clean:
	rm -rf var/
