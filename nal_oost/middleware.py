"""Request-wide security middleware: request id, request size limit, unreadable input, caching, session expiry, two-factor."""

from datetime import datetime
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.contrib.auth import logout
from django.core.exceptions import BadRequest
from django.http import HttpResponse
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_otp import user_has_device

from api.authenticatie import HEADER as API_SLEUTEL_HEADER
from nal_oost import rechten
from nal_oost.verzoek import VerzoekContext, geldig_request_id, herstel_context, nieuw_request_id, zet_context

REQUEST_ID_HEADER = "X-Request-ID"


class RequestIdMiddleware:
    """Gives every request an id and the acting user.

    Behind a trusted proxy (NAL_PROXY_AANTAL > 0) a well-formed X-Request-ID from the proxy is kept,
    so proxy and app logs match; otherwise the header comes from the client and is ignored. The id is
    returned in the X-Request-ID response header, added to log lines and stored on every audit row
    written during the request, so the rows of one action can be found together.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        van_proxy = geldig_request_id(request.headers.get(REQUEST_ID_HEADER)) if settings.NAL_PROXY_AANTAL else None
        request_id = van_proxy or nieuw_request_id()
        request.request_id = request_id
        token = zet_context(VerzoekContext(request_id=request_id, request=request))
        try:
            response = self.get_response(request)
        finally:
            herstel_context(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


class UploadLimietMiddleware:
    """Refuses request bodies larger than NAL_VERZOEK_MAX_BYTES before anything reads them (413)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            lengte = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            lengte = 0
        if lengte > settings.NAL_VERZOEK_MAX_BYTES:
            limiet_mb = settings.NAL_UPLOAD_MAX_BYTES // (1024 * 1024)
            return HttpResponse(
                _("Het verzoek is te groot. Bestanden mogen maximaal %(mb)s MB zijn.") % {"mb": limiet_mb},
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


def _onleesbaar(gecodeerd: str) -> bool:
    """Whether URL-encoded text holds a NUL byte or bytes that are not UTF-8 (which Django would silently replace)."""
    try:
        ruw = gecodeerd.encode("latin-1")
    except UnicodeEncodeError:
        ruw = gecodeerd.encode("utf-8")
    try:
        tekst = unquote_to_bytes(ruw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return True
    return "\x00" in tekst


class OngeldigeInvoerMiddleware:
    """Answers 400 (the Dutch error page) for NUL bytes or non-UTF-8 bytes in the path, query or form data.

    PostgreSQL refuses NUL characters in text, so such a parameter would otherwise reach a query and
    end as a 500; undecodable bytes would be silently replaced and searched for.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info or _onleesbaar(request.META.get("QUERY_STRING", "")):
            raise BadRequest("NUL or undecodable bytes in the URL")
        if request.method == "POST" and self._formulier_onleesbaar(request):
            raise BadRequest("NUL or undecodable bytes in the form data")
        return self.get_response(request)

    @staticmethod
    def _formulier_onleesbaar(request) -> bool:
        soort = request.META.get("CONTENT_TYPE", "")
        if soort.startswith("application/x-www-form-urlencoded"):
            return _onleesbaar(request.body.decode("latin-1"))
        if soort.startswith("multipart/form-data"):
            return any("\x00" in tekst for sleutel, waarden in request.POST.lists() for tekst in (sleutel, *waarden))
        return False


class GeenOpslagMiddleware:
    """`Cache-Control: private, no-store` on every answer to a logged-in session or to an API key.

    Pages, exports and documents for a logged-in user can hold confidential data; no browser or
    proxy cache may keep them. A view that already said `no-store` keeps its own header, and so does
    one that said `private, no-cache`: the partner API (api/http.py), which carries public fields only
    and lets a client keep a copy it revalidates every time with the ETag. Static files never get here
    (WhiteNoise answers them earlier) and keep their long cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        vertrouwelijk = (user is not None and user.is_authenticated) or API_SLEUTEL_HEADER in request.headers
        eigen = {d.strip() for d in response.get("Cache-Control", "").split(",")}
        if vertrouwelijk and "no-store" not in eigen and not {"private", "no-cache"} <= eigen:
            response["Cache-Control"] = "private, no-store"
        return response


SESSIE_BEGIN = "nal_sessie_begin"
SESSIE_LAATST = "nal_sessie_laatst"
# Write the last-activity stamp at most this often, so an ordinary page view does not save the session.
_LAATST_RESOLUTIE_SECONDEN = 60


class SessieMiddleware:
    """Ends a session after NAL_SESSIE_INACTIEF without requests or NAL_SESSIE_MAX_DUUR after login."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            nu = timezone.now()
            begin = _tijd(request.session.get(SESSIE_BEGIN))
            laatst = _tijd(request.session.get(SESSIE_LAATST))
            if begin is None:
                request.session[SESSIE_BEGIN] = nu.isoformat()
                begin = nu
            verlopen = nu - begin > settings.NAL_SESSIE_MAX_DUUR or (
                laatst is not None and nu - laatst > settings.NAL_SESSIE_INACTIEF
            )
            if verlopen:
                logout(request)
                return redirect(f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'verlopen': 1})}")
            if laatst is None or (nu - laatst).total_seconds() > _LAATST_RESOLUTIE_SECONDEN:
                request.session[SESSIE_LAATST] = nu.isoformat()
        return self.get_response(request)


def _tijd(waarde) -> datetime | None:
    if not waarde:
        return None
    try:
        return datetime.fromisoformat(waarde)
    except (TypeError, ValueError):
        return None


# URL names a user who still has to pass two-factor authentication may reach.
TWEEFACTOR_VRIJ = frozenset({"login", "logout", "tweefactor-verifieren", "tweefactor-instellen", "tweefactor-qr", "gezondheid"})
_GEEN_APPARAAT = "nal_2fa_geen_apparaat"


def tweefactor_verplicht(user) -> bool:
    """Whether `user` must pass a TOTP code: provincial roles when NAL_2FA_VERPLICHT is on."""
    return bool(settings.NAL_2FA_VERPLICHT) and rechten.ziet_vertrouwelijk(user)


class TweeFactorMiddleware:
    """Sends a logged-in user who has not passed the second factor to verification or enrolment.

    Required for beheerder, regisseur and medewerker when NAL_2FA_VERPLICHT is on; a user of any
    role who enrolled a device voluntarily is asked for a code too. Everything else redirects.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        match = request.resolver_match
        naam = match.url_name if match else None
        if naam in TWEEFACTOR_VRIJ or request.path.startswith("/" + settings.STATIC_URL.lstrip("/")):
            return None
        verplicht = tweefactor_verplicht(user)
        if not verplicht and request.session.get(_GEEN_APPARAAT):
            return None
        heeft_apparaat = user_has_device(user, confirmed=True)
        if not heeft_apparaat and not verplicht:
            request.session[_GEEN_APPARAAT] = True
            return None
        doel = "tweefactor-verifieren" if heeft_apparaat else "tweefactor-instellen"
        return redirect(f"{reverse(doel)}?{urlencode({'next': request.get_full_path()})}")


def tweefactor_bij_login(request, user) -> None:
    """At login, remember whether the user has no device yet, so later requests need no query for it."""
    if user_has_device(user, confirmed=True):
        request.session.pop(_GEEN_APPARAAT, None)
    else:
        request.session[_GEEN_APPARAAT] = True


def tweefactor_apparaat_gewijzigd(request) -> None:
    """Forget the cached 'no device' answer after enrolling or removing a device."""
    request.session.pop(_GEEN_APPARAAT, None)
