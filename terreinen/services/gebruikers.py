"""Creating users of a role, with their municipalities for gemeente users."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from nal_oost import rollen
from terreinen.models import Gemeente, GemeenteToegang


@transaction.atomic
def gebruiker_opslaan(
    *,
    username: str,
    rol: str,
    gemeente_codes=(),
    password: str | None = None,
    actief: bool = True,
    email: str | None = None,
    voornaam: str | None = None,
    achternaam: str | None = None,
):
    """Create or update a user with exactly one role; returns (user, created).

    A gemeente user needs at least one municipality; other roles may not have any. The password
    is only changed when one is given, so re-running keeps what the user chose; the same holds
    for e-mail and name (None keeps them).
    """
    if rol not in rollen.ROLLEN:
        raise ValidationError(
            _("onbekende rol '%(rol)s'; kies uit %(rollen)s") % {"rol": rol, "rollen": ", ".join(rollen.ROLLEN)}
        )
    codes = [c.upper() for c in gemeente_codes]
    gemeenten = list(Gemeente.objects.filter(code__in=codes))
    onbekend = sorted(set(codes) - {g.code for g in gemeenten})
    if onbekend:
        raise ValidationError(_("onbekende gemeentecode(s): %(codes)s") % {"codes": ", ".join(onbekend)})
    if rol == rollen.GEMEENTE and not gemeenten:
        raise ValidationError(_("een gemeentegebruiker heeft minstens één gemeente nodig (--gemeente GMxxxx)"))
    if rol != rollen.GEMEENTE and gemeenten:
        raise ValidationError(_("alleen gemeentegebruikers worden aan gemeenten gekoppeld"))
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username)
    if password is not None:
        validate_password(password, user)
        user.set_password(password)
    elif created:
        user.set_unusable_password()
    user.is_staff = rol == rollen.BEHEERDER
    user.is_active = actief
    if email is not None:
        user.email = email
    if voornaam is not None:
        user.first_name = voornaam
    if achternaam is not None:
        user.last_name = achternaam
    user.full_clean(exclude=["password"], validate_unique=False)
    user.save()
    user.groups.set([Group.objects.get_or_create(name=rol)[0]])
    GemeenteToegang.objects.filter(user=user).exclude(gemeente__in=gemeenten).delete()
    for gemeente in gemeenten:
        GemeenteToegang.objects.get_or_create(user=user, gemeente=gemeente)
    return user, created
