from . import rollen as r


def rollen(request):
    """Role flags for templates, so edit controls render per role (what may be seen: the `mag_zien` filter)."""
    user = getattr(request, "user", None)
    return {
        "rol": r.rol_van(user),
        "mag_bewerken": r.mag_bewerken(user),
    }


def achtergrondwerk(request):
    """Tell signed-in users when background work waits for the broker (lazy: queried only if a template asks)."""
    from nal_oost.taken import achtergrond_vertraagd

    if not getattr(getattr(request, "user", None), "is_authenticated", False):
        return {}
    return {"achtergrond_vertraagd": achtergrond_vertraagd}
