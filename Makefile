# The two commands a user needs: `make demo` and `make test`. Both install what is missing first.
SHELL := /bin/bash
PY := .venv/bin/python
MANAGE := $(PY) manage.py
PG_URL ?= postgis://postgres@127.0.0.1:5432/nal_oost

.PHONY: demo test bootstrap bootstrap-test lint check adr-lint pytest smoke-spatialite worker bench clean backup restore openapi loadtest

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

## make test: lint, Django checks, migrations check, the pytest suite on PostGIS + Redis, and a SpatiaLite smoke test.
test: bootstrap-test lint check pytest smoke-spatialite

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

check:
	@PGDATABASE_NAL=$(notdir $(PG_URL)) scripts/ensure-postgis.sh
	DJANGO_SETTINGS_MODULE=nal_oost.settings.test DATABASE_URL=$(PG_URL) $(MANAGE) check
	DJANGO_SETTINGS_MODULE=nal_oost.settings.test DATABASE_URL=$(PG_URL) $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=nal_oost.settings.production SECRET_KEY=$$($(PY) -c "import secrets; print(secrets.token_urlsafe(60))") ALLOWED_HOSTS=x $(MANAGE) check --deploy --fail-level WARNING
	@tmp=$$(mktemp) && DJANGO_SETTINGS_MODULE=nal_oost.settings.test DATABASE_URL=$(PG_URL) $(MANAGE) spectacular --format openapi-json --validate --file $$tmp \
		&& diff -q api/openapi.json $$tmp >/dev/null || { echo "api/openapi.json is out of date: run make openapi"; rm -f $$tmp; exit 1; }; rm -f $$tmp
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

pytest:
	DATABASE_URL=$(PG_URL) .venv/bin/pytest

smoke-spatialite:
	@scripts/smoke-spatialite.sh

bench: bootstrap-test
	@PGDATABASE_NAL=$(notdir $(PG_URL)) scripts/ensure-postgis.sh
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
	@PGDATABASE_NAL=$(notdir $(PG_URL)) scripts/ensure-postgis.sh
	DJANGO_SETTINGS_MODULE=nal_oost.settings.test DATABASE_URL=$(PG_URL) $(PY) bench/lasttest.py

clean:
	rm -rf var/
