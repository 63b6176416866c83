"""Account services: sessions, logout everywhere, deactivation, two-factor enrolment and reset."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import Gebeurtenis
from audit.services import account_object, client_ip, gebeurtenis_vastleggen
from gebruikers.models import Sessie


def _sessie_store(sleutel: str | None) -> SessionBase:
    from importlib import import_module

    return import_module(settings.SESSION_ENGINE).SessionStore(sleutel)


def sessie_registreren(*, request, user) -> None:
    """Remember the session just logged in, so it can be ended from elsewhere."""
    if request is None or not hasattr(request, "session"):
        return
    if request.session.session_key is None:
        request.session.save()
    Sessie.objects.update_or_create(
        sessie_sleutel=request.session.session_key,
        defaults={
            "user": user,
            "herkomst": client_ip(request),
            "user_agent": request.headers.get("User-Agent", "")[:300],
        },
    )


def sessie_vergeten(*, sessie_sleutel: str | None) -> None:
    if sessie_sleutel:
        Sessie.objects.filter(sessie_sleutel=sessie_sleutel).delete()


def sessies_beeindigen(*, user, behalve: str | None = None) -> int:
    """End every open session of `user` (except the session key `behalve`); returns how many."""
    sessies = list(Sessie.objects.filter(user=user).exclude(sessie_sleutel=behalve or ""))
    for sessie in sessies:
        _sessie_store(sessie.sessie_sleutel).delete()
    Sessie.objects.filter(pk__in=[s.pk for s in sessies]).delete()
    return len(sessies)


def overal_uitloggen(*, user, request=None) -> int:
    """The user's "log out everywhere", or a beheerder's doing it for them; logged as a security event."""
    aantal = sessies_beeindigen(user=user)
    gebeurtenis_vastleggen(
        actie=Gebeurtenis.Actie.UITLOGGEN_OVERAL,
        object=account_object(user.get_username()),
        resultaat=Gebeurtenis.Resultaat.GELUKT,
        request=request,
        toelichting=f"{aantal} sessie(s) beëindigd",
    )
    return aantal


def tweefactor_apparaat(*, user) -> TOTPDevice:
    """The user's unconfirmed TOTP device to enrol, created on first use (one per user)."""
    apparaat = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if apparaat is None:
        apparaat = TOTPDevice.objects.create(user=user, name="authenticator-app", confirmed=False)
    return apparaat


@transaction.atomic
def tweefactor_bevestigen(*, user, apparaat: TOTPDevice, token: str, request=None) -> bool:
    """Confirm an enrolling device with a first code; earlier confirmed devices are replaced."""
    gelukt = apparaat.verify_token(token)
    if gelukt:
        TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=apparaat.pk).delete()
        apparaat.confirmed = True
        apparaat.save(update_fields=["confirmed"])
    gebeurtenis_vastleggen(
        actie=Gebeurtenis.Actie.TWEEFACTOR_INSTELLEN,
        object=account_object(user.get_username()),
        resultaat=Gebeurtenis.Resultaat.GELUKT if gelukt else Gebeurtenis.Resultaat.MISLUKT,
        request=request,
        actor=user,
    )
    return gelukt


def tweefactor_controleren(*, user, token: str, request=None):
    """The confirmed device that accepts `token`, or None; every attempt is logged."""
    gevonden = None
    # for_verify locks the devices (select_for_update) so two requests cannot both use one code;
    # the lock needs a transaction of its own, as requests are not atomic (see settings.base).
    with transaction.atomic():
        for apparaat in devices_for_user(user, confirmed=True, for_verify=True):
            if apparaat.verify_is_allowed()[0] and apparaat.verify_token(token):
                gevonden = apparaat
                break
    gebeurtenis_vastleggen(
        actie=Gebeurtenis.Actie.TWEEFACTOR,
        object=account_object(user.get_username()),
        resultaat=Gebeurtenis.Resultaat.GELUKT if gevonden else Gebeurtenis.Resultaat.MISLUKT,
        request=request,
        actor=user,
    )
    return gevonden


def tweefactor_resetten(*, user, request=None) -> int:
    """Remove every device of `user` (lost phone); they enrol again at the next login."""
    aantal, _ = TOTPDevice.objects.filter(user=user).delete()
    gebeurtenis_vastleggen(
        actie=Gebeurtenis.Actie.TWEEFACTOR_RESET,
        object=account_object(user.get_username()),
        resultaat=Gebeurtenis.Resultaat.GELUKT,
        request=request,
    )
    sessies_beeindigen(user=user)
    return aantal


def heeft_tweefactor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def gebruiker_vastgelegd(*, user, created: bool, request=None) -> None:
    """Log a create/change/deactivation by a beheerder and end a deactivated user's sessions."""
    if created:
        actie = Gebeurtenis.Actie.GEBRUIKER_AANGEMAAKT
    elif not user.is_active:
        actie = Gebeurtenis.Actie.GEBRUIKER_GEDEACTIVEERD
        sessies_beeindigen(user=user)
    else:
        actie = Gebeurtenis.Actie.GEBRUIKER_GEWIJZIGD
    gebeurtenis_vastleggen(
        actie=actie, object=account_object(user.get_username()), resultaat=Gebeurtenis.Resultaat.GELUKT, request=request
    )


def gebruikers_lijst():
    User = get_user_model()
    return User.objects.prefetch_related("groups", "gemeente_toegang__gemeente").order_by("username")
