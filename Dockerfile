# One image for every process of the Procfile (migrate, web, worker, beat, proxy), started with
# scripts/proces.sh like everywhere else. Two stages: the build stage installs the Python packages
# from requirements.lock (hashes checked), the npm packages from package-lock.json and collects the
# static files; the runtime stage gets only the result: no compilers, no npm, no test tools.
FROM debian:12-slim AS bouw
ENV PYTHONDONTWRITEBYTECODE=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3-venv nodejs npm ca-certificates gdal-bin \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.lock package.json package-lock.json ./
RUN python3 -m venv .venv \
 && .venv/bin/pip install --require-hashes --no-deps -r requirements.lock
RUN npm ci --no-audit --no-fund
COPY . .
# Static files at build time (WhiteNoise serves them with the manifest); no database is touched.
RUN DJANGO_SETTINGS_MODULE=nal_oost.settings.production SECRET_KEY=alleen-voor-collectstatic \
    DATABASE_URL=postgis://bouw@localhost/bouw STATIC_ROOT=/app/static-verzameld \
    .venv/bin/python manage.py collectstatic --noinput -v0

FROM debian:12-slim AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=nal_oost.settings.production \
    STATIC_ROOT=/app/static NAL_STATIC_IN_IMAGE=1 \
    MEDIA_ROOT=/app/var/media NAL_BEAT_SCHEDULE=/app/var/celery/beat-schedule \
    NAL_WEB_ADRES=0.0.0.0:8000 XDG_DATA_HOME=/app/var/caddy XDG_CONFIG_HOME=/app/var/caddy
# Python, the GIS and PDF libraries, PostgreSQL 15 client tools (pg_dump/pg_restore for backups), Caddy (proxy).
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 gdal-bin libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 \
    fonts-dejavu-core postgresql-client-15 caddy ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=bouw /app/.venv /app/.venv
COPY --from=bouw /app/static-verzameld /app/static
COPY . .
RUN useradd --system --uid 10001 --home /app nal \
 && mkdir -p var/media var/celery var/caddy var/backups && chown -R nal var
USER nal
EXPOSE 8000
CMD ["scripts/proces.sh", "web"]
