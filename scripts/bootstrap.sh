#!/usr/bin/env bash
# Installs what the project needs on a Debian 12 machine, skipping what is already there.
# Usage: scripts/bootstrap.sh [demo|test|productie]
#   demo:      the embedded default (SpatiaLite); Python packages from requirements.lock.
#   productie: also PostgreSQL 15 + PostGIS, Redis and Caddy (the TLS proxy); requirements.lock.
#   test:      what productie installs, plus chromium and the compose client, and the dev tools from
#              requirements-dev.lock.
#   productie and test start PostgreSQL and Redis when they are installed but not running.
# Python packages are installed only from the lock files, with their hashes (`make lock` regenerates them).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-demo}"

apt_packages=(python3-venv gdal-bin libsqlite3-mod-spatialite libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
case "$mode" in
  demo) ;;
  productie) apt_packages+=(postgresql-15 postgresql-15-postgis-3 postgresql-client-15 redis-server caddy openssl) ;;
  test) apt_packages+=(postgresql-15 postgresql-15-postgis-3 postgresql-client-15 redis-server caddy openssl
    chromium poppler-utils docker-compose) ;;
  *) echo "Gebruik: scripts/bootstrap.sh [demo|test|productie]" >&2; exit 2 ;;
esac

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$mode" != "demo" ]; then
  # Services: started only when installed here but not running; a running server is left as it is.
  # No systemd assumed (containers, CI): pg_ctlcluster and the redis init script work without it.
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 '; then
      echo "==> creating PostgreSQL 15 cluster 'main'"
      $SUDO pg_createcluster 15 main >/dev/null
    fi
    echo "==> starting PostgreSQL 15"
    cluster=$(pg_lsclusters -h | awk '$1 == "15" {print $2; exit}')
    $SUDO pg_ctlcluster 15 "$cluster" start || true
    for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    pg_isready -h 127.0.0.1 -p 5432 >/dev/null || { echo "PostgreSQL 15 did not start" >&2; exit 1; }
  fi
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    echo "==> starting Redis"
    if [ -x /etc/init.d/redis-server ]; then
      $SUDO /etc/init.d/redis-server start >/dev/null || true
    fi
    if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
      $SUDO redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --maxmemory-policy noeviction >/dev/null
    fi
    for _ in $(seq 20); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done
    redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || { echo "Redis did not start" >&2; exit 1; }
  fi
fi

# Debian's own Python: the lock files are resolved for it (`make lock` runs in this .venv).
PY=/usr/bin/python3
if [ -f .venv/pyvenv.cfg ] && ! grep -qx 'home = /usr/bin' .venv/pyvenv.cfg; then
  echo "==> .venv was made with another Python; making it anew with $PY"
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv with $($PY --version)"
  $PY -m venv .venv
fi
lock=requirements.lock
[ "$mode" = "test" ] && lock=requirements-dev.lock
stamp=.venv/.requirements.sha
want=$(cat "$lock" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "==> pip install --require-hashes -r $lock"
  .venv/bin/pip install -q --no-deps --require-hashes -r "$lock"
  echo "$want" > "$stamp"
fi

npm_stamp=node_modules/.package-lock.sha
npm_want=$(sha256sum package-lock.json 2>/dev/null | cut -d' ' -f1 || true)
if [ -f package.json ] && [ "$(cat "$npm_stamp" 2>/dev/null)" != "$npm_want" ]; then
  echo "==> npm ci"
  npm ci --silent --no-audit --no-fund
  echo "$npm_want" > "$npm_stamp"
fi
