from . import rollen as r


def rollen(request):
    """Role flags for templates, so edit controls and confidential blocks render per role."""
    user = getattr(request, "user", None)
    return {
        "rol": r.rol_van(user),
        "ziet_vertrouwelijk": r.ziet_vertrouwelijk(user),
        "mag_bewerken": r.mag_bewerken(user),
    }
