"""Reads in the stappenplan, always starting from the parks the user may see."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone

from nal_oost import zichtbaarheid
from stappenplan import overgangen as fsm
from stappenplan.models import Document, Evaluatienotitie, Oplossingsrichting, Stap, StapOvergang, Status, Traject
from stappenplan.termijnen import BIJNA_DAGEN, DOORLOOPTIJD_MAANDEN
from terreinen.models import Bedrijventerrein, Betrokkenheid, Notitie


def traject_van_terrein(*, terrein: Bedrijventerrein) -> Traject:
    """The park's Traject, created with the park (stappenplan.services.trajecten_aanmaken).

    A read never writes: should a park have none (rows loaded past the application), an unsaved
    Traject at the start stands in, and the first transition saves it.
    """
    try:
        return Traject.objects.select_related("regisseur").get(terrein=terrein)
    except Traject.DoesNotExist:
        return Traject(terrein=terrein)


def traject_voor_gebruiker(*, user, rin: int) -> Traject:
    """The Traject of a park the user may see, or 404 (also for parks outside a gemeente user's scope)."""
    terrein = get_object_or_404(Bedrijventerrein.objects.zichtbaar_voor(user).select_related("gemeente"), rin=rin)
    traject = traject_van_terrein(terrein=terrein)
    traject.terrein = terrein
    return traject


@dataclass(frozen=True)
class BeschikbareOvergang:
    overgang: fsm.Overgang
    ontbreekt: list[fsm.Ontbreekt]
    rin: int | None = None  # the park's, to link each missing output to where it is filled in

    @property
    def kan(self) -> bool:
        return not self.ontbreekt

    @property
    def regels(self) -> list[tuple[str, str | None]]:
        """What is missing as (text, link to the field that fixes it)."""
        return [(str(m), m.url(self.rin) if self.rin is not None else None) for m in self.ontbreekt]


def feiten_voor(trajecten) -> dict[int, fsm.Feiten]:
    """The guards' facts of many parks in five queries whatever their number (for lists such as Mijn terreinen)."""
    trajecten = list(trajecten)
    ids = [t.pk for t in trajecten]
    terrein_ids = [t.terrein_id for t in trajecten]
    plankaart = Bedrijventerrein.plankaarten.rel.related_model
    met_plankaart = set(
        plankaart.objects.filter(actueel=True, terrein_id__in=terrein_ids).order_by().values_list("terrein_id", flat=True)
    )
    soorten, documenten, richtingen, evaluaties = defaultdict(set), defaultdict(set), defaultdict(list), defaultdict(set)
    for terrein_id, soort in (
        Betrokkenheid.objects.filter(terrein_id__in=terrein_ids).order_by().values_list("terrein_id", "organisatie__soort")
    ):
        soorten[terrein_id].add(soort)
    for traject_id, stap, soort in (
        Document.objects.actueel().filter(traject_id__in=ids).order_by().values_list("traject_id", "stap", "soort")
    ):
        documenten[traject_id].add((stap, soort))
    for richting in Oplossingsrichting.objects.filter(traject_id__in=ids):
        richtingen[richting.traject_id].append(richting)
    for traject_id, stap in Evaluatienotitie.objects.filter(traject_id__in=ids).order_by().values_list("traject_id", "stap"):
        evaluaties[traject_id].add(stap)
    uit = {}
    for t in trajecten:
        feiten = fsm.Feiten(t)
        # Filling the cached properties: the guards read these instead of querying per park.
        feiten.__dict__.update(
            heeft_plankaart=t.terrein_id in met_plankaart,
            stakeholder_soorten=soorten[t.terrein_id],
            documenten=documenten[t.pk],
            richtingen=[r for r in richtingen[t.pk] if r.ronde == t.ronde],
            evaluatie_stappen=evaluaties[t.pk],
        )
        uit[t.pk] = feiten
    return uit


def beschikbare_overgangen(
    *, traject: Traject, user, vandaag: date, feiten: fsm.Feiten | None = None
) -> list[BeschikbareOvergang]:
    """The moves open to this user from the park's current state, each with what is still missing.

    Parameters the user types in the form (a reason, a re-check date) are not known yet, so those
    guards are not reported here; the service checks them when the move is made.
    """
    feiten = feiten or fsm.Feiten(traject)
    parameters = fsm.parameters(vandaag=vandaag, reden="-", herbeoordelen_op=vandaag + timedelta(days=1))
    rin = traject.terrein.rin
    return [
        BeschikbareOvergang(o, o.ontbreekt(traject, feiten, parameters), rin)
        for o in fsm.overgangen_vanuit(traject)
        if o.mag(user, traject)
    ]


def volgende_actie(*, traject: Traject, acties: list[BeschikbareOvergang]) -> BeschikbareOvergang | None:
    """The move that takes the park forward: to a later step (or completing the last), else none.

    Moves sideways (postpone, stop, follow) and back are not "next"; they stay on the park page.
    """
    vooruit = [
        a
        for a in acties
        if not a.overgang.terug
        and a.overgang.naar_status in (Status.ACTIEF, Status.AFGEROND)
        and (a.overgang.doelstap(traject) > traject.stap or a.overgang.naar_status == Status.AFGEROND)
    ]
    return vooruit[0] if vooruit else None


@dataclass(frozen=True)
class StapInTijdlijn:
    stap: int
    naam: str
    doorlooptijd_maanden: int | None
    begonnen_op: date | None
    klaar_op: date | None
    toestand: str  # "klaar", "huidig", "later"


def tijdlijn(*, traject: Traject, overgangen: list[StapOvergang]) -> list[StapInTijdlijn]:
    """Steps 0–6 with when each was last entered and left (forwards), from the log."""
    begonnen, klaar = {}, {}
    for o in overgangen:
        if o.naar_stap != o.van_stap:
            begonnen[o.naar_stap] = timezone.localdate(o.op)  # the Dutch calendar day, not UTC's
        if o.naar_stap > o.van_stap:
            klaar[o.van_stap] = timezone.localdate(o.op)
        elif o.naar_stap < o.van_stap:
            for stap in range(o.naar_stap, o.van_stap + 1):
                klaar.pop(stap, None)
    uit = []
    for stap in Stap:
        if stap < traject.stap or (stap == traject.stap and traject.status == Status.AFGEROND):
            toestand = "klaar"
        elif stap == traject.stap:
            toestand = "huidig"
        else:
            toestand = "later"
        uit.append(
            StapInTijdlijn(
                stap=stap.value,
                naam=stap.label,
                doorlooptijd_maanden=DOORLOOPTIJD_MAANDEN.get(stap),
                begonnen_op=begonnen.get(stap.value) or (traject.stap_gestart_op if stap == traject.stap else None),
                klaar_op=klaar.get(stap.value) if toestand == "klaar" else None,
                toestand=toestand,
            )
        )
    return uit


def _met_termijnvolgorde(qs: QuerySet, vandaag: date) -> QuerySet:
    return qs.annotate(
        te_laat=Case(When(termijn_op__lt=vandaag, then=Value(1)), default=Value(0), output_field=IntegerField())
    ).order_by("-te_laat", F("termijn_op").asc(nulls_last=True), "terrein__naam")


def mijn_terreinen(*, user, vandaag: date) -> QuerySet[Traject]:
    """The regisseur's own parks with step, status and due date; overdue first, then by due date."""
    qs = (
        Traject.objects.filter(regisseur=user, terrein__in=Bedrijventerrein.objects.zichtbaar_voor(user))
        .select_related("terrein__gemeente")
        .defer("terrein__geometrie", "terrein__gemeente__geometrie")
    )
    return _met_termijnvolgorde(qs, vandaag)


def aandachtspunten_per_regisseur(*, vandaag: date) -> dict[int, dict[str, list[Traject]]]:
    """Per regisseur id: overdue parks, parks due within BIJNA_DAGEN, and postponed parks due for a re-check."""
    bijna_grens = vandaag + timedelta(days=BIJNA_DAGEN)
    qs = (
        Traject.objects.filter(regisseur__isnull=False, regisseur__is_active=True)
        .filter(Q(status=Status.ACTIEF, termijn_op__lte=bijna_grens) | Q(status=Status.UITGESTELD, herbeoordelen_op__lte=vandaag))
        .select_related("terrein__gemeente")
        .defer("terrein__geometrie", "terrein__gemeente__geometrie")
        .order_by("termijn_op", "herbeoordelen_op", "terrein__naam")
    )
    uit: dict[int, dict[str, list]] = defaultdict(lambda: {"te_laat": [], "bijna": [], "hercontrole": []})
    for t in qs:
        if t.status == Status.UITGESTELD:
            uit[t.regisseur_id]["hercontrole"].append(t)
        elif t.termijn_op < vandaag:
            uit[t.regisseur_id]["te_laat"].append(t)
        else:
            uit[t.regisseur_id]["bijna"].append(t)
    return dict(uit)


def evaluatie_lijst(*, user, soort: str = "", stap: int | None = None) -> QuerySet[Evaluatienotitie]:
    """All evaluation notes across the parks the user may see (confidential: provincial roles only)."""
    if not zichtbaarheid.mag_zien(user, Evaluatienotitie):
        return Evaluatienotitie.objects.none()
    qs = (
        Evaluatienotitie.objects.filter(traject__terrein__in=Bedrijventerrein.objects.zichtbaar_voor(user))
        .select_related("traject__terrein__gemeente", "auteur")
        .defer("traject__terrein__geometrie", "traject__terrein__gemeente__geometrie")
    )
    if soort:
        qs = qs.filter(soort=soort)
    if stap is not None:
        qs = qs.filter(stap=stap)
    return qs


def achterstallige_trajecten(*, zichtbare_terreinen: QuerySet, vandaag: date, limiet: int = 10) -> tuple[int, list[Traject]]:
    """Active parks past their step's deadline among `zichtbare_terreinen`: the count and the most overdue first."""
    qs = (
        Traject.objects.filter(status=Status.ACTIEF, termijn_op__lt=vandaag, terrein__in=zichtbare_terreinen.values("pk"))
        .select_related("terrein__gemeente", "regisseur")
        .defer("terrein__geometrie", "terrein__gemeente__geometrie")
        .order_by("termijn_op", "terrein__naam")
    )
    return qs.count(), list(qs[:limiet])


# Journal follow-ups ------------------------------------------------------------------------------


def _open_opvolgingen() -> QuerySet[Notitie]:
    return (
        Notitie.objects.filter(opvolgen_op__isnull=False, opgevolgd=False)
        .select_related("terrein__gemeente", "auteur")
        .defer("terrein__geometrie", "terrein__gemeente__geometrie")
        .order_by("opvolgen_op", "terrein__naam", "pk")
    )


def opvolgingen(*, user) -> QuerySet[Notitie]:
    """Open follow-ups of journal notes the user wrote or on parks they lead, earliest first (confidential)."""
    if not zichtbaarheid.mag_zien(user, "terreinen.Notitie"):
        return Notitie.objects.none()
    return _open_opvolgingen().filter(
        Q(auteur=user) | Q(terrein__traject__regisseur=user),
        terrein__in=Bedrijventerrein.objects.zichtbaar_voor(user),
    )


def opvolgingen_per_gebruiker(*, vandaag: date) -> dict[int, list[Notitie]]:
    """Per user id: follow-ups due today or earlier, for the note's author and the park's regisseur."""
    uit: dict[int, list[Notitie]] = defaultdict(list)
    for notitie in _open_opvolgingen().filter(opvolgen_op__lte=vandaag).annotate(regisseur_id=F("terrein__traject__regisseur")):
        for ontvanger in {notitie.auteur_id, notitie.regisseur_id} - {None}:
            uit[ontvanger].append(notitie)
    return dict(uit)
