from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import Gebeurtenis, Wijziging
from plankaarten.models import PlankaartVersie
from stappenplan.models import Traject
from terreinen.models import Bedrijventerrein, Gemeente, Initiatief, Netbeheerder
from terreinen.services.gebruikers import gebruiker_opslaan
from tests.beveiliging.helpers import vertrouwelijks_zaaien
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, GemeenteFactory, PlankaartFactory

ANONIEM, GEMEENTE_EIGEN, GEMEENTE_ANDER = "anoniem", "gemeente-eigen", "gemeente-ander"
ROLNAMEN = (ANONIEM, GEMEENTE_EIGEN, GEMEENTE_ANDER, "medewerker", "regisseur", "beheerder")


@dataclass
class Omgeving:
    """Two municipalities with a park each and one user per role key; `eigen` is Apeldoorn's park."""

    eigen: Bedrijventerrein
    elders: Bedrijventerrein
    gebruikers: dict
    sessies: dict
    nieuwe_gemeenten: list


def omgeving_maken() -> Omgeving:
    bestaande_gemeenten = set(Gemeente.objects.values_list("code", flat=True))
    apeldoorn = GemeenteFactory(code="GM0200", naam="Apeldoorn")
    zwolle = GemeenteFactory(code="GM0193", naam="Zwolle", overijssel=True)
    netbeheerder, _ = Netbeheerder.objects.get_or_create(naam="Liander")
    eigen = BedrijventerreinFactory(gemeente=apeldoorn, naam="Ecofactorij", netbeheerder=netbeheerder, met_geometrie=True)
    elders = BedrijventerreinFactory(gemeente=zwolle, naam="Hessenpoort")
    eigen.initiatieven.add(Initiatief.objects.create(naam="Lola Apeldoorn", soort="lola"))
    PlankaartFactory(terrein=eigen)
    gebruikers = {ANONIEM: None}
    for sleutel, rol, codes in (
        (GEMEENTE_EIGEN, "gemeente", ["GM0200"]),
        (GEMEENTE_ANDER, "gemeente", ["GM0193"]),
        ("medewerker", "medewerker", []),
        ("regisseur", "regisseur", []),
        ("beheerder", "beheerder", []),
    ):
        gebruikers[sleutel], _ = gebruiker_opslaan(
            username=f"matrix-{sleutel}", rol=rol, gemeente_codes=codes, password=WACHTWOORD
        )
    Traject.objects.create(terrein=eigen, regisseur=gebruikers["regisseur"])
    # An enrolment in progress, so the admin's device pages have an object to show.
    TOTPDevice.objects.create(user=gebruikers[GEMEENTE_ANDER], name="in-aanmelding", confirmed=False)
    vertrouwelijks_zaaien(eigen, auteur=gebruikers["regisseur"])
    sessies = {}
    for sleutel, user in gebruikers.items():
        if user is not None:
            client = Client()
            client.force_login(user)
            sessies[sleutel] = client.cookies["sessionid"].value
    nieuwe_gemeenten = [c for c in ("GM0200", "GM0193") if c not in bestaande_gemeenten]
    return Omgeving(eigen=eigen, elders=elders, gebruikers=gebruikers, sessies=sessies, nieuwe_gemeenten=nieuwe_gemeenten)


def omgeving_opruimen(omgeving: Omgeving) -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.sessions.models import Session

    Bedrijventerrein.objects.filter(pk__in=[omgeving.eigen.pk, omgeving.elders.pk]).delete()
    PlankaartVersie.objects.filter(plankaarten__isnull=True).delete()
    get_user_model().objects.filter(username__startswith="matrix-").delete()
    Gemeente.objects.filter(code__in=omgeving.nieuwe_gemeenten).delete()
    Initiatief.objects.filter(naam="Lola Apeldoorn").delete()
    for model in (Wijziging, Gebeurtenis, Session, AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.all().delete()


@pytest.fixture(scope="module")
def omgeving(django_db_setup, django_db_blocker):
    """Built once per module and committed; every test still runs in its own rolled-back transaction."""
    with django_db_blocker.unblock():
        omgeving = omgeving_maken()
        yield omgeving
        omgeving_opruimen(omgeving)
