"""Who may DO what and reach which object: the one permission layer, as named predicates.

Every view, the API, the templates (``{% load rechten %}``) and the Django admin ask these
functions; no module compares roles itself. Which *fields* of a visible object a user may read is
a separate question (the visibility registry), not answered here.

The rule, everywhere:

* not logged in: the login page (the API and map layers: 401/403, they cannot show a page);
* outside the user's scope (an object or a screen the user may not see): **404**, so nothing
  leaks about what exists. ``toestaan(..., zichtbaar=False)`` raises ``Http404``;
* inside the scope, but the action is not allowed: **403** (the Dutch 403 page).
  ``toestaan(False)`` raises ``PermissionDenied``.

Screens that only exist for the beheerder (users, API keys, the admin) are outside everyone else's
scope: 404. Catalogues everyone reads (toolbox, weights) are inside it: changing them is a 403.

Roles themselves (which groups exist, a user's role) live in ``nal_oost.rollen``.
"""

from collections.abc import Callable

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import Http404

from nal_oost.rollen import (
    BEHEERDER,
    BEWERKENDE_ROLLEN,
    GEMEENTE,
    MEDEWERKER,
    PROVINCIALE_ROLLEN,
    rol_van,
)

# -- role-wide predicates -------------------------------------------------------------------------


def is_ingelogd(user) -> bool:
    """Any active user with a role (API partners and role-less accounts have none)."""
    return rol_van(user) is not None


def ziet_alles(user) -> bool:
    """Sees every park of the region (the provincial roles)."""
    return rol_van(user) in PROVINCIALE_ROLLEN


def ziet_vertrouwelijk(user) -> bool:
    """Reaches confidential objects: confidential documents, evaluations, selection rounds, internal instruments.

    Who sees the class `vertrouwelijk` is the visibility register's rule; this asks it."""
    from nal_oost import zichtbaarheid

    return zichtbaarheid.ziet(user, zichtbaarheid.VERTROUWELIJK)


def mag_bewerken(user) -> bool:
    """May change park data and move parks through the stappenplan (regisseur and beheerder)."""
    return rol_van(user) in BEWERKENDE_ROLLEN


def mag_beheren(user) -> bool:
    """The beheerder's actions: users, imports, API keys, toolbox and weights maintenance, the admin."""
    return rol_van(user) == BEHEERDER


def mag_regisseurs_toewijzen(user) -> bool:
    """Assigning a regisseur to parks of others (in bulk, from the list): the beheerder."""
    return mag_beheren(user)


def mag_alle_factsheets_genereren(user) -> bool:
    """Generating every factsheet at once is for beheerder and medewerker."""
    return rol_van(user) in (BEHEERDER, MEDEWERKER)


def mag_prioriteiten_herberekenen(user) -> bool:
    return mag_bewerken(user)


def mag_selectieronde_maken(user) -> bool:
    return mag_bewerken(user)


def is_gemeente(user) -> bool:
    return rol_van(user) == GEMEENTE


# -- object predicates -----------------------------------------------------------------------------


def mag_terrein_zien(user, terrein) -> bool:
    """The park is in the user's scope (`Bedrijventerrein.objects.zichtbaar_voor`)."""
    from terreinen.models import Bedrijventerrein

    if ziet_alles(user):
        return True
    return Bedrijventerrein.objects.zichtbaar_voor(user).filter(pk=terrein.pk).exists()


def mag_terrein_bewerken(user, terrein) -> bool:
    return mag_bewerken(user) and mag_terrein_zien(user, terrein)


def mag_overgang_doen(user, traject) -> bool:
    """May move this park through the stappenplan (each transition may narrow this further)."""
    return mag_terrein_bewerken(user, traject.terrein)


def mag_factsheet_downloaden(user, terrein) -> bool:
    """Every role that sees a park downloads its factsheets and may ask for them to be brought up to date."""
    return is_ingelogd(user) and mag_terrein_zien(user, terrein)


def mag_document_zien(user, document) -> bool:
    """A stappenplan document: its park in scope, and the document's class (raised by its own
    confidential flag) one the visibility register lets the user see."""
    from nal_oost import zichtbaarheid

    terrein = document.traject.terrein
    return mag_terrein_zien(user, terrein) and zichtbaarheid.mag_rij_zien(user, document, terrein=terrein)


def mag_instrument_zien(user, instrument) -> bool:
    """A toolbox instrument: 'eigen gebruik' ones are internal to the programme team."""
    from toolbox.models import Instrument

    return Instrument.objects.zichtbaar_voor(user).filter(pk=instrument.pk).exists()


def mag_instrument_inzet_vastleggen(user, terrein) -> bool:
    return mag_terrein_bewerken(user, terrein)


def mag_opgeslagen_filter_beheren(user, opgeslagen_filter) -> bool:
    """A saved filter is personal: only its owner sees or removes it, also not the beheerder."""
    return opgeslagen_filter.user_id == getattr(user, "pk", None)


# -- the rule --------------------------------------------------------------------------------------


def toestaan(toegestaan: bool, *, zichtbaar: bool = True, melding=None) -> None:
    """Apply the one rule: not visible → 404; visible but not allowed → 403 (PermissionDenied)."""
    if not zichtbaar:
        raise Http404
    if not toegestaan:
        raise PermissionDenied(melding)


class RechtVereistMixin:
    """For class-based views, after LoginRequiredMixin: `recht` is a predicate of the user."""

    recht: Callable = staticmethod(mag_beheren)
    buiten_scope = False
    recht_melding = None

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            toegestaan = type(self).recht(request.user)
            toestaan(toegestaan, zichtbaar=toegestaan or not self.buiten_scope, melding=self.recht_melding)
        return super().dispatch(request, *args, **kwargs)


# -- Django's permission API routed through the predicates ------------------------------------------


class RechtenBackend(ModelBackend):
    """Django model permissions (`user.has_perm`, the admin) answer from `mag_beheren`, not from groups.

    Roles get no model permissions assigned; the admin is the beheerder's, as every predicate says.
    """

    def has_perm(self, user_obj, perm, obj=None):
        return user_obj.is_active and mag_beheren(user_obj)

    def has_module_perms(self, user_obj, app_label):
        return user_obj.is_active and mag_beheren(user_obj)

    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def get_all_permissions(self, user_obj, obj=None):
        return set()


# The predicates a template may ask by name ({% mag "terrein_bewerken" terrein as ja %}).
PREDICATEN = {
    naam.removeprefix("mag_"): functie
    for naam, functie in dict(globals()).items()
    if callable(functie) and (naam.startswith("mag_") or naam.startswith("ziet_") or naam.startswith("is_"))
}
