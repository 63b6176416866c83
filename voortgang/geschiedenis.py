"""A park's past in the stappenplan, rebuilt from its transition log: pure functions over plain values.

- `toestand_op`: where a park stood at the end of a day. After its last logged move on or before that
  day it stood where that move took it; before its first move it stood where that move started; a park
  without moves stood where it stands now.
- `verblijven`: the stays of a park in a step, each with its start, end, days on hold (status
  uitgesteld, the clock stands still as in `stappenplan.termijnen`), how it ended and its step-3 rounds.
  The first stay in step 0 starts at the first contact (`eerste_contact_op`); a stay whose start is not
  known is kept but has no duration.
- `mediaan` and `percentiel_80`: the median (mean of the two middle values for an even count) and the
  80th percentile by nearest rank (the smallest value with at least 80 % of the values at or below it).
"""

import bisect
import math
import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta

from stappenplan.models import Stap, Status
from stappenplan.termijnen import DOORLOOPTIJD_MAANDEN, termijn_voor_stap

# Statuses with which a park leaves the route (it may be reopened later).
UIT_ROUTE = (Status.ZELFSTANDIG, Status.GESTOPT, Status.VOLGEN)
# Why a park left the route, from the move that took it off: the move's name first, then its new status.
REDEN_GEEN_BEHOEFTE = "geen_behoefte"
VERTREK_REDENEN = ("zelfstandig", REDEN_GEEN_BEHOEFTE, "volgen", "gestopt")
ACTIE_NIEUWE_RONDE = "opnieuw_verkennen"
# Average month length, to set a norm in months against durations in days.
DAGEN_PER_MAAND = 365.25 / 12


@dataclass(frozen=True)
class Beweging:
    """One row of the transition log, reduced to what history needs."""

    op: date
    actie: str
    van_stap: int
    naar_stap: int
    van_status: str
    naar_status: str


@dataclass
class Verblijf:
    stap: int
    begin: date | None
    eind: date | None = None
    dagen_uitgesteld: int = 0
    # "vooruit", "terug", "uit_route", "afgerond" or "" (still running at the end of the history read)
    afloop: str = ""
    vertrekreden: str = ""
    rondes: int = 1
    uitgesteld_sinds: date | None = field(default=None, repr=False)

    @property
    def dagen(self) -> int | None:
        """Days in the step without the days on hold; None when the start or the end is not known."""
        if self.begin is None or self.eind is None:
            return None
        return (self.eind - self.begin).days - self.dagen_uitgesteld

    def dagen_tot(self, datum: date) -> int | None:
        """Days in the step up to `datum` (for a stay still running), without the days on hold."""
        if self.begin is None:
            return None
        eind = min(self.eind, datum) if self.eind else datum
        stil = self.dagen_uitgesteld + ((datum - self.uitgesteld_sinds).days if self.uitgesteld_sinds and not self.eind else 0)
        return (eind - self.begin).days - stil


def toestand_op(bewegingen: list[Beweging], huidig: tuple[int, str], datum: date, *, datums: list[date] | None = None):
    """(step, status) at the end of `datum`; `datums` (the moves' dates, sorted) may be passed to save the work."""
    if not bewegingen:
        return huidig
    datums = datums if datums is not None else [b.op for b in bewegingen]
    i = bisect.bisect_right(datums, datum)
    if i == 0:
        return bewegingen[0].van_stap, bewegingen[0].van_status
    laatste = bewegingen[i - 1]
    return laatste.naar_stap, laatste.naar_status


def vertrekreden(beweging: Beweging) -> str:
    if beweging.actie == REDEN_GEEN_BEHOEFTE:
        return REDEN_GEEN_BEHOEFTE
    return str(beweging.naar_status)


def verblijven(bewegingen: list[Beweging], *, eerste_contact_op: date | None, tot: date | None = None) -> list[Verblijf]:
    """The park's stays in a step, from its moves up to and including `tot` (all when None)."""
    if tot is not None:
        bewegingen = [b for b in bewegingen if b.op <= tot]
    if not bewegingen:
        return []
    eerste = bewegingen[0]
    huidig: Verblijf | None = Verblijf(
        stap=eerste.van_stap, begin=eerste_contact_op if eerste.van_stap == Stap.INVENTARISATIE else None
    )
    if eerste.van_status == Status.UITGESTELD:
        huidig.uitgesteld_sinds = huidig.begin
    uit: list[Verblijf] = [huidig]
    for b in bewegingen:
        if huidig is not None and huidig.uitgesteld_sinds is not None and b.naar_status != Status.UITGESTELD:
            huidig.dagen_uitgesteld += (b.op - huidig.uitgesteld_sinds).days
            huidig.uitgesteld_sinds = None
        if huidig is not None and b.naar_stap != huidig.stap:
            huidig.eind, huidig.afloop = b.op, ("vooruit" if b.naar_stap > huidig.stap else "terug")
            huidig = None
        elif huidig is not None and b.naar_status in UIT_ROUTE:
            huidig.eind, huidig.afloop, huidig.vertrekreden = b.op, "uit_route", vertrekreden(b)
            huidig = None
            continue
        elif huidig is not None and b.naar_status == Status.AFGEROND:
            huidig.eind, huidig.afloop = b.op, "afgerond"
            huidig = None
            continue
        elif huidig is not None and b.actie == ACTIE_NIEUWE_RONDE:
            huidig.rondes += 1
        if huidig is None and b.naar_status not in (*UIT_ROUTE, Status.AFGEROND):
            huidig = Verblijf(stap=b.naar_stap, begin=b.op)
            uit.append(huidig)
        if huidig is not None and b.naar_status == Status.UITGESTELD and huidig.uitgesteld_sinds is None:
            huidig.uitgesteld_sinds = b.op
    return uit


def termijn_van_verblijf(verblijf: Verblijf, *, eerste_contact_op: date | None) -> date | None:
    """The day a running stay should be done by: the step's norm from its start, moved on by the days on hold."""
    if verblijf.begin is None:
        return None
    termijn = termijn_voor_stap(stap=verblijf.stap, gestart_op=verblijf.begin, eerste_contact_op=eerste_contact_op)
    return termijn + timedelta(days=verblijf.dagen_uitgesteld) if termijn else None


def norm_dagen(stap: int) -> float | None:
    maanden = DOORLOOPTIJD_MAANDEN.get(stap)
    return maanden * DAGEN_PER_MAAND if maanden else None


def mediaan(waarden: list[int]) -> float | None:
    return statistics.median(waarden) if waarden else None


def percentiel_80(waarden: list[int]) -> int | None:
    if not waarden:
        return None
    geordend = sorted(waarden)
    return geordend[math.ceil(0.8 * len(geordend)) - 1]


def verschil_met_norm(mediaan_dagen: float | None, stap: int) -> str:
    """ "langer" or "korter" when the median differs from the step's norm by more than half of it, else ""."""
    norm = norm_dagen(stap)
    if norm is None or mediaan_dagen is None:
        return ""
    if mediaan_dagen > 1.5 * norm:
        return "langer"
    if mediaan_dagen < 0.5 * norm:
        return "korter"
    return ""
