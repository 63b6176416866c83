"""Login, logout and lockout events from Django's and django-axes' signals."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from audit.models import Gebeurtenis
from audit.services import account_object, gebeurtenis_vastleggen


@receiver(user_logged_in, dispatch_uid="audit.ingelogd")
def ingelogd(sender, request, user, **kwargs):
    gebeurtenis_vastleggen(
        actie=Gebeurtenis.Actie.INLOGGEN,
        object=account_object(user.get_username()),
        resultaat=Gebeurtenis.Resultaat.GELUKT,
        request=request,
        actor=user,
    )


@receiver(user_login_failed, dispatch_uid="audit.inloggen_mislukt")
def inloggen_mislukt(sender, credentials, request=None, **kwargs):
    username = credentials.get("username", "") or ""
    geblokkeerd = bool(getattr(request, "axes_locked_out", False))
    gebeurtenis_vastleggen(
        actie=Gebeurtenis.Actie.INLOGGEN,
        object=account_object(username),
        resultaat=Gebeurtenis.Resultaat.GEBLOKKEERD if geblokkeerd else Gebeurtenis.Resultaat.MISLUKT,
        request=request,
        actor=None,
        actor_naam=username or "?",
    )


@receiver(user_logged_out, dispatch_uid="audit.uitgelogd")
def uitgelogd(sender, request, user, **kwargs):
    if user is None:
        return
    gebeurtenis_vastleggen(
        actie=Gebeurtenis.Actie.UITLOGGEN,
        object=account_object(user.get_username()),
        resultaat=Gebeurtenis.Resultaat.GELUKT,
        request=request,
        actor=user,
    )


@receiver(user_locked_out, dispatch_uid="audit.vergrendeld")
def vergrendeld(sender, request, username, ip_address, **kwargs):
    gebeurtenis_vastleggen(
        actie=Gebeurtenis.Actie.VERGRENDELD,
        object=account_object(username or ""),
        resultaat=Gebeurtenis.Resultaat.GEBLOKKEERD,
        request=request,
        actor=None,
        actor_naam=username or "?",
        toelichting=f"ip {ip_address}",
    )
