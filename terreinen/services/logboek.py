"""The journal of a park: dated notes of a kind, with an optional follow-up date. Confidential.

Roles that may change park data write notes; only the author corrects their own note. Every
write goes through the model's save, so the audit trail records it; edits are conflict-safe.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from nal_oost import rechten
from nal_oost.gelijktijdig import opslaan_met_versie
from terreinen.models import Bedrijventerrein, Notitie


def _mag_schrijven(user) -> None:
    if not rechten.mag_bewerken(user):
        raise PermissionDenied(_("Alleen een regisseur of beheerder kan het logboek bijhouden."))


def _controleer(notitie: Notitie) -> None:
    if not (notitie.tekst or "").strip():
        raise ValidationError({"tekst": _("Schrijf wat er besproken, afgesproken of besloten is.")})
    if notitie.opvolgen_op and notitie.opvolgen_op < notitie.datum:
        raise ValidationError({"opvolgen_op": _("De datum om op te volgen ligt vóór de datum van de notitie.")})
    notitie.full_clean()


def notitie_toevoegen(
    *, terrein: Bedrijventerrein, user, soort: str, datum: date, tekst: str, opvolgen_op: date | None = None
) -> Notitie:
    _mag_schrijven(user)
    notitie = Notitie(
        terrein=terrein, soort=soort, datum=datum, tekst=(tekst or "").strip(), opvolgen_op=opvolgen_op, auteur=user
    )
    _controleer(notitie)
    notitie.save()
    return notitie


def mag_corrigeren(*, notitie: Notitie, user) -> bool:
    """Only the author corrects a note (and only while they may still write)."""
    return rechten.mag_bewerken(user) and notitie.auteur_id is not None and notitie.auteur_id == user.pk


def notitie_corrigeren(
    *, notitie: Notitie, user, versie: int, soort: str, datum: date, tekst: str, opvolgen_op: date | None, opgevolgd: bool
) -> Notitie:
    if not mag_corrigeren(notitie=notitie, user=user):
        raise PermissionDenied(_("Alleen de schrijver van een notitie kan die corrigeren."))
    notitie.soort, notitie.datum, notitie.tekst = soort, datum, (tekst or "").strip()
    notitie.opvolgen_op, notitie.opgevolgd = opvolgen_op, opgevolgd and opvolgen_op is not None
    _controleer(notitie)
    return opslaan_met_versie(notitie, versie=versie, velden=["soort", "datum", "tekst", "opvolgen_op", "opgevolgd"])


def opvolging_afronden(*, notitie: Notitie, user, versie: int) -> Notitie:
    """Mark a follow-up as done; any regisseur or beheerder may, so a follow-up does not wait for its author."""
    _mag_schrijven(user)
    if notitie.opvolgen_op is None:
        raise ValidationError(_("Deze notitie heeft geen datum om op te volgen."))
    notitie.opgevolgd = True
    return opslaan_met_versie(notitie, versie=versie, velden=["opgevolgd"])
