import os
from pathlib import Path

import pytest
from django.conf import settings

from terreinen.services.gebruikers import gebruiker_opslaan
from tests.factories import GemeenteFactory

WACHTWOORD = "Een-lang-test-wachtwoord-9"
# What the screen sweep (tests/schermen/test_alle_schermen.py) reports for the terminal summary.
SCHERMAFBEELDINGEN = pytest.StashKey[dict]()

# Playwright's sync API runs an event loop in the test thread; the ORM calls of tests stay synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def data_dir() -> Path:
    """The real open-data folder (NAL_DATA_DIR)."""
    pad = Path(settings.NAL_DATA_DIR or "")
    if not (pad / "bedrijventerreinen.csv").is_file():
        pytest.fail(f"NAL_DATA_DIR ({pad}) does not hold the open data the tests need")
    return pad


@pytest.fixture
def maak_gebruiker(db):
    """make(rol, *gemeente_codes) → a user of that role with the default test password."""

    def make(rol, *gemeente_codes, username=None):
        user, _ = gebruiker_opslaan(
            username=username or f"{rol}-{'-'.join(gemeente_codes) or 'alle'}",
            rol=rol,
            gemeente_codes=gemeente_codes,
            password=WACHTWOORD,
        )
        return user

    return make


@pytest.fixture
def twee_gemeenten(db):
    return GemeenteFactory(code="GM0200", naam="Apeldoorn"), GemeenteFactory(code="GM0193", naam="Zwolle", overijssel=True)


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's headless chromium driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=CHROMIUM_ARGS,
        )
        yield chromium
        chromium.close()


@pytest.fixture
def pagina(browser, live_server):
    """A fresh browser page; `pagina.goto('/pad/')` is relative to the live server."""
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def inloggen(pagina):
    """inloggen(user) logs in through the real login form."""

    def login(user):
        pagina.goto("/inloggen/")
        pagina.get_by_label("Gebruikersnaam").fill(user.username)
        pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
        pagina.get_by_role("button", name="Inloggen").click()
        pagina.wait_for_url("**/")
        return pagina

    return login


@pytest.fixture(autouse=True)
def referentiegegevens(request):
    """Restore the rows data migrations create (provinces, roles, assumptions, …) after a flush.

    Transactional tests (live server, real Celery worker) end with a flush. Instead of serialized
    rollback (which clashes with the rows post_migrate recreates after a flush), tests that get a
    flushed database put the reference data back by running the data migrations' forward functions
    again; they are idempotent. Mark such tests `django_db(transaction=True)` only.
    """
    transactioneel = "live_server" in request.fixturenames or "transactional_db" in request.fixturenames
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        transactioneel = True
    if not transactioneel:
        return
    request.getfixturevalue("transactional_db")
    from terreinen.models import Provincie

    if Provincie.objects.exists():
        return
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations.special import RunPython

    from nal_oost.rollen import rollen_inrichten

    loader = MigrationLoader(connection)
    # Historical models, as in a real migration: no app signal receivers fire (nothing gets queued).
    historisch = loader.project_state().apps
    gedaan = set()
    with connection.schema_editor() as schema_editor:
        for sleutel in loader.graph.leaf_nodes():
            for knoop in loader.graph.forwards_plan(sleutel):
                if knoop in gedaan:
                    continue
                gedaan.add(knoop)
                for operatie in loader.graph.nodes[knoop].operations:
                    if isinstance(operatie, RunPython):
                        operatie.code(historisch, schema_editor)
    rollen_inrichten()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Count the permission-matrix cells apart from the behaviour tests, so neither hides the other; after the
    screen sweep, say how long it took and where its screenshots are."""
    uitkomsten = {"matrix": {}, "gedrag": {}}
    for status in ("passed", "failed", "error", "skipped"):
        for verslag in terminalreporter.stats.get(status, []):
            if getattr(verslag, "when", "call") != "call" and status == "passed":
                continue
            soort = "matrix" if "matrix" in getattr(verslag, "keywords", {}) else "gedrag"
            uitkomsten[soort][status] = uitkomsten[soort].get(status, 0) + 1
    for soort, titel in (("gedrag", "behaviour tests"), ("matrix", "permission-matrix cells")):
        tellingen = uitkomsten[soort]
        if tellingen:
            terminalreporter.write_line(
                f"{titel}: {sum(tellingen.values())} ("
                + ", ".join(f"{aantal} {status}" for status, aantal in sorted(tellingen.items()))
                + ")"
            )
    schermen = config.stash.get(SCHERMAFBEELDINGEN, None)
    if schermen:
        terminalreporter.write_line(
            f"screens: {schermen['paginas']} page visits ({schermen['fout']} with findings, {schermen['bevindingen']} findings) "
            f"in {schermen['seconden']} s with {schermen['parallel']} pages at a time (discovery {schermen['ontdekken']} s); "
            f"slowest: {schermen['langzaamst']}"
        )
        terminalreporter.write_line(f"screenshots: {schermen['bestanden']} files in {schermen['map']}")
