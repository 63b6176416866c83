"""The four roles (Django groups); the one place that maps a user to a role. What a role may do: `nal_oost.rechten`."""

from django.utils.translation import gettext_lazy as _

BEHEERDER = "beheerder"
REGISSEUR = "regisseur"
MEDEWERKER = "medewerker"
GEMEENTE = "gemeente"

ROLLEN = {
    BEHEERDER: _("Beheerder"),
    REGISSEUR: _("Regisseur"),
    MEDEWERKER: _("Medewerker"),
    GEMEENTE: _("Gemeente"),
}
# Roles that see every park (what they may see of it: nal_oost/zichtbaarheid.py).
PROVINCIALE_ROLLEN = (BEHEERDER, REGISSEUR, MEDEWERKER)
# Roles that may change park data.
BEWERKENDE_ROLLEN = (BEHEERDER, REGISSEUR)


def rol_van(user) -> str | None:
    """The user's role, strongest first; None for anonymous users and users without a role."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if user.is_superuser:
        return BEHEERDER
    cached = getattr(user, "_nal_rol", False)
    if cached is not False:
        return cached
    namen = set(user.groups.values_list("name", flat=True))
    rol = next((r for r in ROLLEN if r in namen), None)
    user._nal_rol = rol
    return rol


def rollen_inrichten(sender=None, **kwargs):
    """Create the role groups; runs after every migrate.

    The groups carry no Django model permissions: what a role may do is decided by the predicates
    in `nal_oost.rechten`, also for the admin (`nal_oost.rechten.RechtenBackend`). Permissions
    assigned by earlier versions are removed.
    """
    from django.contrib.auth.models import Group

    for rol in ROLLEN:
        groep, _ = Group.objects.get_or_create(name=rol)
        groep.permissions.clear()
