"""Shared set-up for bench scripts: Django on a throw-away PostGIS test database, and a timer."""

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


def tabel(rijen: list[tuple[str, float, str, float]]) -> str:
    """Rows of (figure, value, baseline name, baseline value) as a Markdown table with ratios."""
    regels = ["| figure | value | baseline (same run) | ratio |", "|---|---:|---|---:|"]
    for naam, waarde, basisnaam, basis in rijen:
        regels.append(f"| {naam} | {waarde * 1000:.0f} ms | {basisnaam}: {basis * 1000:.0f} ms | {waarde / basis:.1f}× |")
    return "\n".join(regels)
