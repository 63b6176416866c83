"""Parks with a known history of moves, so every figure can be asserted to the day (see the numbers in each test)."""

from datetime import date, datetime, time

import pytest
from django.utils import timezone

from stappenplan.models import Evaluatienotitie, StapOvergang, Traject
from tests.factories import BedrijventerreinFactory, UserFactory, traject_zetten


def moment(datum: date) -> datetime:
    return timezone.make_aware(datetime.combine(datum, time(12, 0)))


def park_met_geschiedenis(gemeente, naam, *, eerste_contact_op, stap, status, moves, regisseur=None):
    terrein = BedrijventerreinFactory(gemeente=gemeente, naam=naam)
    traject = traject_zetten(
        terrein=terrein, stap=stap, status=status, versie=len(moves), eerste_contact_op=eerste_contact_op, regisseur=regisseur
    )
    for versie, (op, actie, van_stap, naar_stap, van_status, naar_status) in enumerate(moves, start=1):
        StapOvergang.objects.create(
            traject=traject,
            actie=actie,
            van_stap=van_stap,
            naar_stap=naar_stap,
            van_status=van_status,
            naar_status=naar_status,
            versie=versie,
            op=moment(op),
            reden="vertrouwelijke reden",
        )
    return terrein


@pytest.fixture
def geschiedenis(twee_gemeenten):
    """A, B and D in Apeldoorn (Gelderland), C in Zwolle (Overijssel).

    A: contact 5 Jan; 0→1 20 Jan; on hold 1 Feb – 3 Mar (30 days); 1→2 20 Mar; 2→3 10 Jul; new round 1 Aug; 3→4 15 Sep.
       Days in step: 0: 15, 1: 59 − 30 = 29, 2: 112, 3: 67 (two rounds).
    B: contact 1 Feb; 0→1 11 Feb; 1→2 13 Mar; leaves the route (zelfstandig) 12 May.   Days: 0: 10, 1: 30.
    C: contact 1 Jan; 0→1 15 Feb; 1→2 1 Apr; 2→3 1 Jul; in step 3 since (deadline 1 Oct).   Days: 0: 45, 1: 45, 2: 91.
    D: no traject (not started).
    """
    apeldoorn, zwolle = twee_gemeenten
    regisseur = UserFactory(username="r.regisseur", first_name="Renate", last_name="Regisseur")
    a = park_met_geschiedenis(
        apeldoorn,
        "Ecofactorij",
        eerste_contact_op=date(2026, 1, 5),
        stap=4,
        status="actief",
        regisseur=regisseur,
        moves=[
            (date(2026, 1, 20), "inventarisatie_afronden", 0, 1, "actief", "actief"),
            (date(2026, 2, 1), "uitstellen", 1, 1, "actief", "uitgesteld"),
            (date(2026, 3, 3), "hervatten", 1, 1, "uitgesteld", "actief"),
            (date(2026, 3, 20), "voorbereiding_afronden", 1, 2, "actief", "actief"),
            (date(2026, 7, 10), "verder_onderzoek", 2, 3, "actief", "actief"),
            (date(2026, 8, 1), "opnieuw_verkennen", 3, 3, "actief", "actief"),
            (date(2026, 9, 15), "oplossingsrichting_vaststellen", 3, 4, "actief", "actief"),
        ],
    )
    b = park_met_geschiedenis(
        apeldoorn,
        "Kayersdijk",
        eerste_contact_op=date(2026, 2, 1),
        stap=2,
        status="zelfstandig",
        moves=[
            (date(2026, 2, 11), "inventarisatie_afronden", 0, 1, "actief", "actief"),
            (date(2026, 3, 13), "voorbereiding_afronden", 1, 2, "actief", "actief"),
            (date(2026, 5, 12), "zelfstandig_verder", 2, 2, "actief", "zelfstandig"),
        ],
    )
    c = park_met_geschiedenis(
        zwolle,
        "Hessenpoort",
        eerste_contact_op=date(2026, 1, 1),
        stap=3,
        status="actief",
        regisseur=regisseur,
        moves=[
            (date(2026, 2, 15), "inventarisatie_afronden", 0, 1, "actief", "actief"),
            (date(2026, 4, 1), "voorbereiding_afronden", 1, 2, "actief", "actief"),
            (date(2026, 7, 1), "verder_onderzoek", 2, 3, "actief", "actief"),
        ],
    )
    d = BedrijventerreinFactory(gemeente=apeldoorn, naam="Stadhoudersmolen")
    # Not started: a park from before trajecten were created with their park (every new park has one).
    Traject.objects.filter(terrein=d).delete()
    notitie = Evaluatienotitie.objects.create(
        traject=a.traject, stap=2, soort="verbeterpunt", tekst="Startsessie eerder plannen", auteur=regisseur
    )
    Evaluatienotitie.objects.filter(pk=notitie.pk).update(aangemaakt_op=moment(date(2026, 7, 10)))
    return {"a": a, "b": b, "c": c, "d": d, "regisseur": regisseur}
