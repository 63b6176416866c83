"""The four roles (Django groups) and what they imply; the one place that maps a user to a role."""

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


def ziet_alles(user) -> bool:
    return rol_van(user) in PROVINCIALE_ROLLEN


def mag_bewerken(user) -> bool:
    return rol_van(user) in BEWERKENDE_ROLLEN


def mag_regisseurs_toewijzen(user) -> bool:
    """Assigning a regisseur to parks of others (in bulk, from the list): the beheerder."""
    return rol_van(user) == BEHEERDER


def mag_beheerscherm(user) -> bool:
    """The Django admin (/beheer/) is the beheerder's: staff flag and beheerder role both."""
    return bool(getattr(user, "is_staff", False)) and rol_van(user) == BEHEERDER


# Django model permissions per role, as app_label.codename patterns ("*" = every action).
ROL_RECHTEN = {
    BEHEERDER: {"*": ("add", "change", "delete", "view")},
    REGISSEUR: {
        "terreinen": ("add", "change", "view"),
        "plankaarten": ("view",),
        "stappenplan": ("add", "change", "view"),
        "toolbox": ("add", "change", "view"),
    },
    MEDEWERKER: {"terreinen": ("view",), "plankaarten": ("view",), "stappenplan": ("view",), "toolbox": ("view",)},
    GEMEENTE: {},
}


def rollen_inrichten(sender=None, **kwargs):
    """Create the role groups and (re)assign their model permissions; runs after every migrate."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    # Permissions of apps migrated after this one do not exist yet at this point.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    for rol, rechten in ROL_RECHTEN.items():
        groep, _ = Group.objects.get_or_create(name=rol)
        perms = []
        for app_label, acties in rechten.items():
            qs = Permission.objects.all() if app_label == "*" else Permission.objects.filter(content_type__app_label=app_label)
            perms += [p for p in qs if p.codename.split("_", 1)[0] in acties]
        groep.permissions.set(perms)
