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
from nal_oost import rechten, zichtbaarheid
from nal_oost.gelijktijdig import GelijktijdigeWijziging as GelijktijdigeRecordWijziging
from nal_oost.gelijktijdig import opslaan_met_versie, verwijderen_met_versie
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
from terreinen.models import Bedrijventerrein, Betrokkenheid
from terreinen.services.relaties import stakeholder_vastleggen


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
) -> Betrokkenheid:
    """Add a stakeholder to the park (the stakeholder analysis of step 1): the park's organisations and contacts."""
    _mag_bewerken(user, traject)
    return stakeholder_vastleggen(
        terrein=traject.terrein,
        user=user,
        organisatie=organisatie,
        soort=soort,
        naam=naam,
        rol=rol,
        email=email,
        telefoon=telefoon,
        warm_contact=warm_contact,
    )


def oplossingsrichting_toevoegen(
    *, traject: Traject, user, titel: str, omschrijving: str = "", afwegingen=()
) -> Oplossingsrichting:
    """A solution direction in the current round of step 3, weighed against the local considerations."""
    _mag_bewerken(user, traject)
    afwegingen = _afwegingen_controleren(afwegingen)
    richting = Oplossingsrichting(
        traject=traject, ronde=traject.ronde, titel=titel.strip(), omschrijving=omschrijving, afwegingen=afwegingen
    )
    richting.full_clean()
    richting.save()
    return richting


def _afwegingen_controleren(afwegingen) -> list[str]:
    sleutels = {s for s, _label in LOKALE_AFWEGINGEN}
    afwegingen = list(dict.fromkeys(afwegingen))
    if set(afwegingen) - sleutels:
        raise ValidationError(
            {"afwegingen": _("Onbekende lokale afweging: %(x)s") % {"x": ", ".join(set(afwegingen) - sleutels)}}
        )
    return afwegingen


def oplossingsrichting_wijzigen(
    *, richting: Oplossingsrichting, user, versie: int, titel: str, omschrijving: str = "", afwegingen=()
) -> Oplossingsrichting:
    """Edit a solution direction; refused when someone else changed or deleted it since `versie`."""
    _mag_bewerken(user, richting.traject)
    richting.titel, richting.omschrijving = titel.strip(), omschrijving
    richting.afwegingen = _afwegingen_controleren(afwegingen)
    richting.full_clean(validate_constraints=False)
    return opslaan_met_versie(richting, versie=versie, velden=["titel", "omschrijving", "afwegingen"])


def oplossingsrichting_verwijderen(*, richting: Oplossingsrichting, user, versie: int) -> None:
    """Delete a solution direction (the audit trail keeps what it said)."""
    _mag_bewerken(user, richting.traject)
    verwijderen_met_versie(richting, versie=versie)


@transaction.atomic
def oplossingsrichting_markeren(*, richting: Oplossingsrichting, user) -> Oplossingsrichting:
    """Mark the chosen direction of its round (the others in that round are no longer chosen)."""
    _mag_bewerken(user, richting.traject)
    bulk.bijwerken(
        Oplossingsrichting.objects.filter(traject_id=richting.traject_id, ronde=richting.ronde).exclude(pk=richting.pk),
        gekozen=False,
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


def document_toevoegen(
    *, traject: Traject, user, stap: int, soort: str, bestand, vertrouwelijk: bool = True, vorige: Document | None = None
) -> Document:
    """Store an uploaded file on a step, after the field's UploadValidator checked its size, extension and content.

    With `vorige`, the file is a new version of that document (use `document_nieuwe_versie`).
    """
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
        vorige=vorige,
        versienummer=vorige.versienummer + 1 if vorige else 1,
    )
    document.full_clean(exclude=["vorige"])
    document.bestand.save(naam, bestand, save=False)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError as exc:
        # Someone else uploaded a new version of the same document first (one successor per version).
        document.bestand.delete(save=False)
        raise GelijktijdigeRecordWijziging from exc
    except Exception:
        document.bestand.delete(save=False)
        raise
    return document


def _actueel_document(document: Document) -> Document:
    """Lock the document and check it is still current (not replaced, not deleted), else a conflict."""
    vergrendeld = Document.objects.select_for_update().filter(pk=document.pk).first()
    if vergrendeld is None or vergrendeld.verwijderd_op is not None or Document.objects.filter(vorige=vergrendeld).exists():
        raise GelijktijdigeRecordWijziging(
            _("Dit document is intussen vervangen of verwijderd. Bekijk de documenten opnieuw en probeer het zo nodig nog eens.")
        )
    return vergrendeld


def document_nieuwe_versie(*, document: Document, user, bestand, vertrouwelijk: bool | None = None) -> Document:
    """Upload a new version of a document; the old one stays in the history (and downloadable)."""
    _mag_bewerken(user, document.traject)
    with transaction.atomic():
        vorige = _actueel_document(document)
        return document_toevoegen(
            traject=vorige.traject,
            user=user,
            stap=vorige.stap,
            soort=vorige.soort,
            bestand=bestand,
            vertrouwelijk=vorige.vertrouwelijk if vertrouwelijk is None else vertrouwelijk,
            vorige=vorige,
        )


def document_verwijderen(*, document: Document, user) -> Document:
    """Delete a document from the step: it is no longer current, but it and its file stay in the history."""
    _mag_bewerken(user, document.traject)
    with transaction.atomic():
        document = _actueel_document(document)
        document.verwijderd_op = timezone.now()
        document.verwijderd_door = user
        document.save(update_fields=["verwijderd_op", "verwijderd_door"])
    return document


def documentgeschiedenis(*, document: Document) -> list[Document]:
    """Every earlier version of a document, newest first."""
    uit, vorige = [], document.vorige
    while vorige is not None:
        uit.append(vorige)
        vorige = vorige.vorige
    return uit


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
    """Assign one regisseur (or None: nobody) to one or many parks; returns the number changed.

    The one path for taking on a park, giving it back and assigning in bulk: every park is saved on
    its own, so the field history (audit) gets a row per park, all in one transaction.
    """
    if regisseur is not None and not rechten.mag_bewerken(regisseur):
        raise ValidationError(_("%(user)s is geen regisseur of beheerder.") % {"user": regisseur.get_username()})
    qs = trajecten.filter(regisseur__isnull=True) if alleen_zonder else trajecten
    # Only parks that actually change get a save (and an audit row).
    qs = qs.exclude(regisseur=regisseur) if regisseur is not None else qs.filter(regisseur__isnull=False)
    aantal = 0
    with transaction.atomic():
        for traject in (
            qs.select_for_update(of=("self",))
            .select_related("terrein")
            .only("pk", "stap", "status", "regisseur", "terrein", "terrein__naam")
            .order_by("pk")
        ):
            traject.regisseur = regisseur
            traject.save(update_fields=["regisseur"])
            aantal += 1
    return aantal


def terrein_oppakken(*, traject: Traject, user) -> Traject:
    """'Ik pak dit terrein op': the user becomes the park's regisseur, unless someone else already is."""
    _mag_bewerken(user, traject)
    if traject.regisseur_id == user.pk:
        return traject
    if traject.regisseur_id is not None:
        raise ValidationError(
            _("%(naam)s is al regisseur van dit terrein; vraag een beheerder om het over te dragen.")
            % {"naam": traject.regisseur.get_full_name() or traject.regisseur.get_username()}
        )
    # alleen_zonder: of two people taking on the same park at once, the second changes nothing.
    if not regisseur_toewijzen(trajecten=Traject.objects.filter(pk=traject.pk), regisseur=user, alleen_zonder=True):
        raise ValidationError(_("Iemand anders heeft dit terrein intussen opgepakt."))
    traject.regisseur = user
    return traject


def terrein_teruggeven(*, traject: Traject, user) -> Traject:
    """Give a park back: only its own regisseur does so (a beheerder reassigns instead)."""
    _mag_bewerken(user, traject)
    if traject.regisseur_id != user.pk:
        raise ValidationError(_("U bent geen regisseur van dit terrein."))
    regisseur_toewijzen(trajecten=Traject.objects.filter(pk=traject.pk, regisseur=user), regisseur=None)
    traject.regisseur = None
    return traject


# Daily digest ------------------------------------------------------------------------------------


def dagoverzichten_versturen(*, vandaag: date | None = None) -> dict:
    """Mail each regisseur their overdue and soon-due parks (and postponed parks due for a re-check).

    Safe to repeat: a regisseur gets at most one digest per day.
    """
    from stappenplan.selectors import aandachtspunten_per_regisseur, opvolgingen_per_gebruiker

    vandaag = vandaag or timezone.localdate()
    verstuurd, overgeslagen = [], []
    User = get_user_model()
    per_regisseur = aandachtspunten_per_regisseur(vandaag=vandaag)
    # Journal follow-ups due today go to their author and the park's regisseur, in the same digest.
    opvolgen = opvolgingen_per_gebruiker(vandaag=vandaag)
    for regisseur_id in sorted(per_regisseur.keys() | opvolgen.keys()):
        punten = per_regisseur.get(regisseur_id, {"te_laat": [], "bijna": [], "hercontrole": []})
        regisseur = User.objects.get(pk=regisseur_id)
        if not regisseur.is_active:
            continue
        eigen_opvolgingen = opvolgen.get(regisseur_id, []) if zichtbaarheid.mag_zien(regisseur, "terreinen.Notitie") else []
        if not (punten["te_laat"] or punten["bijna"] or punten["hercontrole"] or eigen_opvolgingen):
            continue
        if not regisseur.email or OverzichtVerzending.objects.filter(regisseur=regisseur, datum=vandaag).exists():
            overgeslagen.append(regisseur.get_username())
            continue
        context = {
            "regisseur": regisseur,
            "vandaag": vandaag,
            **punten,
            "opvolgen": eigen_opvolgingen,
            "basis_url": getattr(settings, "NAL_BASIS_URL", ""),
        }
        aantal = len(
            {t.terrein_id for t in punten["te_laat"] + punten["bijna"] + punten["hercontrole"]}
            | {n.terrein_id for n in eigen_opvolgingen}
        )
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
