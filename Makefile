# The two commands a user needs: `make demo` and `make test`. Both install what is missing first.
SHELL := /bin/bash
PY := .venv/bin/python
MANAGE := $(PY) manage.py
PG_URL ?= postgis://postgres@127.0.0.1:5432/nal_oost

.PHONY: demo test bootstrap bootstrap-test lint check pytest smoke-spatialite worker bench clean

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

pytest:
	DATABASE_URL=$(PG_URL) .venv/bin/pytest

smoke-spatialite:
	@scripts/smoke-spatialite.sh

bench: bootstrap-test
	@PGDATABASE_NAL=$(notdir $(PG_URL)) scripts/ensure-postgis.sh
	@for s in bench/*.py; do DJANGO_SETTINGS_MODULE=nal_oost.settings.test DATABASE_URL=$(PG_URL) $(PY) $$s || exit 1; done

clean:
	rm -rf var/
