"""Kept pages: the finished answer of an expensive screen, kept per viewer until the data changes.

The park page, the park list and the list's exports are read far more often than the data under them changes,
and building them costs 30–45 ms (mostly templates; bench/profiel.py). So their answer is kept and served again
while nothing has changed. The rule, in one place:

- **The data version.** Every write to the database through Django (a model's save, a bulk update, raw SQL,
  a migration; in the web process, the worker or a command) raises the data version once it commits. It is seen
  by a wrapper around every query of every connection (`_wachter`), so no service has to remember to say so.
  Tables written while reading and never shown on a kept page are exempt (VRIJE_TABELLEN). The version is a
  random token in the shared cache (Redis), so a write in the worker reaches every web process at once.
- **The key.** A kept answer is found under the data version, the code version (`codeversie`: a changed
  template, module or setting is a new key), the visibility register, the database, the viewer (its user id),
  the language, today's date (pages that say "te laat" or hold a date field), the host and the full path with
  its query. Nothing else a page shows may depend on the request: what it would need is one of these.
- **What is kept.** Only a GET of a logged-in user that answered 200 with no messages waiting; a request with a
  message waiting is always built afresh, because the message is shown in it. An answer lives at most
  NAL_BEWAARD_SECONDEN, which also bounds how long a write that bypassed Django (psql, pg_restore by hand) can go
  unseen; `manage.py restore` raises the version itself.
- **CSRF.** The token in a kept form is replaced by a placeholder before keeping and by the viewer's own token
  when serving; a kept answer holds no secret of the session that built it.

Without Redis (the embedded demo) nothing is kept (NAL_BEWAARDE_PAGINAS): a version only one process sees would
let the worker's writes go unnoticed. Cache errors never fail a request: the page is then built as usual.
"""

import functools
import hashlib
import logging
import os
import re
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.core.signals import setting_changed
from django.db import connections
from django.db.backends.signals import connection_created
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation

from nal_oost import zichtbaarheid
from nal_oost.taken import eenmaal_na_commit

logger = logging.getLogger(__name__)

CACHE = "paginas"
VERSIE_SLEUTEL = "gegevensversie"
# Written while reading (a session's last activity, a login attempt, a TOTP counter, an API key's last use) and
# never shown on a kept page: writing them leaves the data version as it is.
VRIJE_TABELLEN = frozenset(
    {"django_session", "axes_accessattempt", "axes_accessfailurelog", "axes_accesslog", "otp_totp_totpdevice", "api_apisleutel"}
)
_SCHRIJVEN = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)
# Emptying tables (manage.py flush) names many at once: always a change.
_LEEGMAKEN = re.compile(r"^\s*TRUNCATE\b", re.IGNORECASE)
_CSRF = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')

# This process kept an answer since it last raised the version: its next write raises it at once (not only
# after the commit), so a page read back in the same transaction (a test, a command) is never an old one.
# True at the start: the first write of a process raises it at once too, so pages kept over a database that was
# since made anew (same name, ids counting from 1 again) are never read back as its pages.
_bewaard_sinds_verhoging = True
# A rise of the version this process could not make (the cache was away): tried again, at most every
# OPNIEUW_PROBEREN seconds so that writes do not each wait for Redis, and made as soon as the cache answers.
_verhoging_open = False
_volgende_poging = 0.0
OPNIEUW_PROBEREN = 10.0


def aan() -> bool:
    return bool(getattr(settings, "NAL_BEWAARDE_PAGINAS", False))


def _cache():
    return caches[CACHE]


# -- The data version ----------------------------------------------------------------------------------


def gegevensversie() -> str | None:
    """The current data version (a new one when there is none yet); None when the cache cannot be reached."""
    if _verhoging_open:
        _opnieuw_proberen()  # a rise this process could not make yet comes first
    if _verhoging_open:
        return None
    cache = _cache()
    try:
        versie = cache.get(VERSIE_SLEUTEL)
        if versie is None:
            cache.add(VERSIE_SLEUTEL, secrets.token_hex(8), timeout=None)
            versie = cache.get(VERSIE_SLEUTEL)
    except Exception:  # noqa: BLE001 - Redis away: build the page as if nothing was kept
        logger.warning("Bewaarde pagina's: de cache is niet bereikbaar; de pagina wordt opnieuw opgebouwd.", exc_info=True)
        return None
    return versie


def gegevens_gewijzigd() -> bool:
    """Raise the data version: every kept answer is from now on out of date. False when the cache was away.

    When the cache cannot be reached the rise stays open: this process tries again before it reads the version
    or writes once more, and serves nothing kept meanwhile; other processes' kept answers expire within
    NAL_BEWAARD_SECONDEN (a restarted Redis has lost them, and with them the old version).
    """
    global _bewaard_sinds_verhoging, _verhoging_open, _volgende_poging
    _bewaard_sinds_verhoging = False
    if not aan():
        return False
    try:
        _cache().set(VERSIE_SLEUTEL, secrets.token_hex(8), timeout=None)
    except Exception:  # noqa: BLE001 - a write must not fail on the cache
        _verhoging_open = True
        _volgende_poging = time.monotonic() + OPNIEUW_PROBEREN
        logger.warning("Bewaarde pagina's: de gegevensversie kon niet worden verhoogd.", exc_info=True)
        return False
    _verhoging_open = False
    return True


def _opnieuw_proberen() -> None:
    if time.monotonic() >= _volgende_poging:
        gegevens_gewijzigd()


def is_schrijven(sql: str) -> bool:
    """Whether `sql` writes a table whose rows a kept page may show."""
    gevonden = _SCHRIJVEN.match(sql)
    if gevonden:
        return gevonden.group(1).lower() not in VRIJE_TABELLEN
    return bool(_LEEGMAKEN.match(sql))


def _wachter(alias):
    def wachter(execute, sql, params, many, context):
        uitkomst = execute(sql, params, many, context)
        if aan() and isinstance(sql, str) and is_schrijven(sql):
            _geschreven(connections[alias])
        return uitkomst

    return wachter


def _geschreven(verbinding) -> None:
    if _verhoging_open:
        _opnieuw_proberen()
    elif _bewaard_sinds_verhoging:
        gegevens_gewijzigd()
    # When the write is visible to others (at once in autocommit), once per transaction however many writes it has.
    eenmaal_na_commit("nal_oost.gegevensversie", gegevens_gewijzigd, using=verbinding.alias, robust=True)


def _wachter_plaatsen(sender, connection, **kwargs):
    if not any(getattr(w, "nal_bewaren", False) for w in connection.execute_wrappers):
        wachter = _wachter(connection.alias)
        wachter.nal_bewaren = True
        # First in the list: `connection.execute_wrapper()` blocks pop the last one when they end.
        connection.execute_wrappers.insert(0, wachter)


def verbinden() -> None:
    """Watch every connection for writes (NalOostConfig.ready); connections opened before now too."""
    connection_created.connect(_wachter_plaatsen, dispatch_uid="nal_oost.bewaren")
    setting_changed.connect(_instelling_gewijzigd, dispatch_uid="nal_oost.bewaren")
    for verbinding in connections.all(initialized_only=True):
        _wachter_plaatsen(sender=None, connection=verbinding)
    if aan():
        codeversie()  # at start, from the files this process was started with (not those of a later deploy)


# -- The code version ----------------------------------------------------------------------------------


@functools.cache
def codeversie() -> str:
    """A fingerprint of what builds a page (Python modules, templates, translations, static files, lock files, and
    the settings), so an answer kept by one release or configuration is never served by the next."""
    basis = Path(settings.BASE_DIR)
    overslaan = {".git", ".venv", "node_modules", "var", "tests", "tests_e2e", "bench", "__pycache__", "deploy"}
    soorten = {".py", ".html", ".txt", ".mo", ".css", ".js", ".svg", ".json", ".lock"}
    vingerafdruk = hashlib.sha256()
    for map_, mappen, bestanden in os.walk(basis):
        mappen[:] = sorted(m for m in mappen if m not in overslaan and not m.startswith("."))
        for naam in sorted(bestanden):
            pad = Path(map_) / naam
            if pad.suffix in soorten:
                try:
                    inhoud = pad.read_bytes()
                except OSError:  # a dangling link or unreadable file builds no page
                    inhoud = b""
                vingerafdruk.update(str(pad.relative_to(basis)).encode() + b"\0" + inhoud)
    for naam in sorted(n for n in dir(settings) if n.isupper()):
        waarde = repr(getattr(settings, naam))
        if " at 0x" not in waarde:  # an object without a stable form is the same in every process of a release
            vingerafdruk.update(f"{naam}={waarde}".encode())
    return vingerafdruk.hexdigest()[:16]


def _instelling_gewijzigd(**kwargs):
    codeversie.cache_clear()


# -- Keeping values and answers ------------------------------------------------------------------------


def _register() -> str:
    """Who may see which field: a changed register is a new key (in production only a new release changes it)."""
    return hashlib.sha256(repr(zichtbaarheid.REGISTER).encode()).hexdigest()


_NIET_BEREIKBAAR = object()


def _sleutel(soort: str, versie: str, *delen: str) -> str:
    """The cache key of a kept value or answer: the data and code version, the register and the database, then `delen`."""
    alles = (versie, codeversie(), _register(), connections["default"].settings_dict["NAME"], *delen)
    return f"{soort}:" + hashlib.sha256("\0".join(alles).encode()).hexdigest()


def _ophalen(sleutel: str):
    """The kept value (None when there is none), or _NIET_BEREIKBAAR when the cache cannot be reached."""
    try:
        return _cache().get(sleutel)
    except Exception:  # noqa: BLE001 - Redis away: the caller builds as if nothing was kept
        logger.warning("Bewaarde pagina's: de cache is niet bereikbaar.", exc_info=True)
        return _NIET_BEREIKBAAR


def _opslaan(sleutel: str, waarde) -> None:
    global _bewaard_sinds_verhoging
    try:
        _cache().set(sleutel, waarde, timeout=settings.NAL_BEWAARD_SECONDEN)
    except Exception:  # noqa: BLE001
        logger.warning("Bewaarde pagina's: er kon niets worden bewaard.", exc_info=True)
    else:
        _bewaard_sinds_verhoging = True


def gedeeld(naam: str, maken):
    """The value `maken()` computes from the data alone (the same for every viewer), kept under `naam` until the
    data changes: e.g. the data hashes that tell whether a park's factsheets are current."""
    versie = gegevensversie() if aan() else None
    if versie is None:
        return maken()
    sleutel = _sleutel("waarde", versie, naam)
    waarde = _ophalen(sleutel)
    if waarde is _NIET_BEREIKBAAR:
        return maken()
    if waarde is None:
        waarde = maken()
        _opslaan(sleutel, waarde)
    return waarde


def _paginasleutel(request, versie: str) -> str:
    adres = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    taal = translation.get_language() or ""
    return _sleutel("pagina", versie, str(request.user.pk), taal, timezone.localdate().isoformat(), adres)


def _kan_bewaren(request) -> bool:
    return (
        aan()
        and request.method in ("GET", "HEAD")
        and request.user.is_authenticated
        # A message waits: it is shown on this page, so the page is built with it (len() leaves it unread).
        and len(get_messages(request)) == 0
    )


def bewaard(view):
    """Keep the view's answers per viewer until the data changes (see the module's rule); for GET views only."""

    @functools.wraps(view)
    def bewaarde_view(request, *args, **kwargs):
        versie = gegevensversie() if _kan_bewaren(request) else None
        if versie is None:
            return view(request, *args, **kwargs)
        sleutel = _paginasleutel(request, versie)
        bewaard_antwoord = _ophalen(sleutel)
        if bewaard_antwoord is _NIET_BEREIKBAAR:
            return view(request, *args, **kwargs)
        if bewaard_antwoord is not None:
            return _opnieuw(request, *bewaard_antwoord)
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or response.streaming:
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        # A placeholder of its own per answer: text a user typed (a park name, a note) can never become a token.
        plek = f"nal-csrf-{secrets.token_hex(12)}".encode()
        inhoud = _CSRF.sub(rb"\1" + plek + rb"\2", response.content)
        # The view's own headers (type, download name); the middleware adds the rest on every request.
        _opslaan(sleutel, (inhoud, list(response.items()), plek))
        return response

    return bewaarde_view


def _opnieuw(request, inhoud: bytes, koppen: list, plek: bytes) -> HttpResponse:
    if plek in inhoud:
        inhoud = inhoud.replace(plek, get_token(request).encode())
    response = HttpResponse(inhoud)
    for kop, waarde in koppen:
        response[kop] = waarde
    return response
