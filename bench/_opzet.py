"""Shared set-up for bench scripts: Django on a throw-away PostGIS test database, and a timer."""

import json
import os
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nal_oost.settings.test")

import django  # noqa: E402

django.setup()


@contextmanager
def testdatabase():
    from django.db import connection

    naam = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        yield naam
    finally:
        connection.creation.destroy_test_db(naam, verbosity=0)


def meet(functie, herhalingen: int = 3, voorbereiding=None) -> float:
    """Median wall time in seconds of `functie()` over `herhalingen` runs."""
    tijden = []
    for _ in range(herhalingen):
        if voorbereiding:
            voorbereiding()
        start = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - start)
    return statistics.median(tijden)


MARKERING = "@@bench "


def meting(figuur: str, waarde: str, basis: str, verhouding: str, *, p95: str = "", verhouding_p95: str = "") -> None:
    """One row for `make bench`'s combined table (bench/alles.py collects these lines from stdout).

    A latency figure gives its p50 as `waarde`/`verhouding` and its p95 (and the p95 ratio) beside it.
    """
    rij = {"figuur": figuur, "waarde": waarde, "basis": basis, "verhouding": verhouding}
    if p95:
        rij.update(p95=p95, verhouding_p95=verhouding_p95)
    print(MARKERING + json.dumps(rij), flush=True)


def tabel(rijen: list[tuple[str, float, str, float]]) -> str:
    """Rows of (figure, value, baseline name, baseline value) as a Markdown table with ratios."""
    regels = ["| figure | value | baseline (same run) | ratio |", "|---|---:|---|---:|"]
    for naam, waarde, basisnaam, basis in rijen:
        rij = (naam, f"{waarde * 1000:.0f} ms", f"{basisnaam}: {basis * 1000:.0f} ms", f"{waarde / basis:.1f}×")
        meting(*rij)
        regels.append("| " + " | ".join(rij) + " |")
    return "\n".join(regels)


def vrije_poort() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url() -> str:
    """The URL of the database this process is connected to (the throw-away test database inside `testdatabase()`)."""
    import urllib.parse

    from django.db import connection

    d = connection.settings_dict
    wachtwoord = f":{urllib.parse.quote(d['PASSWORD'])}" if d.get("PASSWORD") else ""
    return f"postgis://{d['USER']}{wachtwoord}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"


def gunicorn_starten(poort: int, *, workers: int, threads: int = 1, omgeving: dict | None = None, checkout: Path | None = None):
    """gunicorn serving the app on loopback against the current database; returns once /gezondheid answers.

    `checkout`: serve another checkout of the repository (with its own .venv) against the same database,
    to compare two versions of the code in one run.
    """
    import http.client
    import subprocess

    basis = checkout or Path(__file__).resolve().parent.parent
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nal_oost.settings.test",
        "DATABASE_URL": database_url(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CONN_MAX_AGE": "60",
        "LOG_LEVEL": "WARNING",
        **(omgeving or {}),
    }
    opdracht = [str(basis / ".venv" / "bin" / "gunicorn"), "nal_oost.wsgi:application", "--bind", f"127.0.0.1:{poort}"]
    opdracht += ["--workers", str(workers), "--threads", str(threads), "--log-level", "warning"]
    proces = subprocess.Popen(opdracht, cwd=basis, env=env)  # noqa: S603 - fixed argument list
    for _ in range(200):
        try:
            verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=2)
            verbinding.request("GET", "/gezondheid")
            if verbinding.getresponse().status == 200:
                return proces
        except OSError:
            time.sleep(0.1)
    proces.terminate()
    raise RuntimeError("gunicorn did not start")
