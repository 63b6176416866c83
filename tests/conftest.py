from pathlib import Path

import pytest
from django.conf import settings

from terreinen.services.gebruikers import gebruiker_opslaan
from tests.factories import GemeenteFactory

WACHTWOORD = "Een-lang-test-wachtwoord-9"


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


@pytest.fixture(scope="session")
def browser():
    """Debian's headless chromium driven by Playwright (no browser download)."""
    import os

    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM calls in the test are still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from django.db import connections

    # Django's connections are context-local; under Playwright's event loop the test sees new
    # connection objects, which lack the serialized database that serialized_rollback restores.
    serialized = {c.alias: getattr(c, "_test_serialized_contents", None) for c in connections.all()}
    with sync_playwright() as p:
        for alias, inhoud in serialized.items():
            if inhoud is not None:
                connections[alias]._test_serialized_contents = inhoud
        chromium = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
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
