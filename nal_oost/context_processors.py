from . import rechten
from . import rollen as r


def rollen(request):
    """Role flags for templates, from the predicates in nal_oost.rechten (objects: {% load rechten %}).

    What may be seen is the visibility register's: the `mag_zien` filter ({% load zichtbaarheid %})."""
    user = getattr(request, "user", None)
    return {
        "rol": r.rol_van(user),
        "mag_bewerken": rechten.mag_bewerken(user),
        "mag_beheren": rechten.mag_beheren(user),
    }


def achtergrondwerk(request):
    """Tell signed-in users when background work waits for the broker (lazy: queried only if a template asks)."""
    from nal_oost.taken import achtergrond_vertraagd

    if not getattr(getattr(request, "user", None), "is_authenticated", False):
        return {}
    return {"achtergrond_vertraagd": achtergrond_vertraagd}
