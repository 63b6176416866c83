"""Deadlines from the doorlooptijd per step (Bijlage 2); the clock stops while a park is postponed."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from stappenplan.models import Stap, Status

# Upper bound of the doorlooptijd per step, in months. Step 6 (evaluatie) runs alongside and has none.
DOORLOOPTIJD_MAANDEN = {
    Stap.INVENTARISATIE: 1,
    Stap.VOORBEREIDING: 1,
    Stap.STARTSESSIE: 2,
    Stap.OPLOSSINGSRICHTING: 3,
    Stap.REALISATIEPLAN: 2,
}
# Uitvoering: realised at the latest five years after the first contact.
UITVOERING_UITERLIJK_MAANDEN = 60
# "Soon due" in the digest and the lists.
BIJNA_DAGEN = 14


def maanden_later(datum: date, maanden: int) -> date:
    jaar, maand = divmod(datum.month - 1 + maanden, 12)
    jaar += datum.year
    maand += 1
    return date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


def termijn_voor_stap(*, stap: int, gestart_op: date, eerste_contact_op: date | None) -> date | None:
    """The date a step should be done by, counted from the day it started."""
    if stap == Stap.UITVOERING:
        return maanden_later(eerste_contact_op or gestart_op, UITVOERING_UITERLIJK_MAANDEN)
    maanden = DOORLOOPTIJD_MAANDEN.get(stap)
    return maanden_later(gestart_op, maanden) if maanden else None


def klok_na_overgang(*, traject, naar_stap: int, naar_status: str, vandaag: date, herbeoordelen_op: date | None = None) -> dict:
    """The clock fields after a transition: a new step restarts the clock, postponing stops it, resuming continues it."""
    van_status = traject.status
    if naar_status == Status.UITGESTELD:
        resterend = (traject.termijn_op - vandaag).days if traject.termijn_op else None
        return {
            "termijn_op": None,
            "uitgesteld_sinds": vandaag,
            "resterende_dagen": resterend,
            "herbeoordelen_op": herbeoordelen_op,
        }
    velden = {"uitgesteld_sinds": None, "resterende_dagen": None, "herbeoordelen_op": None}
    if naar_status != Status.ACTIEF:
        velden["termijn_op"] = None
        if naar_stap != traject.stap:
            velden["stap_gestart_op"] = vandaag
        return velden
    if van_status == Status.UITGESTELD and naar_stap == traject.stap and traject.resterende_dagen is not None:
        # The clock stood still while postponed: continue with the days that were left.
        velden["termijn_op"] = vandaag + timedelta(days=traject.resterende_dagen)
        return velden
    velden["stap_gestart_op"] = vandaag
    velden["termijn_op"] = termijn_voor_stap(stap=naar_stap, gestart_op=vandaag, eerste_contact_op=traject.eerste_contact_op)
    return velden


@dataclass(frozen=True)
class Termijn:
    op: date | None
    dagen_over: int | None
    te_laat: bool
    bijna: bool
    stilgezet: bool


def termijn_van(traject, *, vandaag: date) -> Termijn:
    if traject.status == Status.UITGESTELD:
        return Termijn(None, traject.resterende_dagen, False, False, True)
    if traject.termijn_op is None:
        return Termijn(None, None, False, False, False)
    dagen = (traject.termijn_op - vandaag).days
    return Termijn(traject.termijn_op, dagen, dagen < 0, 0 <= dagen <= BIJNA_DAGEN, False)
