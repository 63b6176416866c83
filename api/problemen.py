"""Errors as application/problem+json (RFC 9457), with every invalid parameter listed at once."""

import logging

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.response import Response

PROBLEM_JSON = "application/problem+json"
logger = logging.getLogger(__name__)

TITELS = {
    400: gettext_lazy("Ongeldige aanvraag"),
    401: gettext_lazy("Niet geauthenticeerd"),
    403: gettext_lazy("Geen toegang"),
    404: gettext_lazy("Niet gevonden"),
    405: gettext_lazy("Methode niet toegestaan"),
    406: gettext_lazy("Gevraagd formaat niet beschikbaar"),
    429: gettext_lazy("Te veel verzoeken"),
    500: gettext_lazy("Interne fout"),
}
TYPES = {
    400: "https://www.rfc-editor.org/rfc/rfc9110#name-400-bad-request",
    401: "https://www.rfc-editor.org/rfc/rfc9110#name-401-unauthorized",
    403: "https://www.rfc-editor.org/rfc/rfc9110#name-403-forbidden",
    404: "https://www.rfc-editor.org/rfc/rfc9110#name-404-not-found",
    405: "https://www.rfc-editor.org/rfc/rfc9110#name-405-method-not-allowed",
    406: "https://www.rfc-editor.org/rfc/rfc9110#name-406-not-acceptable",
    429: "https://www.rfc-editor.org/rfc/rfc6585#section-4",
    500: "https://www.rfc-editor.org/rfc/rfc9110#name-500-internal-server-error",
}


class OngeldigeParameters(exceptions.APIException):
    """400 listing every invalid query parameter: [{name, code, reason}, …]."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = gettext_lazy("Een of meer parameters zijn ongeldig.")
    default_code = "paramsValidation"

    def __init__(self, fouten: list[dict]):
        super().__init__()
        self.fouten = fouten


class NietGeauthenticeerd(exceptions.NotAuthenticated):
    default_detail = gettext_lazy("Geef een geldige API-sleutel mee in de header X-Api-Key, of log in op de applicatie.")


def probleem(*, status_code: int, detail: str, request=None, code: str = "", extra: dict | None = None) -> dict:
    data = {
        "type": TYPES.get(status_code, "about:blank"),
        "title": str(TITELS.get(status_code, _("Fout"))),
        "status": status_code,
        "detail": str(detail),
        "instance": request.path if request is not None else None,
    }
    if code:
        data["code"] = code
    data.update(extra or {})
    return data


def _validatiefouten(detail, prefix="") -> list[dict]:
    if isinstance(detail, dict):
        fouten = []
        for naam, sub in detail.items():
            fouten += _validatiefouten(sub, f"{prefix}.{naam}" if prefix else str(naam))
        return fouten
    if isinstance(detail, list):
        return [f for d in detail for f in _validatiefouten(d, prefix)]
    return [{"name": prefix or "nonFieldErrors", "code": getattr(detail, "code", "invalid"), "reason": str(detail)}]


def exception_handler(exc, context):
    """DRF exception handler of the API: every error becomes problem+json."""
    request = context.get("request")
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Dit object bestaat niet of u heeft er geen toegang toe."))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        logger.exception("Unhandled error in the API", exc_info=exc)
        data = probleem(status_code=500, detail=_("Er ging iets mis aan onze kant."), request=request, code="error")
        return Response(data, status=500, content_type=PROBLEM_JSON)

    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    extra = {}
    if isinstance(exc, OngeldigeParameters):
        detail = exc.detail
        extra["invalidParams"] = exc.fouten
    elif isinstance(exc, exceptions.ValidationError):
        detail = _("Een of meer parameters zijn ongeldig.")
        extra["invalidParams"] = _validatiefouten(exc.detail)
    else:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if isinstance(exc, exceptions.Throttled):
        detail = _("U heeft te veel verzoeken gedaan. Probeer het over %(sec)s seconden opnieuw.") % {"sec": int(exc.wait or 1)}
    codes = exc.get_codes()
    data = probleem(
        status_code=exc.status_code,
        detail=detail,
        request=request,
        code=codes if isinstance(codes, str) else exc.default_code,
        extra=extra,
    )
    return Response(data, status=exc.status_code, headers=headers, content_type=PROBLEM_JSON)
