from django.db import connection
from django.http import HttpResponseBadRequest, HttpResponseServerError, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.http import require_GET


@require_GET
def gezondheid(request):
    """Liveness for load balancers and compose healthchecks: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def ongeldig_verzoek(request, exception):
    """400: problem+json under /api/, the Dutch error page elsewhere."""
    if request.path.startswith("/api/"):
        from api.problemen import PROBLEM_JSON, probleem

        detail = _("De aanvraag bevat tekens die niet gelezen kunnen worden.")
        data = probleem(status_code=400, detail=detail, request=request, code="badRequest")
        return JsonResponse(data, status=400, content_type=PROBLEM_JSON)
    try:
        return defaults.bad_request(request, exception)
    except Exception:  # noqa: BLE001 - the error page must never fail itself
        return HttpResponseBadRequest(KALE_400)


# Last resort when even the error page cannot be rendered (a missing static file, a broken template).
KALE_500 = (
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Storing – NAL Oost</title></head>'
    "<body><h1>Er ging iets mis aan onze kant</h1><p>Probeer het over een paar minuten opnieuw.</p>"
    '<p><a href="/">Naar de startpagina</a></p></body></html>'
)


KALE_400 = (
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Ongeldige aanvraag – NAL Oost</title></head>'
    "<body><h1>Deze aanvraag kunnen we niet lezen</h1><p>Controleer het adres of ga terug naar "
    '<a href="/">de startpagina</a>.</p></body></html>'
)


def serverfout(request):
    """500: the Dutch error page, rendered without request context (no database, no context processors)."""
    try:
        return defaults.server_error(request)
    except Exception:  # noqa: BLE001 - the error page must never fail itself
        return HttpResponseServerError(KALE_500)
