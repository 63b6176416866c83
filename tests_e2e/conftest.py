"""Fixtures for the end-to-end journeys against the running system started by scripts/e2e.sh.

Nothing here wraps a transaction: the ORM (for users, API keys and checks of the audit log) talks to the
same database as the running web and worker processes, in autocommit, with the production settings.
"""

import os
import re
import secrets
import time
from base64 import b32decode
from contextlib import contextmanager

import django
import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop in this thread
django.setup()

from django.core.management import call_command  # noqa: E402
from django_otp.oath import totp  # noqa: E402

from tests.conftest import browser  # noqa: E402, F401 - Debian's chromium, launched as in the unit tests

BASIS_URL = os.environ["E2E_URL"]
_BEGIN = time.monotonic()


@contextmanager
def stap(rol: str, omschrijving: str):
    """Prints one journey step with its duration (make e2e's output)."""
    begin = time.monotonic()
    yield
    print(f"    {rol:<11} {omschrijving:<72} {time.monotonic() - begin:5.1f} s  (t={time.monotonic() - _BEGIN:5.1f} s)")


def sterk_wachtwoord() -> str:
    return f"E2e-{secrets.token_urlsafe(18)}-9x"


class Gebruiker:
    """A user created with the real command (create_user), and the TOTP key once enrolled."""

    def __init__(self, naam: str, rol: str, gemeenten: tuple[str, ...] = ()):
        self.naam, self.rol, self.wachtwoord = naam, rol, sterk_wachtwoord()
        self.sleutel: bytes | None = None
        self.laatste_stap: int | None = None
        opties = ["--role", rol, "--password", self.wachtwoord]
        for code in gemeenten:
            opties += ["--gemeente", code]
        call_command("create_user", naam, *opties)

    def code(self, verschuiving: int = 0) -> str:
        return f"{totp(self.sleutel, drift=verschuiving):06d}"

    def verse_code(self) -> str:
        """A code of a time step not used before: TOTP refuses a code of a step it already accepted."""
        while int(time.time()) // 30 == self.laatste_stap:
            time.sleep(0.5)
        self.laatste_stap = int(time.time()) // 30
        return self.code()


@pytest.fixture(scope="session")
def nieuwe_context(browser):  # noqa: F811
    """nieuwe_context() -> a fresh browser context (own cookies) on the proxy's self-signed certificate."""
    contexten = []

    def maak():
        context = browser.new_context(base_url=BASIS_URL, ignore_https_errors=True, accept_downloads=True, locale="nl-NL")
        context.set_default_timeout(20_000)
        contexten.append(context)
        return context

    yield maak
    for context in contexten:
        context.close()


def wachtwoord_invullen(pagina, gebruiker: Gebruiker):
    pagina.goto("/inloggen/")
    pagina.get_by_label("Gebruikersnaam").fill(gebruiker.naam)
    pagina.get_by_label("Wachtwoord").fill(gebruiker.wachtwoord)
    pagina.get_by_role("button", name="Inloggen").click()


def inschrijven(pagina, gebruiker: Gebruiker):
    """First login of a provincial role: the app asks to enrol a TOTP app; the key is read from the page."""
    wachtwoord_invullen(pagina, gebruiker)
    pagina.wait_for_url(re.compile(r"/gebruikers/tweefactor/instellen/"))
    tekst = "".join(pagina.locator(".nal-sleutel").inner_text().split())
    gebruiker.sleutel = b32decode(tekst + "=" * (-len(tekst) % 8))
    pagina.locator("input[name=token]").fill(gebruiker.verse_code())
    pagina.get_by_role("button", name="Bevestigen").click()
    pagina.wait_for_url(re.compile(r"^(?!.*(tweefactor|inloggen)).*$"))
