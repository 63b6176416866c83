"""API-key authentication (header `X-Api-Key`), scope per key, and request limits per key."""

import hmac

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication
from rest_framework.permissions import BasePermission
from rest_framework.throttling import SimpleRateThrottle

from api import services
from api.models import ApiSleutel
from nal_oost import rechten

HEADER = "X-Api-Key"


class ApiPartner:
    """The request user of a partner organisation: authenticated, but no Django user and no role."""

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_superuser = False
    is_staff = False
    pk = None
    id = None
    _nal_rol = None  # nal_oost.rollen.rol_van reads this: a partner has no role in the application

    def __init__(self, sleutel: ApiSleutel):
        self.sleutel = sleutel
        self.organisatie = sleutel.organisatie

    def __str__(self):
        return self.organisatie

    def get_username(self):
        return f"api:{self.sleutel.prefix}"


def is_partner(request) -> bool:
    return isinstance(getattr(request, "auth", None), ApiSleutel)


class ApiSleutelAuthentication(BaseAuthentication):
    """`X-Api-Key: <prefix>.<secret>`; revoked or expired keys fail on the very next request."""

    def authenticate(self, request):
        ruw = request.META.get("HTTP_X_API_KEY")
        if ruw is None:
            return None
        ruw = ruw.strip()
        prefix, punt, _geheim = ruw.partition(".")
        sleutel = ApiSleutel.objects.filter(prefix=prefix).first() if punt and prefix else None
        if sleutel is None or not hmac.compare_digest(sleutel.sleutel_hash, services.sleutel_hash(ruw)):
            raise exceptions.AuthenticationFailed(_("Deze API-sleutel is onbekend."))
        if sleutel.ingetrokken_op is not None:
            raise exceptions.AuthenticationFailed(_("Deze API-sleutel is ingetrokken."))
        if sleutel.verlopen:
            raise exceptions.AuthenticationFailed(
                _("Deze API-sleutel is verlopen op %(datum)s.") % {"datum": sleutel.verloopt_op.isoformat()}
            )
        services.api_sleutel_gebruik_vastleggen(sleutel=sleutel)
        return ApiPartner(sleutel), sleutel

    def authenticate_header(self, request):
        return f'ApiKey realm="NAL Oost API", header="{HEADER}"'


class HeeftToegang(BasePermission):
    """A valid key whose scope covers the view's resource, or a logged-in user with a role."""

    def has_permission(self, request, view):
        resource = getattr(view, "resource", None)
        if is_partner(request):
            if resource and resource not in request.auth.scope:
                raise exceptions.PermissionDenied(
                    _("Deze API-sleutel geeft geen toegang tot '%(resource)s'.") % {"resource": resource}
                )
            return True
        if not (request.user and request.user.is_authenticated):
            return False
        if not rechten.is_ingelogd(request.user):
            raise exceptions.PermissionDenied(_("Uw account heeft geen rol in deze applicatie."))
        return True


class ApiSleutelThrottle(SimpleRateThrottle):
    """Requests per key (or per logged-in user), counted in the shared `api` cache."""

    scope = "api"

    def __init__(self):
        self.cache = caches["api"]
        super().__init__()

    def get_rate(self):
        return settings.API_SLEUTEL_LIMIET

    def get_cache_key(self, request, view):
        if is_partner(request):
            ident = f"sleutel-{request.auth.prefix}"
        elif request.user and request.user.is_authenticated:
            ident = f"gebruiker-{request.user.pk}"
        else:
            ident = f"ip-{self.get_ident(request)}"
        return f"throttle_api_{ident}"
