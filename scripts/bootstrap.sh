#!/usr/bin/env bash
# Installs what the project needs on a Debian 12 machine, skipping what is already there.
# Usage: scripts/bootstrap.sh [demo|test]
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-demo}"

apt_packages=(python3-venv gdal-bin libsqlite3-mod-spatialite libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
if [ "$mode" = "test" ]; then
  apt_packages+=(postgresql-15-postgis-3 chromium poppler-utils docker-compose)
fi

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=/usr/bin/python3
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv with $($PY --version)"
  $PY -m venv .venv
fi
stamp=.venv/.requirements.sha
want=$(cat requirements.txt requirements-dev.txt 2>/dev/null | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "==> pip install"
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -r requirements.txt -r requirements-dev.txt
  echo "$want" > "$stamp"
fi

npm_stamp=node_modules/.package-lock.sha
npm_want=$(sha256sum package-lock.json 2>/dev/null | cut -d' ' -f1 || true)
if [ -f package.json ] && [ "$(cat "$npm_stamp" 2>/dev/null)" != "$npm_want" ]; then
  echo "==> npm ci"
  npm ci --silent --no-audit --no-fund
  echo "$npm_want" > "$npm_stamp"
fi
