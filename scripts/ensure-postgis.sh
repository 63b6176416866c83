#!/usr/bin/env bash
# Make sure the database of a postgis:// URL exists, with PostGIS, and that its user can log in.
# Usage: scripts/ensure-postgis.sh [--superuser] [URL]   (URL default: DATABASE_URL, then PG_URL)
#
# Connects with the URL's own credentials (password included); nothing relies on `trust`. When the
# role or the database is missing and the server runs on this machine, they are created through the
# local `postgres` account (peer authentication on the socket, as Debian sets it up): the role with
# the URL's password (with --superuser: a superuser, which the test suite needs to create its test
# databases with PostGIS), the database owned by it, and the postgis extension in it.
# Existing roles, passwords and databases are never changed.
set -euo pipefail
superuser=0
if [ "${1:-}" = "--superuser" ]; then superuser=1; shift; fi
url="${1:-${DATABASE_URL:-${PG_URL:-}}}"
[ -n "$url" ] || { echo "Gebruik: scripts/ensure-postgis.sh [--superuser] postgis://gebruiker:wachtwoord@host:5432/naam" >&2; exit 2; }

# Split the URL with Python's parser (percent-encoded passwords included).
eval "$(python3 - "$url" <<'PY'
import shlex
import sys
from urllib.parse import unquote, urlsplit

u = urlsplit(sys.argv[1])
if u.scheme not in {"postgis", "postgres", "postgresql", "pgsql"}:
    sys.exit(f"geen PostgreSQL-URL: {u.scheme}://…")
delen = {
    "pg_user": unquote(u.username or "postgres"),
    "pg_pass": unquote(u.password or ""),
    "pg_host": u.hostname or "127.0.0.1",
    "pg_port": str(u.port or 5432),
    "pg_db": unquote(u.path.lstrip("/")) or "postgres",
}
for naam, waarde in delen.items():
    print(f"{naam}={shlex.quote(waarde)}")
PY
)"
export PGHOST="$pg_host" PGPORT="$pg_port" PGUSER="$pg_user" PGCONNECT_TIMEOUT=5
if [ -n "$pg_pass" ]; then export PGPASSWORD="$pg_pass"; else unset PGPASSWORD; fi

for _ in $(seq 20); do pg_isready -q && break; sleep 0.5; done
if ! pg_isready -q; then
  echo "PostgreSQL antwoordt niet op $pg_host:$pg_port; start de server eerst (scripts/bootstrap.sh test doet dat lokaal)." >&2
  exit 1
fi

lokaal=0
case "$pg_host" in 127.0.0.1 | localhost | ::1) lokaal=1 ;; esac
beheer() {
  # psql as the local postgres account over the Unix socket of the same port.
  local socket="${NAL_PG_SOCKET_MAP:-/var/run/postgresql}"
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- env -u PGPASSWORD psql -X -q -v ON_ERROR_STOP=1 -h "$socket" -p "$pg_port" -U postgres "$@"
  else
    sudo -u postgres env -u PGPASSWORD psql -X -q -v ON_ERROR_STOP=1 -h "$socket" -p "$pg_port" -U postgres "$@"
  fi
}
kan_inloggen() { psql -X -q -d "${1:-postgres}" -tAc "SELECT 1" >/dev/null 2>&1; }

if ! kan_inloggen "$pg_db" && ! kan_inloggen postgres; then
  [ "$lokaal" -eq 1 ] || { echo "Kan niet inloggen als $pg_user op $pg_host:$pg_port; maak de rol aan op die server." >&2; exit 1; }
  if [ -z "$(beheer -d postgres -tA -v rol="$pg_user" <<<"SELECT 1 FROM pg_roles WHERE rolname = :'rol'")" ]; then
    [ -n "$pg_pass" ] || { echo "Rol $pg_user bestaat niet en de URL heeft geen wachtwoord." >&2; exit 1; }
    rechten="LOGIN CREATEDB"
    [ "$superuser" -eq 1 ] && rechten="LOGIN SUPERUSER"
    echo "==> rol $pg_user aanmaken op $pg_host:$pg_port"
    beheer -d postgres -v rol="$pg_user" -v ww="$pg_pass" <<SQL
SELECT format('CREATE ROLE %I $rechten PASSWORD %L', :'rol', :'ww') \gexec
SQL
  fi
  kan_inloggen postgres || kan_inloggen "$pg_db" || {
    echo "Rol $pg_user bestaat maar kan niet inloggen met het wachtwoord uit de URL (pg_hba.conf of wachtwoord)." >&2
    exit 1
  }
fi

if ! kan_inloggen "$pg_db"; then
  if psql -X -q -v ON_ERROR_STOP=1 -d postgres -v db="$pg_db" <<<"SELECT format('CREATE DATABASE %I', :'db') \gexec" 2>/dev/null; then
    :
  elif [ "$lokaal" -eq 1 ]; then
    beheer -d postgres -v db="$pg_db" -v rol="$pg_user" <<<"SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'rol') \gexec"
  else
    echo "Kan database $pg_db niet aanmaken als $pg_user." >&2; exit 1
  fi
fi

# The extension: by the user itself when it may, otherwise by the local postgres account.
if ! psql -X -q -d "$pg_db" -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null 2>&1; then
  if [ "$lokaal" -eq 1 ]; then
    beheer -d "$pg_db" -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
  else
    echo "Kan de extensie postgis niet aanmaken in $pg_db; vraag de beheerder van de server: CREATE EXTENSION postgis." >&2
    exit 1
  fi
fi
psql -X -q -d "$pg_db" -tAc "SELECT postgis_lib_version()" >/dev/null
echo "PostGIS klaar: $pg_user@$pg_host:$pg_port/$pg_db"
