#!/usr/bin/env bash
# Serve the demo on http://127.0.0.1:8000 with a Celery worker (and beat) for background tasks.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=nal_oost.settings.dev
mkdir -p var/celery/queue var/celery/processed var/celery/results
.venv/bin/celery -A nal_oost worker --beat --concurrency 2 --loglevel INFO \
  --schedule var/celery/beat-schedule --logfile var/celery/worker.log &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
echo "Worker gestart (log: var/celery/worker.log). App: http://127.0.0.1:8000"
.venv/bin/python manage.py runserver 127.0.0.1:8000
