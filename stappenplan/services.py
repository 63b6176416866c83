"""Writes in the stappenplan: the one place where a park moves, and where step outputs are recorded."""

from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import bulk
from nal_oost import rechten, rollen
from nal_oost.uploads import mime_type
from stappenplan import overgangen as fsm
from stappenplan.models import (
    CHECKLIST_ACHTERGROND,
    CHECKLIST_FINANCIAL_CLOSE,
    LOKALE_AFWEGINGEN,
    Document,
    Evaluatienotitie,
    Oplossingsrichting,
    OverzichtVerzending,
    Stap,
    StapOvergang,
    Status,
    Traject,
)
from stappenplan.termijnen import klok_na_overgang, termijn_voor_stap
from terreinen.models import Bedrijventerrein, Contact


class StappenplanFout(Exception):
    """Base of everything a transition can refuse; `meldingen` is what the user reads."""

    def __init__(self, meldingen):
        self.meldingen = [str(m) for m in (meldingen if isinstance(meldingen, list | tuple) else [meldingen])]
        super().__init__("; ".join(self.meldingen))


class VoorwaardenNietVervuld(StappenplanFout):
    """The guard failed: `meldingen` lists the missing outputs."""


class OngeldigeOvergang(StappenplanFout):
    """The move does not exist or does not start from the park's current step and status."""


class GelijktijdigeWijziging(StappenplanFout):
    """Someone else moved the park since it was read (optimistic lock); the API answers 409 Conflict."""


class GeenBevoegdheid(PermissionDenied):
    """The user may see the park but not change it."""


def _mag_bewerken(user, traject: Traject) -> None:
    if not rechten.mag_terrein_bewerken(user, traject.terrein):
        raise GeenBevoegdheid(_("Alleen een regisseur of beheerder kan het stappenplan wijzigen."))


@contextmanager
def _toestand_vrij(traject: Traject):
    traject._toestand_vrij = True
    try:
        yield
    finally:
        traject._toestand_vrij = False


def stap_zetten(
    *,
    traject: Traject,
    actie: str,
    user,
    reden: str = "",
    versie: int | None = None,
    herbeoordelen_op: date | None = None,
    nu: datetime | None = None,
) -> StapOvergang:
    """Perform the named transition: permission, guard, state change and log row in one transaction.

    `versie` is the version the user saw; pass it from forms so a stale page gets a conflict.
    Raises GeenBevoegdheid, OngeldigeOvergang, VoorwaardenNietVervuld or GelijktijdigeWijziging.
    """
    overgang = fsm.OVERGANGEN.get(actie)
    if overgang is None:
        raise OngeldigeOvergang(_("Onbekende actie '%(actie)s'.") % {"actie": actie})
    if not overgang.mag(user, traject):
        raise GeenBevoegdheid(_("Alleen een regisseur of beheerder kan het stappenplan wijzigen."))
    nu = nu or timezone.now()
    vandaag = timezone.localdate(nu)
    reden = (reden or "").strip()
    if versie is not None and versie != traject.versie:
        raise GelijktijdigeWijziging(_conflictmelding())
    if not overgang.kan_vanuit(traject):
        raise OngeldigeOvergang(
            _("'%(actie)s' kan niet vanuit %(stap)s (%(status)s).")
            % {"actie": overgang.label, "stap": traject.get_stap_display(), "status": traject.get_status_display()}
        )
    parameters = fsm.parameters(vandaag=vandaag, reden=reden, herbeoordelen_op=herbeoordelen_op)
    ontbreekt = overgang.ontbreekt(traject, fsm.Feiten(traject), parameters)
    if ontbreekt:
        raise VoorwaardenNietVervuld(ontbreekt)

    naar_stap = overgang.doelstap(traject)
    wijzigingen = {
        "stap": naar_stap,
        "status": overgang.naar_status,
        "versie": traject.versie + 1,
        **klok_na_overgang(
            traject=traject,
            naar_stap=naar_stap,
            naar_status=overgang.naar_status,
            vandaag=vandaag,
            herbeoordelen_op=herbeoordelen_op,
        ),
        **overgang.zet(traject),
    }
    with transaction.atomic():
        # Lock the row and compare versions: of two concurrent moves from the same version, the second
        # waits for the first's lock, then sees a newer version and gets the conflict.
        actuele_versie = Traject.objects.select_for_update().filter(pk=traject.pk).values_list("versie", flat=True).first()
        if actuele_versie != traject.versie:
            raise GelijktijdigeWijziging(_conflictmelding())
        try:
            with transaction.atomic():
                log = StapOvergang.objects.create(
                    traject=traject,
                    actie=overgang.naam,
                    van_stap=traject.stap,
                    naar_stap=naar_stap,
                    van_status=traject.status,
                    naar_status=overgang.naar_status,
                    versie=wijzigingen["versie"],
                    door=user,
                    op=nu,
                    reden=reden,
                )
        except IntegrityError as exc:
            raise GelijktijdigeWijziging(_conflictmelding()) from exc
        with _toestand_vrij(traject):
            for veld, waarde in wijzigingen.items():
                setattr(traject, veld, waarde)
        # A regular save, so the field history (audit) records the move like any other change.
        traject.save(update_fields=list(wijzigingen))
    return log


def _conflictmelding() -> str:
    return _(
        "Iemand anders heeft dit terrein intussen in het stappenplan verplaatst. "
        "Bekijk de nieuwe stand en probeer het zo nodig opnieuw."
    )


# Step outputs ------------------------------------------------------------------------------------

OUTPUT_VELDEN = {
    Stap.INVENTARISATIE: ("eerste_contact_op", "checklist_achtergrond"),
    Stap.VOORBEREIDING: ("orientatiegesprek_op", "aanvliegroute", "warm_contact_via"),
    Stap.STARTSESSIE: ("startsessie_op", "probleemstelling", "projectteam", "kartrekker"),
    Stap.OPLOSSINGSRICHTING: ("besluit_op",),
    Stap.REALISATIEPLAN: ("checklist_financial_close", "penvoerder"),
    Stap.UITVOERING: ("gerealiseerd_op", "realisatie"),
    Stap.EVALUATIE: (),
}
_CHECKLISTS = {"checklist_achtergrond": CHECKLIST_ACHTERGROND, "checklist_financial_close": CHECKLIST_FINANCIAL_CLOSE}


def traject_gegevens_opslaan(*, traject: Traject, user, gegevens: dict) -> Traject:
    """Record outputs of a step (never the step or status themselves); validates and saves only those fields."""
    _mag_bewerken(user, traject)
    toegestaan = {veld for velden in OUTPUT_VELDEN.values() for veld in velden}
    onbekend = sorted(set(gegevens) - toegestaan)
    if onbekend:
        raise ValidationError(_("Deze gegevens horen niet bij een stap: %(velden)s") % {"velden": ", ".join(onbekend)})
    for veld, lijst in _CHECKLISTS.items():
        if veld in gegevens:
            sleutels = {s for s, _label in lijst}
            waarde = list(dict.fromkeys(gegevens[veld] or []))
            if set(waarde) - sleutels:
                raise ValidationError(
                    {veld: _("Onbekend onderdeel in de checklist: %(x)s") % {"x": ", ".join(set(waarde) - sleutels)}}
                )
            gegevens[veld] = waarde
    for veld, waarde in gegevens.items():
        setattr(traject, veld, waarde)
    velden = list(gegevens)
    if "eerste_contact_op" in gegevens and traject.stap == Stap.UITVOERING and traject.status == Status.ACTIEF:
        # Uitvoering is due five years after the first contact.
        traject.termijn_op = termijn_voor_stap(
            stap=traject.stap,
            gestart_op=traject.stap_gestart_op or timezone.localdate(),
            eerste_contact_op=traject.eerste_contact_op,
        )
        velden.append("termijn_op")
    traject.full_clean(exclude=[f.name for f in Traject._meta.fields if f.name not in velden])
    traject.save(update_fields=velden)
    return traject


def stakeholder_toevoegen(
    *,
    traject: Traject,
    user,
    organisatie: str,
    soort: str,
    naam: str = "",
    rol: str = "",
    email: str = "",
    telefoon: str = "",
    warm_contact: bool = False,
) -> Contact:
    """Add a stakeholder to the park (the stakeholder analysis of step 1)."""
    _mag_bewerken(user, traject)
    contact = Contact(
        terrein_id=traject.terrein_id,
        organisatie=organisatie.strip(),
        soort=soort,
        naam=naam.strip(),
        rol=rol.strip(),
        email=email.strip(),
        telefoon=telefoon.strip(),
        warm_contact=warm_contact,
    )
    contact.full_clean()
    contact.save()
    return contact


def oplossingsrichting_toevoegen(
    *, traject: Traject, user, titel: str, omschrijving: str = "", afwegingen=()
) -> Oplossingsrichting:
    """A solution direction in the current round of step 3, weighed against the local considerations."""
    _mag_bewerken(user, traject)
    sleutels = {s for s, _label in LOKALE_AFWEGINGEN}
    afwegingen = list(dict.fromkeys(afwegingen))
    if set(afwegingen) - sleutels:
        raise ValidationError(
            {"afwegingen": _("Onbekende lokale afweging: %(x)s") % {"x": ", ".join(set(afwegingen) - sleutels)}}
        )
    richting = Oplossingsrichting(
        traject=traject, ronde=traject.ronde, titel=titel.strip(), omschrijving=omschrijving, afwegingen=afwegingen
    )
    richting.full_clean()
    richting.save()
    return richting


@transaction.atomic
def oplossingsrichting_markeren(*, richting: Oplossingsrichting, user) -> Oplossingsrichting:
    """Mark the chosen direction of its round (the others in that round are no longer chosen)."""
    _mag_bewerken(user, richting.traject)
    Oplossingsrichting.objects.filter(traject_id=richting.traject_id, ronde=richting.ronde).exclude(pk=richting.pk).update(
        gekozen=False
    )
    richting.gekozen = True
    richting.save(update_fields=["gekozen"])
    return richting


def evaluatie_toevoegen(*, traject: Traject, user, soort: str, tekst: str, stap: int | None = None) -> Evaluatienotitie:
    """Tips, tops or an improvement point, after any step (default: the current one)."""
    _mag_bewerken(user, traject)
    notitie = Evaluatienotitie(
        traject=traject, stap=traject.stap if stap is None else stap, soort=soort, tekst=tekst.strip(), auteur=user
    )
    notitie.full_clean()
    notitie.save()
    return notitie


# Documents ---------------------------------------------------------------------------------------


def document_toevoegen(*, traject: Traject, user, stap: int, soort: str, bestand, vertrouwelijk: bool = True) -> Document:
    """Store an uploaded file on a step, after the field's UploadValidator checked its size, extension and content."""
    _mag_bewerken(user, traject)
    naam = Path(bestand.name or "").name
    document = Document(
        traject=traject,
        stap=stap,
        soort=soort,
        bestand=bestand,
        naam=naam[:200],
        grootte=bestand.size,
        inhoudstype=mime_type(naam),
        vertrouwelijk=vertrouwelijk,
        geupload_door=user,
    )
    document.full_clean()
    document.bestand.save(naam, bestand, save=False)
    try:
        document.save()
    except Exception:
        document.bestand.delete(save=False)
        raise
    return document


# Trajecten and regisseurs ------------------------------------------------------------------------


def trajecten_aanmaken(*, terrein_ids=None) -> int:
    """Give every park (or the given ones) its Traject; idempotent, in bulk, audited; returns how many were new.

    The one place trajecten are created: called when parks are created (`terreinen_aangemaakt`,
    connected in apps.py) and by the data migrations for parks that existed before.
    """
    qs = Bedrijventerrein.objects.filter(traject__isnull=True)
    if terrein_ids is not None:
        qs = qs.filter(pk__in=list(terrein_ids))
    nieuw = [Traject(terrein_id=pk) for pk in qs.values_list("pk", flat=True)]
    bulk.aanmaken(Traject, nieuw)
    return len(nieuw)


def na_terreinen_aangemaakt(sender, terrein_ids, **kwargs) -> None:
    """Receiver of `terreinen_aangemaakt`: every new park gets its Traject in the same transaction."""
    trajecten_aanmaken(terrein_ids=terrein_ids)


def regisseur_toewijzen(*, trajecten, regisseur, alleen_zonder: bool = False) -> int:
    """Assign one regisseur to many parks at once; returns the number changed."""
    if regisseur is not None and rollen.rol_van(regisseur) not in rollen.BEWERKENDE_ROLLEN:
        raise ValidationError(_("%(user)s is geen regisseur of beheerder.") % {"user": regisseur.get_username()})
    qs = trajecten.filter(regisseur__isnull=True) if alleen_zonder else trajecten
    if regisseur is not None:
        qs = qs.exclude(regisseur=regisseur)
    return qs.update(regisseur=regisseur)


# Daily digest ------------------------------------------------------------------------------------


def dagoverzichten_versturen(*, vandaag: date | None = None) -> dict:
    """Mail each regisseur their overdue and soon-due parks (and postponed parks due for a re-check).

    Safe to repeat: a regisseur gets at most one digest per day.
    """
    from stappenplan.selectors import aandachtspunten_per_regisseur

    vandaag = vandaag or timezone.localdate()
    verstuurd, overgeslagen = [], []
    User = get_user_model()
    for regisseur_id, punten in aandachtspunten_per_regisseur(vandaag=vandaag).items():
        regisseur = User.objects.get(pk=regisseur_id)
        if not regisseur.email or OverzichtVerzending.objects.filter(regisseur=regisseur, datum=vandaag).exists():
            overgeslagen.append(regisseur.get_username())
            continue
        context = {"regisseur": regisseur, "vandaag": vandaag, **punten, "basis_url": getattr(settings, "NAL_BASIS_URL", "")}
        aantal = len(punten["te_laat"]) + len(punten["bijna"]) + len(punten["hercontrole"])
        with transaction.atomic():
            OverzichtVerzending.objects.create(regisseur=regisseur, datum=vandaag, aantal_terreinen=aantal)
            send_mail(
                subject=_("Stappenplan: %(n)d terrein(en) vragen aandacht") % {"n": aantal},
                message=render_to_string("stappenplan/email/dagoverzicht.txt", context),
                from_email=None,
                recipient_list=[regisseur.email],
            )
        verstuurd.append(regisseur.get_username())
    return {"verstuurd": verstuurd, "overgeslagen": overgeslagen}
