# One image for web, worker, beat and the migrate job. Same set-up script as `make test` uses.
FROM debian:12-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=nal_oost.settings.production
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm make ca-certificates && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN scripts/bootstrap.sh demo && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /app nal && mkdir -p /app/var/media /app/var/static && chown -R nal /app/var
USER nal
EXPOSE 8000
CMD [".venv/bin/gunicorn", "nal_oost.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
