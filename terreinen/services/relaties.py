"""Organisations, their contact persons and their links to parks: the one place where they are written.

The park page and the stakeholder analysis of step 1 both call these services. Only roles that may
change park data (`rechten.mag_bewerken`) write; edits carry the version the user saw
(`nal_oost.gelijktijdig`), so two people editing the same record do not overwrite each other.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from nal_oost import rechten
from nal_oost.gelijktijdig import opslaan_met_versie, verwijderen_met_versie
from terreinen.models import Bedrijventerrein, Betrokkenheid, Contactpersoon, Organisatie


def _mag_bewerken(user) -> None:
    if not rechten.mag_bewerken(user):
        raise PermissionDenied(_("Alleen een regisseur of beheerder kan organisaties en contactpersonen wijzigen."))


def _schoon(waarde) -> str:
    return (waarde or "").strip()


def organisatie_vinden_of_maken(*, naam: str, soort: str) -> Organisatie:
    """The organisation of this kind with this name (case-insensitive), created when it is new."""
    naam = " ".join(_schoon(naam).split())
    bestaand = Organisatie.objects.filter(naam__iexact=naam, soort=soort).first()
    if bestaand is not None:
        return bestaand
    organisatie = Organisatie(naam=naam, soort=soort)
    organisatie.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            organisatie.save()
    except IntegrityError:
        # Created by someone else a moment ago: use theirs.
        return Organisatie.objects.get(naam__iexact=naam, soort=soort)
    return organisatie


def _persoon_vinden_of_maken(*, organisatie: Organisatie, naam="", rol="", email="", telefoon="") -> Contactpersoon | None:
    gegevens = {"naam": _schoon(naam), "rol": _schoon(rol), "email": _schoon(email), "telefoon": _schoon(telefoon)}
    if not (gegevens["naam"] or gegevens["email"] or gegevens["telefoon"]):
        return None
    bestaand = organisatie.contactpersonen.filter(**gegevens).first()
    if bestaand is not None:
        return bestaand
    persoon = Contactpersoon(organisatie=organisatie, **gegevens)
    persoon.full_clean()
    persoon.save()
    return persoon


@transaction.atomic
def stakeholder_vastleggen(
    *,
    terrein: Bedrijventerrein,
    user,
    organisatie: str | Organisatie,
    soort: str = "",
    rol_op_terrein: str = "",
    warm_contact: bool = False,
    naam: str = "",
    rol: str = "",
    email: str = "",
    telefoon: str = "",
) -> Betrokkenheid:
    """Link an organisation (found by name and kind, or created) to the park, with an optional contact person.

    Linking an organisation that is already linked adds the person and the warm-contact mark to the
    existing link instead of failing.
    """
    _mag_bewerken(user)
    if not isinstance(organisatie, Organisatie):
        if not _schoon(organisatie):
            raise ValidationError({"organisatie": _("Vul de naam van de organisatie in.")})
        if soort not in Organisatie.Soort.values:
            raise ValidationError({"soort": _("Kies de soort organisatie.")})
        organisatie = organisatie_vinden_of_maken(naam=organisatie, soort=soort)
    persoon = _persoon_vinden_of_maken(organisatie=organisatie, naam=naam, rol=rol, email=email, telefoon=telefoon)
    link = Betrokkenheid.objects.select_for_update().filter(terrein=terrein, organisatie=organisatie).first()
    if link is None:
        link = Betrokkenheid(
            terrein=terrein,
            organisatie=organisatie,
            rol=_schoon(rol_op_terrein),
            warm_contact=warm_contact,
            contactpersoon=persoon,
        )
        link.full_clean(validate_constraints=False)
        link.save()
        return link
    velden = []
    if warm_contact and not link.warm_contact:
        link.warm_contact = True
        velden.append("warm_contact")
    if persoon is not None and link.contactpersoon_id is None:
        link.contactpersoon = persoon
        velden.append("contactpersoon")
    if _schoon(rol_op_terrein) and not link.rol:
        link.rol = _schoon(rol_op_terrein)
        velden.append("rol")
    if velden:
        opslaan_met_versie(link, versie=None, velden=velden)
    return link


def betrokkenheid_wijzigen(
    *, betrokkenheid: Betrokkenheid, user, versie: int, rol: str, warm_contact: bool, contactpersoon: Contactpersoon | None
) -> Betrokkenheid:
    """Change the organisation's role on the park, the warm-contact mark or who is its contact for this park."""
    _mag_bewerken(user)
    betrokkenheid.rol = _schoon(rol)
    betrokkenheid.warm_contact = warm_contact
    betrokkenheid.contactpersoon = contactpersoon
    betrokkenheid.full_clean(validate_constraints=False)
    return opslaan_met_versie(betrokkenheid, versie=versie, velden=["rol", "warm_contact", "contactpersoon"])


def betrokkenheid_verwijderen(*, betrokkenheid: Betrokkenheid, user, versie: int) -> None:
    """Unlink the organisation from the park; the organisation and its people stay for other parks."""
    _mag_bewerken(user)
    verwijderen_met_versie(betrokkenheid, versie=versie)


def organisatie_wijzigen(*, organisatie: Organisatie, user, versie: int, naam: str, soort: str) -> Organisatie:
    """Rename or reclassify an organisation (on every park it is linked to)."""
    _mag_bewerken(user)
    organisatie.naam = " ".join(_schoon(naam).split())
    organisatie.soort = soort
    organisatie.full_clean(validate_constraints=False)
    if Organisatie.objects.filter(naam__iexact=organisatie.naam, soort=soort).exclude(pk=organisatie.pk).exists():
        raise ValidationError({"naam": _("Er bestaat al een organisatie met deze naam en soort.")})
    return opslaan_met_versie(organisatie, versie=versie, velden=["naam", "soort"])


def contactpersoon_toevoegen(*, organisatie: Organisatie, user, naam="", rol="", email="", telefoon="") -> Contactpersoon:
    _mag_bewerken(user)
    persoon = _persoon_vinden_of_maken(organisatie=organisatie, naam=naam, rol=rol, email=email, telefoon=telefoon)
    if persoon is None:
        raise ValidationError(_("Vul een naam, e-mailadres of telefoonnummer in."))
    return persoon


def contactpersoon_wijzigen(
    *, persoon: Contactpersoon, user, versie: int, naam="", rol="", email="", telefoon=""
) -> Contactpersoon:
    _mag_bewerken(user)
    persoon.naam, persoon.rol, persoon.email, persoon.telefoon = map(_schoon, (naam, rol, email, telefoon))
    if not (persoon.naam or persoon.email or persoon.telefoon):
        raise ValidationError(_("Vul een naam, e-mailadres of telefoonnummer in."))
    persoon.full_clean(validate_constraints=False)
    return opslaan_met_versie(persoon, versie=versie, velden=["naam", "rol", "email", "telefoon"])


def contactpersoon_verwijderen(*, persoon: Contactpersoon, user, versie: int) -> None:
    """Delete a person; parks that had them as their contact keep the organisation link."""
    _mag_bewerken(user)
    verwijderen_met_versie(persoon, versie=versie)
