"""Who is acting, and under which request id: the context every audit row and log line carries.

The request-id middleware sets it for web requests; Celery tasks and management commands set it
through `actor_context`. Code that records something reads it with `huidige_context()`.
"""

import contextvars
import ipaddress
import logging
import re
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

SYSTEEM = "systeem"
_GELDIG_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


@dataclass(frozen=True)
class VerzoekContext:
    request_id: str
    # The request (for its lazy user) or None outside a request.
    request: object = None
    # Who acts when there is no logged-in user: "systeem", "commando import_terreinen", "taak …".
    actor_naam: str = SYSTEEM

    @property
    def gebruiker(self):
        user = getattr(self.request, "user", None)
        if user is not None and getattr(user, "is_authenticated", False):
            return user
        return None


_context: contextvars.ContextVar[VerzoekContext | None] = contextvars.ContextVar("nal_verzoek", default=None)


def nieuw_request_id() -> str:
    return uuid.uuid4().hex


def geldig_request_id(waarde: str | None) -> str | None:
    """An incoming X-Request-ID is kept only when it looks like an id (no log injection)."""
    if waarde and _GELDIG_ID.match(waarde):
        return waarde
    return None


def client_adres(request) -> str | None:
    """The client's IP address: REMOTE_ADDR, or behind NAL_PROXY_AANTAL trusted proxies the address the
    first of them put in X-Forwarded-For (each proxy appends the address it was reached from, so it is
    the N-th entry from the right; entries further left come from the client and are not believed).

    django-axes uses this (AXES_CLIENT_IP_CALLABLE) for lockouts, the audit log for `herkomst`.
    """
    from django.conf import settings

    direct = request.META.get("REMOTE_ADDR") or None
    aantal = settings.NAL_PROXY_AANTAL
    doorgestuurd = [d.strip() for d in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if d.strip()]
    if not aantal or not doorgestuurd:
        return direct
    kandidaat = doorgestuurd[-min(aantal, len(doorgestuurd))]
    try:
        return str(ipaddress.ip_address(kandidaat))
    except ValueError:
        return direct


def _standaard_actor() -> str:
    # A management command run from the command line acts as "commando <name>".
    if len(sys.argv) > 1 and sys.argv[0].endswith("manage.py"):
        return f"commando {sys.argv[1]}"
    return SYSTEEM


def huidige_context() -> VerzoekContext:
    context = _context.get()
    if context is None:
        # Outside a request, task or explicit context: one id per process is still a link between rows.
        context = VerzoekContext(request_id=nieuw_request_id(), actor_naam=_standaard_actor())
        _context.set(context)
    return context


def zet_context(context: VerzoekContext) -> contextvars.Token:
    return _context.set(context)


def herstel_context(token: contextvars.Token) -> None:
    _context.reset(token)


@contextmanager
def actor_context(actor_naam: str, *, request_id: str | None = None) -> Iterator[VerzoekContext]:
    """Run a block as a named non-personal actor (a command, a task) with its own request id."""
    context = VerzoekContext(request_id=request_id or nieuw_request_id(), actor_naam=actor_naam)
    token = _context.set(context)
    try:
        yield context
    finally:
        _context.reset(token)


class RequestIdLogFilter(logging.Filter):
    """Adds `request_id` to every log record, so log lines and audit rows of one action match."""

    def filter(self, record: logging.LogRecord) -> bool:
        context = _context.get()
        record.request_id = context.request_id if context else "-"
        return True
