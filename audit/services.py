"""Writing security events; field changes are written by the signal handlers in audit.signals."""

from django.utils.translation import gettext as _

from audit.models import Gebeurtenis
from nal_oost.verzoek import huidige_context


def client_ip(request) -> str | None:
    """The client address as django-axes sees it (REMOTE_ADDR, or X-Forwarded-For behind trusted proxies)."""
    if request is None:
        return None
    ip = getattr(request, "axes_ip_address", None)
    if ip:
        return ip
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or None


def gebeurtenis_vastleggen(
    *, actie: str, object: str, resultaat: str, request=None, actor=None, actor_naam: str | None = None, toelichting: str = ""
) -> Gebeurtenis:
    """Record one security event (BIO2: action, object, result, origin, actor, timestamp)."""
    context = huidige_context()
    if actor is None:
        actor = context.gebruiker
    if actor_naam is None:
        actor_naam = actor.get_username() if actor is not None else context.actor_naam
    user_agent = request.headers.get("User-Agent", "")[:300] if request is not None else ""
    return Gebeurtenis.objects.create(
        actie=actie,
        object=object[:200],
        resultaat=resultaat,
        herkomst=client_ip(request),
        actor=actor,
        actor_naam=actor_naam[:150] or _("onbekend"),
        user_agent=user_agent,
        request_id=getattr(request, "request_id", None) or context.request_id,
        toelichting=toelichting[:300],
    )


def account_object(username: str) -> str:
    return _("account %(naam)s") % {"naam": username or "?"}
