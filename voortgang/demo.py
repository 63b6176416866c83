"""Demo history: a plausible, deterministic past of the demo region in the stappenplan over the last 18 months.

Only for the demo (`load_demo`); a real installation starts without history and fills its log as work is done.
Every generated log row carries the reason DEMO_REDEN and every evaluation note ends in DEMO_MARKERING, so demo
data can be told apart. Parks that already have a move in their log are left alone, so running it again changes
nothing. The same parks on the same day give the same history: the random choices are seeded per park (RIN).
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from audit import bulk
from stappenplan.models import Evaluatienotitie, Stap, StapOvergang, StartsessieUitkomst, Status, Traject
from stappenplan.termijnen import termijn_voor_stap
from voortgang.geschiedenis import norm_dagen

DEMO_REDEN = "Demogeschiedenis (gegenereerd voor de demoregio)"
DEMO_MARKERING = " (demo)"
DEMO_MAANDEN = 18
# Share of the untouched parks that get a history; the rest stay at step 0, as most parks would.
AANDEEL_MET_GESCHIEDENIS = 0.45
# How much longer or shorter than the plan each step typically takes in the demo (1 = as planned).
TEMPO = {
    Stap.INVENTARISATIE: 0.8,
    Stap.VOORBEREIDING: 1.1,
    Stap.STARTSESSIE: 1.8,
    Stap.OPLOSSINGSRICHTING: 1.0,
    Stap.REALISATIEPLAN: 1.2,
}
NOTITIES = (
    (Stap.STARTSESSIE, Evaluatienotitie.Soort.TOP, "Startsessie op het terrein zelf trok meer ondernemers dan online."),
    (
        Stap.STARTSESSIE,
        Evaluatienotitie.Soort.VERBETERPUNT,
        "Plan de startsessie eerder: agenda's van ondernemers zitten weken vol.",
    ),
    (Stap.OPLOSSINGSRICHTING, Evaluatienotitie.Soort.TIP, "Neem de netbeheerder vanaf de eerste ronde mee in de afweging."),
    (Stap.VOORBEREIDING, Evaluatienotitie.Soort.TIP, "Het warme contact via parkmanagement scheelt weken."),
    (Stap.EVALUATIE, Evaluatienotitie.Soort.TOP, "Collectief laadplein gerealiseerd binnen het budget."),
)


@dataclass
class _Verloop:
    eerste_contact_op: date
    stap: int = Stap.INVENTARISATIE
    status: str = Status.ACTIEF
    stap_gestart_op: date | None = None
    uitgesteld_sinds: date | None = None
    herbeoordelen_op: date | None = None
    dagen_uitgesteld: int = 0
    ronde: int = 1
    startsessie_uitkomst: str = ""
    rijen: list[tuple] = field(default_factory=list)
    notities: list[tuple] = field(default_factory=list)


def _duur(rng: random.Random, stap: int) -> int:
    if stap == Stap.UITVOERING:
        return rng.randint(150, 420)
    if stap == Stap.EVALUATIE:
        return rng.randint(25, 90)
    return max(5, round(norm_dagen(stap) * TEMPO[stap] * rng.lognormvariate(0, 0.35)))


def _verloop(rng: random.Random, *, begin: date, vandaag: date) -> _Verloop:
    """Walk one park through the steps from `begin`, stopping at `vandaag`."""
    v = _Verloop(eerste_contact_op=begin, stap_gestart_op=begin)
    datum = begin

    def zet(actie, naar_stap, naar_status, op):
        v.rijen.append((actie, v.stap, naar_stap, v.status, naar_status, op))
        if naar_stap != v.stap:
            v.stap_gestart_op, v.dagen_uitgesteld = op, 0
        v.stap, v.status = naar_stap, naar_status

    def verder(dagen) -> bool:
        nonlocal datum
        datum += timedelta(days=dagen)
        return datum <= vandaag

    if not verder(_duur(rng, Stap.INVENTARISATIE)):
        return v
    zet("inventarisatie_afronden", Stap.VOORBEREIDING, Status.ACTIEF, datum)
    kans = rng.random()
    if kans < 0.12:
        if verder(_duur(rng, Stap.VOORBEREIDING)):
            zet("initiatief_volgen", Stap.VOORBEREIDING, Status.VOLGEN, datum)
        return v
    if kans < 0.24:
        if not verder(rng.randint(5, 20)):
            return v
        zet("uitstellen", Stap.VOORBEREIDING, Status.UITGESTELD, datum)
        v.uitgesteld_sinds, stil = datum, rng.randint(30, 150)
        v.herbeoordelen_op = datum + timedelta(days=stil)
        if not verder(stil):
            return v
        zet("hervatten", Stap.VOORBEREIDING, Status.ACTIEF, datum)
        v.dagen_uitgesteld, v.uitgesteld_sinds, v.herbeoordelen_op = stil, None, None
    if not verder(_duur(rng, Stap.VOORBEREIDING)):
        return v
    zet("voorbereiding_afronden", Stap.STARTSESSIE, Status.ACTIEF, datum)
    if not verder(_duur(rng, Stap.STARTSESSIE)):
        return v
    kans = rng.random()
    if kans < 0.12:
        v.startsessie_uitkomst = StartsessieUitkomst.ZELFSTANDIG
        zet("zelfstandig_verder", Stap.STARTSESSIE, Status.ZELFSTANDIG, datum)
        return v
    if kans < 0.2:
        v.startsessie_uitkomst = StartsessieUitkomst.GEEN_BEHOEFTE
        zet("geen_behoefte", Stap.STARTSESSIE, Status.GESTOPT, datum)
        return v
    v.startsessie_uitkomst = StartsessieUitkomst.VERDER_ONDERZOEK
    zet("verder_onderzoek", Stap.OPLOSSINGSRICHTING, Status.ACTIEF, datum)
    if rng.random() < 0.3:
        v.notities.append((Stap.STARTSESSIE, datum))
    if rng.random() < 0.25:
        if not verder(_duur(rng, Stap.OPLOSSINGSRICHTING)):
            return v
        zet("opnieuw_verkennen", Stap.OPLOSSINGSRICHTING, Status.ACTIEF, datum)
        v.ronde += 1
    for stap, actie in (
        (Stap.OPLOSSINGSRICHTING, "oplossingsrichting_vaststellen"),
        (Stap.REALISATIEPLAN, "realisatieplan_vaststellen"),
        (Stap.UITVOERING, "realisatie_afronden"),
    ):
        if not verder(_duur(rng, stap)):
            return v
        zet(actie, stap + 1, Status.ACTIEF, datum)
        if stap == Stap.OPLOSSINGSRICHTING and rng.random() < 0.3:
            v.notities.append((Stap.OPLOSSINGSRICHTING, datum))
    if verder(_duur(rng, Stap.EVALUATIE)):
        zet("afronden", Stap.EVALUATIE, Status.AFGEROND, datum)
        v.notities.append((Stap.EVALUATIE, datum))
    return v


def _klok(v: _Verloop, vandaag: date) -> dict:
    """The traject's clock fields after its last demo move, as `stappenplan.termijnen.klok_na_overgang` would leave them."""
    velden = {"termijn_op": None, "uitgesteld_sinds": None, "resterende_dagen": None, "herbeoordelen_op": None}
    if v.status == Status.ACTIEF:
        termijn = termijn_voor_stap(stap=v.stap, gestart_op=v.stap_gestart_op, eerste_contact_op=v.eerste_contact_op)
        velden["termijn_op"] = termijn + timedelta(days=v.dagen_uitgesteld) if termijn else None
    elif v.status == Status.UITGESTELD:
        termijn = termijn_voor_stap(stap=v.stap, gestart_op=v.stap_gestart_op, eerste_contact_op=v.eerste_contact_op)
        velden.update(
            uitgesteld_sinds=v.uitgesteld_sinds,
            herbeoordelen_op=v.herbeoordelen_op,
            resterende_dagen=(termijn - v.uitgesteld_sinds).days if termijn else None,
        )
    return velden


def _moment(datum: date, rin: int) -> datetime:
    return timezone.make_aware(datetime.combine(datum, time(9 + rin % 8, (rin * 7) % 60)))


@transaction.atomic
def demo_geschiedenis_laden(*, vandaag: date | None = None) -> int:
    """Give untouched demo parks a history of moves over the last DEMO_MAANDEN months; returns how many parks got one."""
    vandaag = vandaag or timezone.localdate()
    regisseur = get_user_model().objects.filter(username="demo-regisseur").first()
    onaangeroerd = (
        Traject.objects.filter(stap=Stap.INVENTARISATIE, status=Status.ACTIEF, versie=0, overgangen__isnull=True)
        .select_related("terrein")
        .only("pk", "regisseur_id", "terrein__rin")
        .order_by("terrein__rin")
    )
    logs, notities, aantal = [], [], 0
    for traject in onaangeroerd:
        rin = traject.terrein.rin
        rng = random.Random(f"nal-oost-demo-{rin}")  # noqa: S311 - demo data, not security
        if rng.random() >= AANDEEL_MET_GESCHIEDENIS:
            continue
        begin = vandaag - timedelta(days=rng.randint(20, DEMO_MAANDEN * 30))
        v = _verloop(rng, begin=begin, vandaag=vandaag)
        if not v.rijen:
            continue
        for versie, (actie, van_stap, naar_stap, van_status, naar_status, op) in enumerate(v.rijen, start=1):
            logs.append(
                StapOvergang(
                    traject=traject,
                    actie=actie,
                    van_stap=van_stap,
                    naar_stap=naar_stap,
                    van_status=van_status,
                    naar_status=naar_status,
                    versie=versie,
                    op=_moment(op, rin),
                    reden=DEMO_REDEN,
                )
            )
        for stap, op in v.notities:
            keuze = [n for n in NOTITIES if n[0] == stap]
            _stap, soort, tekst = keuze[rng.randrange(len(keuze))]
            notities.append((Evaluatienotitie(traject=traject, stap=stap, soort=soort, tekst=tekst + DEMO_MARKERING), op, rin))
        # The demo sets the end state its log describes, where the application would use stap_zetten (audited in bulk).
        bulk.bijwerken(
            Traject.objects.filter(pk=traject.pk),
            stap=v.stap,
            status=v.status,
            versie=len(v.rijen),
            eerste_contact_op=v.eerste_contact_op,
            stap_gestart_op=v.stap_gestart_op,
            ronde=v.ronde,
            startsessie_uitkomst=v.startsessie_uitkomst,
            regisseur_id=traject.regisseur_id or (regisseur.pk if regisseur else None),
            **_klok(v, vandaag),
        )
        aantal += 1
    StapOvergang.objects.bulk_create(logs, batch_size=1000)
    for notitie, op, rin in notities:
        notitie.save()
        Evaluatienotitie.objects.filter(pk=notitie.pk).update(aangemaakt_op=_moment(op, rin))
    return aantal
