"""Who may do what with factsheets; which parks is decided by `Bedrijventerrein.objects.zichtbaar_voor`."""

from nal_oost import rollen

# Every role that sees a park may download its factsheets and ask for them to be brought up to date.
DOWNLOADENDE_ROLLEN = (*rollen.PROVINCIALE_ROLLEN, rollen.GEMEENTE)
GENERERENDE_ROLLEN = (rollen.BEHEERDER, rollen.MEDEWERKER)


def mag_factsheet_downloaden(user) -> bool:
    return rollen.rol_van(user) in DOWNLOADENDE_ROLLEN


def mag_factsheet_bijwerken(user) -> bool:
    return rollen.rol_van(user) in DOWNLOADENDE_ROLLEN


def mag_alles_genereren(user) -> bool:
    return rollen.rol_van(user) in GENERERENDE_ROLLEN
