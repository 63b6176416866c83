"""Login lockout rules for django-axes (settings.AXES_FAILURE_LIMIT points here).

Failures are counted per username *and* address (AXES_LOCKOUT_PARAMETERS): five wrong passwords for
one account lock that account from that address only, so colleagues behind the same office address
and the account's owner elsewhere can still log in. One address trying many accounts (password
spraying) is stopped by a second, higher limit on all failures from that address together.
"""

from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def fouten_vanaf_adres(ip_adres: str) -> int:
    """Failed logins from one address within the cool-off period, over every username."""
    sinds = timezone.now() - settings.AXES_COOLOFF_TIME
    totaal = AccessAttempt.objects.filter(ip_address=ip_adres, attempt_time__gte=sinds).aggregate(n=Sum("failures_since_start"))[
        "n"
    ]
    return totaal or 0


def faallimiet(request, credentials) -> int:
    """Failures allowed for this username from this address: NAL_INLOGFOUTEN_PER_ACCOUNT, or 0 (locked
    for every username) once the address reached NAL_INLOGFOUTEN_PER_ADRES."""
    ip_adres = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
    if ip_adres and fouten_vanaf_adres(ip_adres) >= settings.NAL_INLOGFOUTEN_PER_ADRES:
        return 0
    return settings.NAL_INLOGFOUTEN_PER_ACCOUNT
