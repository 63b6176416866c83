from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.utils import timezone

from gebruikers.services import sessie_registreren, sessie_vergeten
from nal_oost.middleware import SESSIE_BEGIN, SESSIE_LAATST, tweefactor_bij_login


@receiver(user_logged_in, dispatch_uid="gebruikers.sessie_registreren")
def _ingelogd(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    nu = timezone.now().isoformat()
    request.session[SESSIE_BEGIN] = nu
    request.session[SESSIE_LAATST] = nu
    tweefactor_bij_login(request, user)
    sessie_registreren(request=request, user=user)


@receiver(user_logged_out, dispatch_uid="gebruikers.sessie_vergeten")
def _uitgelogd(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        sessie_vergeten(sessie_sleutel=request.session.session_key)
