#!/usr/bin/env bash
# Make sure the running PostgreSQL server has the database the tests and checks connect to.
# The PostGIS extension itself comes from apt (scripts/bootstrap.sh test); Django creates it per database.
set -euo pipefail
host=${PGHOST:-127.0.0.1}; user=${PGUSER:-postgres}; db=${PGDATABASE_NAL:-nal_oost}
if ! pg_isready -q -h "$host" -U "$user"; then
  echo "PostgreSQL is not answering on $host; start it first." >&2
  exit 1
fi
if ! psql -h "$host" -U "$user" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
  createdb -h "$host" -U "$user" "$db"
fi
psql -h "$host" -U "$user" -d "$db" -qc "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
