"""scripts/ensure-postgis.sh on a server as Debian sets it up (peer for postgres, scram-sha-256 over TCP, no trust).

A throw-away PostgreSQL 15 cluster on a free port, so the machine's own server is not touched.
"""

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

PG_BIN = Path("/usr/lib/postgresql/15/bin")
SCRIPT = Path(settings.BASE_DIR) / "scripts" / "ensure-postgis.sh"


def als_postgres(*opdracht: str, **kwargs) -> subprocess.CompletedProcess:
    voor = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else ["sudo", "-n", "-u", "postgres"]
    return subprocess.run([*voor, *opdracht], check=True, capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="module")
def cluster():
    """(port, socket folder) of a fresh cluster with Debian's default authentication."""
    map_ = Path(tempfile.mkdtemp(prefix="nal-pg-"))
    shutil.chown(map_, "postgres")
    data, sockets = map_ / "data", map_ / "sockets"
    als_postgres("mkdir", str(data), str(sockets))
    als_postgres(str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth-local=peer", "--auth-host=scram-sha-256")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    opties = f"-p {poort} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    als_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", opties, "-l", str(map_ / "log"), "-w", "start")
    try:
        yield poort, sockets
    finally:
        als_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(map_, ignore_errors=True)


def ensure(url: str, sockets: Path, *opties: str) -> subprocess.CompletedProcess:
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("PG")} | {"NAL_PG_SOCKET_MAP": str(sockets)}
    return subprocess.run(["bash", str(SCRIPT), *opties, url], capture_output=True, text=True, env=omgeving)  # noqa: S607


def test_a_missing_role_and_database_are_created_with_the_password_of_the_url_and_postgis(cluster):
    poort, sockets = cluster
    url = f"postgis://nal_app:Een%20lang%3Awachtwoord-1@127.0.0.1:{poort}/nal_app_db"

    eerste = ensure(url, sockets)
    assert eerste.returncode == 0, eerste.stderr
    assert "rol nal_app aanmaken" in eerste.stdout
    als_app = {"host": "127.0.0.1", "port": poort, "user": "nal_app", "password": "Een lang:wachtwoord-1"}
    with psycopg.connect(**als_app, dbname="nal_app_db") as db:
        assert db.execute("SELECT postgis_lib_version()").fetchone()[0].startswith("3.")
        eigenaar, superuser = db.execute(
            "SELECT pg_get_userbyid(datdba), rolsuper FROM pg_database, pg_roles"
            " WHERE datname = 'nal_app_db' AND rolname = 'nal_app'"
        ).fetchone()
        assert (eigenaar, superuser) == ("nal_app", False)
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(**{**als_app, "password": "fout"}, dbname="nal_app_db")

    # A second run changes nothing and needs no administrator.
    tweede = ensure(url, sockets)
    assert tweede.returncode == 0, tweede.stderr
    assert "aanmaken" not in tweede.stdout


def test_an_existing_role_with_another_password_is_left_alone_and_reported(cluster):
    poort, sockets = cluster
    assert ensure(f"postgis://nal_ander:Eerste-wachtwoord-1@127.0.0.1:{poort}/nal_ander", sockets).returncode == 0
    fout = ensure(f"postgis://nal_ander:Ander-wachtwoord-2@127.0.0.1:{poort}/nal_ander", sockets)
    assert fout.returncode == 1
    assert "kan niet inloggen met het wachtwoord uit de URL" in fout.stderr
    with psycopg.connect(host="127.0.0.1", port=poort, user="nal_ander", password="Eerste-wachtwoord-1", dbname="nal_ander"):
        pass


def test_the_test_role_is_a_superuser_so_the_suite_can_create_its_test_databases_with_postgis(cluster):
    poort, sockets = cluster
    uit = ensure(f"postgis://nal_test:Test-wachtwoord-1@127.0.0.1:{poort}/nal_test_db", sockets, "--superuser")
    assert uit.returncode == 0, uit.stderr
    als_test = {"host": "127.0.0.1", "port": poort, "user": "nal_test", "password": "Test-wachtwoord-1"}
    with psycopg.connect(**als_test, dbname="postgres", autocommit=True) as db:
        db.execute("CREATE DATABASE nal_test_tweede")
    with psycopg.connect(**als_test, dbname="nal_test_tweede") as db:
        db.execute("CREATE EXTENSION postgis")
