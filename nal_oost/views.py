from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET


@require_GET
def gezondheid(request):
    """Liveness for load balancers and compose healthchecks: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
