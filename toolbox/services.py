"""Writes in the toolbox: maintaining the catalogue, adding document versions, recording use on a park."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from nal_oost import rechten
from nal_oost.uploads import mime_type
from terreinen.models import Bedrijventerrein
from toolbox.models import (
    HERHAALSTAP,
    Doelgroep,
    Instrument,
    InstrumentDoelgroep,
    InstrumentInzet,
    InstrumentStap,
    InstrumentVersie,
)


def _beheerder_vereist(door) -> None:
    rechten.toestaan(rechten.mag_beheren(door), melding=_("Alleen een beheerder mag de toolbox onderhouden."))


def _unieke_slug(titel: str, *, behalve_pk: int | None) -> str:
    basis = slugify(titel)[:110].strip("-") or "instrument"
    slug, n = basis, 2
    while Instrument.objects.filter(slug=slug).exclude(pk=behalve_pk).exists():
        slug, n = f"{basis}-{n}", n + 1
    return slug


@transaction.atomic
def instrument_opslaan(
    *,
    door,
    titel: str,
    categorie: str,
    doelgroepen: Iterable[str],
    stappen: Iterable[int],
    status: str,
    omschrijving: str = "",
    eigenaar: str = "",
    link: str = "",
    instrument: Instrument | None = None,
) -> Instrument:
    """Create or change a catalogue instrument with its audiences and steps; only a beheerder may."""
    _beheerder_vereist(door)
    doelgroepen = sorted(set(doelgroepen))
    stappen = sorted({int(s) for s in stappen})
    fouten = {}
    if not doelgroepen:
        fouten["doelgroepen"] = _("Kies ten minste één doelgroep.")
    elif Doelgroep.EIGEN_GEBRUIK in doelgroepen and len(doelgroepen) > 1:
        fouten["doelgroepen"] = _(
            "'Eigen gebruik' is alleen voor het programmateam en kan niet samen met een andere doelgroep worden gekozen."
        )
    if not stappen:
        fouten["stappen"] = _("Kies ten minste één stap waarin het instrument wordt ingezet.")
    elif any(s < 0 or s > 6 for s in stappen):
        fouten["stappen"] = _("Een stap ligt tussen 0 en 6.")
    nieuw = instrument is None
    instrument = instrument or Instrument()
    instrument.titel = titel.strip()
    instrument.categorie = categorie
    instrument.status = status
    instrument.omschrijving = omschrijving.strip()
    instrument.eigenaar = eigenaar.strip()
    instrument.link = link.strip()
    if nieuw or not instrument.slug:
        instrument.slug = _unieke_slug(instrument.titel, behalve_pk=instrument.pk)
    try:
        instrument.full_clean()
    except ValidationError as e:
        fouten.update(e.message_dict)
    if fouten:
        raise ValidationError(fouten)
    instrument.save()
    instrument.stappen.exclude(stap__in=stappen).delete()
    bestaande = set(instrument.stappen.values_list("stap", flat=True))
    InstrumentStap.objects.bulk_create([InstrumentStap(instrument=instrument, stap=s) for s in stappen if s not in bestaande])
    instrument.doelgroepen.exclude(doelgroep__in=doelgroepen).delete()
    bestaande = set(instrument.doelgroepen.values_list("doelgroep", flat=True))
    InstrumentDoelgroep.objects.bulk_create(
        [InstrumentDoelgroep(instrument=instrument, doelgroep=d) for d in doelgroepen if d not in bestaande]
    )
    return instrument


@transaction.atomic
def instrument_versie_toevoegen(*, door, instrument: Instrument, bestand, toelichting: str = "") -> InstrumentVersie:
    """Store an uploaded document as the instrument's next version; earlier versions and their files stay."""
    _beheerder_vereist(door)
    # Lock the instrument so two uploads at once get consecutive numbers instead of a clash.
    Instrument.objects.select_for_update().filter(pk=instrument.pk).first()
    hoogste = instrument.versies.aggregate(m=Max("nummer"))["m"] or 0
    versie = InstrumentVersie(
        instrument=instrument,
        nummer=hoogste + 1,
        bestand=bestand,
        bestandsnaam=bestand.name.rsplit("/", 1)[-1][:200],
        mime_type=mime_type(bestand.name),
        grootte=bestand.size,
        toelichting=toelichting.strip(),
        geupload_door=door,
    )
    # The field's UploadValidator checks size, extension and content before anything is stored.
    versie.full_clean()
    versie.bestand.save(versie.bestandsnaam, bestand, save=False)
    # Delete the stored file again if the row cannot be written, so no orphan is left behind.
    try:
        versie.save()
    except Exception:
        versie.bestand.delete(save=False)
        raise
    Instrument.objects.filter(pk=instrument.pk).update(gewijzigd_op=timezone.now())
    return versie


@transaction.atomic
def instrument_inzet_vastleggen(
    *,
    door,
    terrein: Bedrijventerrein,
    instrument: Instrument,
    stap: int,
    datum: datetime.date,
    uitkomst: str = "",
    notitie: str = "",
    opnieuw_ingezet: bool = False,
) -> InstrumentInzet:
    """Record that an instrument was used on a park in a step.

    At step 3 "no good solution found, toolbox used again" starts the next round; later uses at step 3
    join the newest round, so the rounds of the loop stay countable.
    """
    if not rechten.mag_terrein_zien(door, terrein):
        raise Bedrijventerrein.DoesNotExist
    rechten.toestaan(
        rechten.mag_instrument_inzet_vastleggen(door, terrein),
        melding=_("Alleen een regisseur of beheerder mag het gebruik van instrumenten vastleggen."),
    )
    stap = int(stap)
    fouten = {}
    if not Instrument.objects.zichtbaar_voor(door).filter(pk=instrument.pk).exists():
        fouten["instrument"] = _("Dit instrument bestaat niet (meer).")
    if datum and datum > timezone.localdate():
        fouten["datum"] = _("De datum ligt in de toekomst; leg het gebruik vast als het instrument is ingezet.")
    if opnieuw_ingezet and stap != HERHAALSTAP:
        fouten["opnieuw_ingezet"] = _(
            "Een nieuwe ronde ('geen goede oplossing gevonden, toolbox opnieuw ingezet') hoort bij stap 3."
        )
    if fouten:
        raise ValidationError(fouten)
    ronde = 1
    if stap == HERHAALSTAP:
        # Lock the park so two regisseurs starting a new round at once get rounds n+1 and n+2.
        Bedrijventerrein.objects.select_for_update().filter(pk=terrein.pk).first()
        hoogste = terrein.instrument_inzetten.filter(stap=HERHAALSTAP).aggregate(m=Max("ronde"))["m"]
        if hoogste is None and opnieuw_ingezet:
            raise ValidationError(
                {"opnieuw_ingezet": _("In stap 3 is op dit terrein nog geen instrument ingezet: leg eerst de eerste ronde vast.")}
            )
        ronde = 1 if hoogste is None else hoogste + 1 if opnieuw_ingezet else hoogste
    inzet = InstrumentInzet(
        terrein=terrein,
        instrument=instrument,
        stap=stap,
        datum=datum,
        uitkomst=uitkomst.strip(),
        notitie=notitie.strip(),
        ronde=ronde,
        opnieuw_ingezet=opnieuw_ingezet,
        vastgelegd_door=door,
    )
    inzet.full_clean()
    inzet.save()
    return inzet
