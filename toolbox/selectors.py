"""Reads of the toolbox, always starting from what the user may see (parks and instruments)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from nal_oost import rechten
from stappenplan.models import Stap
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

# After a startsessie with outcome "zelfstandig" the park continues alone from step 3 on.
STAPPEN_NA_STARTSESSIE = (Stap.OPLOSSINGSRICHTING, Stap.REALISATIEPLAN, Stap.UITVOERING, Stap.EVALUATIE)


def _telling(user, *, veld: str):
    """Per instrument, a count over its uses on parks the user may see, as a subquery (no join fan-out)."""
    inzetten = InstrumentInzet.objects.filter(instrument=OuterRef("pk"))
    if not rechten.ziet_alles(user):
        inzetten = inzetten.filter(terrein__in=Bedrijventerrein.objects.zichtbaar_voor(user))
    inzetten = inzetten.order_by().values("instrument").annotate(n=Count(veld, distinct=veld != "pk")).values("n")
    return Coalesce(Subquery(inzetten, output_field=IntegerField()), 0)


def instrument_lijst(*, user) -> QuerySet[Instrument]:
    """Visible instruments with steps, audiences, current version and use counts on visible parks."""
    laatste_versie = InstrumentVersie.objects.filter(instrument=OuterRef("pk")).order_by("-nummer").values("nummer")[:1]
    return (
        Instrument.objects.zichtbaar_voor(user)
        .prefetch_related(
            Prefetch("stappen", queryset=InstrumentStap.objects.order_by("stap")),
            Prefetch("doelgroepen", queryset=InstrumentDoelgroep.objects.order_by("doelgroep")),
        )
        .annotate(
            aantal_inzetten=_telling(user, veld="pk"),
            aantal_terreinen=_telling(user, veld="terrein"),
            laatste_versie=Subquery(laatste_versie, output_field=IntegerField()),
        )
        .order_by("categorie", "titel")
    )


def instrument_keuzes(*, user) -> QuerySet[Instrument]:
    """Visible instruments by title, for a choice list."""
    return Instrument.objects.zichtbaar_voor(user).only("pk", "titel").order_by("titel")


def instrument_detail(*, user, slug: str) -> Instrument:
    """One visible instrument, or 404 (also an 'eigen gebruik' instrument for a gemeente user)."""
    return get_object_or_404(instrument_lijst(user=user), slug=slug)


def instrument_versies(*, instrument: Instrument) -> QuerySet[InstrumentVersie]:
    return instrument.versies.select_related("geupload_door").order_by("-nummer")


def instrument_versie_voor_download(*, user, slug: str, nummer: int) -> InstrumentVersie:
    """A stored version of a visible instrument, or 404."""
    return get_object_or_404(
        InstrumentVersie.objects.select_related("instrument"),
        instrument__in=Instrument.objects.zichtbaar_voor(user),
        instrument__slug=slug,
        nummer=nummer,
    )


def instrument_inzetten(*, user, instrument: Instrument) -> QuerySet[InstrumentInzet]:
    """Where a visible instrument was used: only parks the user may see."""
    return (
        InstrumentInzet.objects.zichtbaar_voor(user)
        .filter(instrument=instrument)
        .select_related("terrein__gemeente", "vastgelegd_door")
        .defer("terrein__geometrie", "terrein__gemeente__geometrie")
    )


def terrein_huidige_stap(*, terrein: Bedrijventerrein) -> tuple[int | None, str | None]:
    """The park's current step and status from its traject; (None, None) when it has none yet."""
    try:
        traject = terrein.traject
    except ObjectDoesNotExist:
        return None, None
    return traject.stap, traject.status


@dataclass
class StapInstrumenten:
    stap: int
    naam: str
    instrumenten: list = field(default_factory=list)
    huidig: bool = False


@dataclass
class TerreinToolbox:
    huidige_stap: int | None
    status: str | None
    inzetten: list
    stappen: list[StapInstrumenten]
    rondes_stap_3: int


def terrein_toolbox(*, user, terrein: Bedrijventerrein) -> TerreinToolbox:
    """The toolbox on a visible park: what was used, and per step the instruments that serve it."""
    huidige_stap, status = terrein_huidige_stap(terrein=terrein)
    inzetten = list(
        InstrumentInzet.objects.zichtbaar_voor(user)
        .filter(terrein=terrein)
        .select_related("instrument", "vastgelegd_door")
        .order_by("stap", "ronde", "datum", "pk")
    )
    per_stap = {s.value: StapInstrumenten(stap=s.value, naam=s.label, huidig=s.value == huidige_stap) for s in Stap}
    instrumenten = (
        Instrument.objects.zichtbaar_voor(user)
        .prefetch_related(Prefetch("stappen", queryset=InstrumentStap.objects.order_by("stap")))
        .order_by("categorie", "titel")
    )
    for instrument in instrumenten:
        for koppeling in instrument.stappen.all():
            per_stap[koppeling.stap].instrumenten.append(instrument)
    rondes = max((i.ronde for i in inzetten if i.stap == HERHAALSTAP), default=0)
    return TerreinToolbox(
        huidige_stap=huidige_stap, status=status, inzetten=inzetten, stappen=list(per_stap.values()), rondes_stap_3=rondes
    )


def zelfstandig_overzicht(*, user, terrein: Bedrijventerrein) -> dict[int, list[Instrument]]:
    """For a park going on alone: per later step, the instruments meant for the park (never 'eigen gebruik')."""
    per_stap: dict[int, list[Instrument]] = defaultdict(list)
    instrumenten = instrument_lijst(user=user).exclude(
        pk__in=InstrumentDoelgroep.objects.filter(doelgroep=Doelgroep.EIGEN_GEBRUIK).values("instrument_id")
    )
    for instrument in instrumenten:
        for koppeling in instrument.stappen.all():
            if koppeling.stap in STAPPEN_NA_STARTSESSIE:
                per_stap[koppeling.stap].append(instrument)
    return {stap: per_stap[stap] for stap in STAPPEN_NA_STARTSESSIE}
