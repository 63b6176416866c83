"""Writes of the prioritisation: weights versions, recomputation runs, scores and selection rounds."""

import functools
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from nal_oost.taken import eenmaal_na_commit, taak_versturen
from plankaarten.models import Plankaart
from prioritering import selectie
from prioritering.berekening import TerreinInvoer, terreinen_scoren
from prioritering.criteria import SCENARIO, standaard_gewichten
from prioritering.models import Afwegingskader, Berekening, Prioriteit, SelectieKeuze, Selectieronde, Vraagklasse
from terreinen.models import Bedrijventerrein, grootteklasse_voor

logger = logging.getLogger(__name__)
SCHRIJF_BATCH = 1000
# A queued run whose message got lost (broker flushed) is sent again after this long.
WACHTRIJ_OPNIEUW_NA = timezone.timedelta(minutes=30)

VERGELEKEN_VELDEN = (
    "score", "rang", "vraagklasse", "in_paretoset", "kw_2030", "kw_2035", "zonder_plankaart", "aantal_onbekend", "uitsplitsing",
)  # fmt: skip
Voortgang = Callable[[str, int, int], None]


# --- Afwegingskader -------------------------------------------------------------------------------


def afwegingskader_actueel() -> Afwegingskader:
    """The newest version; version 1 with the default weights is created when none exists yet."""
    kader = Afwegingskader.objects.order_by("-versie").first()
    if kader is not None:
        return kader
    try:
        with transaction.atomic():
            return Afwegingskader.objects.create(
                versie=1, gewichten=standaard_gewichten(), toelichting=_("Standaardgewichten bij de start van het programma.")
            )
    except IntegrityError:
        return Afwegingskader.objects.order_by("-versie").first()


KADER_VELDEN = (
    "gewichten",
    "vraagklasse_methode",
    "drempel_middel_kw",
    "drempel_hoog_kw",
    "pareto_aandeel",
    "ze_zone_afstand_km",
)


def afwegingskader_opslaan(
    *,
    gewichten: dict,
    vraagklasse_methode: str,
    drempel_middel_kw=None,
    drempel_hoog_kw=None,
    pareto_aandeel: int = 80,
    ze_zone_afstand_km=5,
    toelichting: str,
    door=None,
) -> Afwegingskader:
    """Store the weights as a new version (never edit an old one) and queue a recomputation."""
    if vraagklasse_methode != Afwegingskader.Methode.DREMPELS:
        drempel_middel_kw = drempel_hoog_kw = None
    kader = Afwegingskader(
        versie=0,
        gewichten=gewichten,
        vraagklasse_methode=vraagklasse_methode,
        drempel_middel_kw=drempel_middel_kw,
        drempel_hoog_kw=drempel_hoog_kw,
        pareto_aandeel=pareto_aandeel,
        ze_zone_afstand_km=ze_zone_afstand_km,
        toelichting=(toelichting or "").strip(),
        aangemaakt_door=door,
    )
    kader.full_clean(exclude=["versie"])
    with transaction.atomic():
        vorige = Afwegingskader.objects.select_for_update().order_by("-versie").first()
        if vorige is not None and all(_gelijk(getattr(vorige, v), getattr(kader, v)) for v in KADER_VELDEN):
            raise ValidationError(_("Er is niets gewijzigd ten opzichte van versie %(versie)s.") % {"versie": vorige.versie})
        kader.versie = (Afwegingskader.objects.aggregate(m=Max("versie"))["m"] or 0) + 1
        kader.save()
        herberekening_na_commit(aanleiding=Berekening.Aanleiding.NIEUW_KADER)
    return kader


def _gelijk(a, b) -> bool:
    if isinstance(a, int | float | Decimal) and isinstance(b, int | float | Decimal | str):
        return Decimal(str(a)) == Decimal(str(b))
    return a == b


# --- Computing scores -----------------------------------------------------------------------------


@dataclass
class Verslag:
    kader_versie: int
    aantal_terreinen: int
    gewijzigd: int
    paretoset: int
    zonder_plankaart: int
    indeling: str

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _invoer_lezen() -> list[TerreinInvoer]:
    """Everything scoring needs, in three queries whatever the number of parks."""
    vraag = defaultdict(dict)
    for terrein_id, jaar, kw in (
        Plankaart.objects.actueel()
        .filter(scenario=SCENARIO, zichtjaar__in=(2030, 2035))
        .values_list("terrein_id", "zichtjaar", "laadvermogen_kw")
    ):
        vraag[terrein_id][jaar] = kw
    initiatieven = defaultdict(list)
    doorkoppeling = Bedrijventerrein.initiatieven.through.objects.filter(initiatief__provincie_betrokken=True)
    for terrein_id, naam in doorkoppeling.values_list("bedrijventerrein_id", "initiatief__naam"):
        initiatieven[terrein_id].append(naam)
    velden = (
        "id",
        "rin",
        "warme_contacten",
        "eigen_initiatief",
        "netcongestie",
        "bereikbaarheid",
        "terrein_vol",
        "afstand_ze_zone_km",
    )
    return [
        TerreinInvoer(
            **rij,
            kw_2030=vraag[rij["id"]].get(2030),
            kw_2035=vraag[rij["id"]].get(2035),
            initiatieven_provincie=initiatieven.get(rij["id"], []),
        )
        for rij in Bedrijventerrein.objects.order_by().values(*velden)
    ]


def prioriteiten_berekenen(*, kader: Afwegingskader | None = None, voortgang: Voortgang | None = None) -> Verslag:
    """Score every park under `kader` (default: the current version) in one pass: bulk reads, bulk upserts."""
    kader = kader or afwegingskader_actueel()
    melden = voortgang or (lambda fase, gedaan, totaal: None)
    invoer = _invoer_lezen()
    melden(_("gegevens gelezen"), len(invoer), len(invoer))
    uitkomsten, indeling, pareto = terreinen_scoren(invoer, kader=kader)
    melden(_("scores berekend"), len(uitkomsten), len(uitkomsten))
    # Only rows whose score, rank or breakdown changed are written: a nightly run over unchanged data writes nothing.
    bestaand = {rij[0]: rij[1:] for rij in Prioriteit.objects.filter(kader=kader).values_list("terrein_id", *VERGELEKEN_VELDEN)}
    gewijzigd = [u for u in uitkomsten if bestaand.get(u.terrein_id) != tuple(getattr(u, v) for v in VERGELEKEN_VELDEN)]
    nu = timezone.now()
    rijen = [
        Prioriteit(terrein_id=u.terrein_id, kader=kader, berekend_op=nu, **{v: getattr(u, v) for v in VERGELEKEN_VELDEN})
        for u in gewijzigd
    ]
    with transaction.atomic():
        for start in range(0, len(rijen), SCHRIJF_BATCH):
            Prioriteit.objects.bulk_create(
                rijen[start : start + SCHRIJF_BATCH],
                update_conflicts=True,
                unique_fields=["terrein", "kader"],
                update_fields=[*VERGELEKEN_VELDEN, "berekend_op"],
            )
            melden(_("scores opgeslagen"), min(start + SCHRIJF_BATCH, len(rijen)), len(rijen))
    return Verslag(
        kader_versie=kader.versie,
        aantal_terreinen=len(uitkomsten),
        gewijzigd=len(rijen),
        paretoset=len(pareto),
        zonder_plankaart=sum(u.zonder_plankaart for u in uitkomsten),
        indeling=indeling.omschrijving(),
    )


# --- Runs: queueing, coalescing, status -----------------------------------------------------------


def berekening_inplannen(*, aanleiding: str) -> Berekening:
    """Queue one recomputation; when one is already waiting, this request joins it (nothing new is queued)."""
    wachtend = Berekening.objects.filter(status=Berekening.Status.WACHTRIJ).first()
    if wachtend is not None:
        if wachtend.aangevraagd_op < timezone.now() - WACHTRIJ_OPNIEUW_NA:
            _versturen(wachtend.pk)
        return wachtend
    try:
        with transaction.atomic():
            berekening = Berekening.objects.create(aanleiding=aanleiding)
    except IntegrityError:
        # Another process queued one between our read and write: join it.
        return Berekening.objects.get(status=Berekening.Status.WACHTRIJ)
    transaction.on_commit(functools.partial(_versturen, berekening.pk))
    return berekening


def _versturen(berekening_id: int) -> None:
    from prioritering.tasks import prioriteiten_berekenen_taak

    # Never waits on an unreachable broker: the task is then kept and sent once the broker is back,
    # and the run stays queued ("in de wachtrij") until then.
    taak_versturen(prioriteiten_berekenen_taak, berekening_id)


def herberekening_na_commit(*, aanleiding: str) -> None:
    """Queue a recomputation once the current transaction commits; a burst of edits registers it once."""
    eenmaal_na_commit("prioritering.herberekening", functools.partial(berekening_inplannen, aanleiding=aanleiding))


def berekening_uitvoeren(*, berekening_id: int, voortgang: Voortgang | None = None) -> dict:
    """Run a queued recomputation; a run already finished (or unknown) is skipped, so repeats are safe."""
    geclaimd = Berekening.objects.filter(
        pk=berekening_id, status__in=(Berekening.Status.WACHTRIJ, Berekening.Status.BEZIG)
    ).update(status=Berekening.Status.BEZIG, gestart_op=timezone.now())
    if not geclaimd:
        return {"overgeslagen": True, "berekening": berekening_id}
    return _draaien(Berekening.objects.get(pk=berekening_id), voortgang)


def berekening_direct(*, aanleiding: str, kader: Afwegingskader | None = None, voortgang: Voortgang | None = None) -> dict:
    """Run a recomputation in this process (command line), recorded like a worker run."""
    berekening = Berekening.objects.create(aanleiding=aanleiding, status=Berekening.Status.BEZIG, gestart_op=timezone.now())
    return _draaien(berekening, voortgang, kader)


def _draaien(berekening: Berekening, voortgang, kader=None) -> dict:
    try:
        kader = kader or afwegingskader_actueel()
        Berekening.objects.filter(pk=berekening.pk).update(kader=kader)
        verslag = prioriteiten_berekenen(kader=kader, voortgang=voortgang)
    except Exception as exc:
        Berekening.objects.filter(pk=berekening.pk).update(
            status=Berekening.Status.MISLUKT, klaar_op=timezone.now(), fout=f"{type(exc).__name__}: {exc}"[:2000]
        )
        raise
    Berekening.objects.filter(pk=berekening.pk).update(
        status=Berekening.Status.KLAAR,
        klaar_op=timezone.now(),
        aantal_terreinen=verslag.aantal_terreinen,
        samenvatting=verslag.as_dict(),
    )
    return {"berekening": berekening.pk, **verslag.as_dict()}


# --- Selection rounds -----------------------------------------------------------------------------


def _kandidaten(kader: Afwegingskader) -> list[selectie.Kandidaat]:
    rijen = (
        Prioriteit.objects.filter(kader=kader, vraagklasse=Vraagklasse.HOOG, zonder_plankaart=False)
        .select_related("terrein__gemeente__provincie")
        .only(
            "score",
            "rang",
            "kw_2030",
            "terrein__rin",
            "terrein__naam",
            "terrein__ha_netto",
            "terrein__parkmanagement",
            "terrein__aantal_sectoren",
            "terrein__aandeel_logistiek",
            "terrein__gemeente__naam",
            "terrein__gemeente__provincie__code",
            "terrein__gemeente__provincie__naam",
        )  # fmt: skip
        .order_by("rang")
    )
    uit = []
    for p in rijen:
        t = p.terrein
        uit.append(
            selectie.Kandidaat(
                terrein_id=t.pk,
                rin=t.rin,
                naam=t.naam,
                gemeente=t.gemeente.naam,
                provincie_code=t.gemeente.provincie.code,
                provincie=t.gemeente.provincie.naam,
                score=p.score,
                rang=p.rang,
                kw_2030=p.kw_2030,
                klassen={
                    "grootteklasse": grootteklasse_voor(t.ha_netto),
                    "parkmanagement": None if t.parkmanagement is None else ("ja" if t.parkmanagement else "nee"),
                    "sbi_diversiteit": t.sbi_diversiteit,
                    "logistiek": t.logistiek_klasse,
                },
            )
        )
    return uit


def selectieronde_maken(
    *, naam: str, aantal: int, toelichting: str = "", vorige: Selectieronde | None = None, door=None
) -> Selectieronde:
    """Choose `aantal` parks under the current weights and save the choice as a snapshot with reasons."""
    naam = (naam or "").strip()
    if not naam:
        raise ValidationError({"naam": _("Geef de ronde een naam.")})
    if not isinstance(aantal, int) or aantal < 1:
        raise ValidationError({"aantal": _("Kies minstens één terrein.")})
    kader = afwegingskader_actueel()
    kandidaten = _kandidaten(kader)
    if not kandidaten:
        raise ValidationError(
            _(
                "Er zijn geen terreinen met een hoge vermogensvraag onder afwegingskader versie %(versie)s. "
                "Zijn de prioriteiten al berekend en zijn er plankaarten?"
            )
            % {"versie": kader.versie}
        )
    uitkomst = selectie.selecteren(kandidaten, aantal)
    with transaction.atomic():
        ronde = Selectieronde.objects.create(
            naam=naam,
            aangemaakt_door=door,
            kader=kader,
            aantal_gevraagd=aantal,
            toelichting=(toelichting or "").strip(),
            vorige=vorige,
            aantal_kandidaten=len(kandidaten),
            verdeling=uitkomst.verdeling,
            dekking=uitkomst.dekking,
            tekorten=uitkomst.tekorten,
        )
        SelectieKeuze.objects.bulk_create(
            [
                SelectieKeuze(
                    ronde=ronde,
                    terrein_id=k.kandidaat.terrein_id,
                    volgorde=i,
                    rin=k.kandidaat.rin,
                    naam=k.kandidaat.naam,
                    gemeente=k.kandidaat.gemeente,
                    provincie=k.kandidaat.provincie,
                    score=k.kandidaat.score,
                    rang=k.kandidaat.rang,
                    kw_2030=k.kandidaat.kw_2030,
                    klassen={d: selectie.klasse_label(d, w) for d, w in k.kandidaat.klassen.items()},
                    reden=k.reden,
                )
                for i, k in enumerate(uitkomst.gekozen, start=1)
            ]
        )
    return ronde
