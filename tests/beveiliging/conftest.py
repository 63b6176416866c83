from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from api.models import ApiSleutel
from api.services import api_sleutel_aanmaken
from audit.models import Gebeurtenis, Wijziging
from factsheets.models import Factsheet, FactsheetRun, Variant
from overzicht.models import Kolomkeuze
from plankaarten.models import PlankaartVersie
from prioritering import selectie
from prioritering import services as prioritering_services
from prioritering.models import Afwegingskader, Berekening, Selectieronde
from stappenplan import services as stappenplan_services
from stappenplan.models import Document, Evaluatienotitie, Traject
from terreinen.models import Bedrijventerrein, Gemeente, Initiatief, Netbeheerder, OpgeslagenFilter, Organisatie
from terreinen.services.gebruikers import gebruiker_opslaan
from tests.beveiliging.helpers import MERKTEKEN, vertrouwelijks_zaaien
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, GemeenteFactory, InstrumentFactory, PlankaartFactory, traject_zetten
from toolbox import services as toolbox_services
from toolbox.models import Instrument, InstrumentInzet

ANONIEM, GEMEENTE_EIGEN, GEMEENTE_ANDER = "anoniem", "gemeente-eigen", "gemeente-ander"
ROLNAMEN = (ANONIEM, GEMEENTE_EIGEN, GEMEENTE_ANDER, "medewerker", "regisseur", "beheerder")


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@dataclass
class Omgeving:
    """Two municipalities with a park each and one user per role key; `eigen` is Apeldoorn's park.

    Around the own park there is one object of every kind a URL can point at: a public and a
    confidential stappenplan document, an evaluation note, a toolbox instrument for everyone and
    one for the programme team only (each with a stored version), a use of the instrument on the
    park, a weights version with a selection round, a rendered factsheet, a factsheet run, an API
    key, and a saved filter and a column choice of the own municipality's user.
    """

    eigen: Bedrijventerrein
    elders: Bedrijventerrein
    gebruikers: dict
    sessies: dict
    nieuwe_gemeenten: list
    filter_eigen: OpgeslagenFilter | None = None
    document_openbaar: Document | None = None
    document_vertrouwelijk: Document | None = None
    instrument: Instrument | None = None
    instrument_intern: Instrument | None = None
    kader: Afwegingskader | None = None
    ronde: Selectieronde | None = None
    factsheet_run: FactsheetRun | None = None
    api_sleutel: ApiSleutel | None = None
    berekening_vanaf: int = 0
    kader_nieuw: bool = False


def _rondom_het_terrein_maken(o: Omgeving) -> None:
    """The objects of the other apps that URLs point at, made through their services where those exist."""
    regisseur, beheerder = o.gebruikers["regisseur"], o.gebruikers["beheerder"]
    o.filter_eigen = OpgeslagenFilter.objects.create(user=o.gebruikers["gemeente-eigen"], naam="Mijn filter", querystring="q=eco")
    Kolomkeuze.objects.create(user=o.gebruikers["gemeente-eigen"], lijst="terreinen", kolommen=["stap", "gemeente"])

    traject = Traject.objects.get(terrein=o.eigen)
    # Confidential outputs of the startsessie (project team, kartrekker), recorded with their history, and an evaluation note.
    stappenplan_services.traject_gegevens_opslaan(
        traject=traject, user=regisseur, gegevens={"projectteam": f"Teamlid {MERKTEKEN}", "kartrekker": f"Kartrekker {MERKTEKEN}"}
    )
    Evaluatienotitie.objects.create(
        traject=traject, stap=0, soort="verbeterpunt", tekst=f"Leerpunt {MERKTEKEN}", auteur=regisseur
    )
    o.document_openbaar = stappenplan_services.document_toevoegen(
        traject=traject,
        user=regisseur,
        stap=0,
        soort="verslag",
        bestand=SimpleUploadedFile("verslag.png", PNG),
        vertrouwelijk=False,
    )
    o.document_vertrouwelijk = stappenplan_services.document_toevoegen(
        traject=traject, user=regisseur, stap=0, soort="overig", bestand=SimpleUploadedFile("geheim.pdf", PDF), vertrouwelijk=True
    )

    o.instrument = InstrumentFactory(titel="Matrix-instrument", slug="matrix-instrument")
    o.instrument_intern = InstrumentFactory(titel="Matrix-intern", slug="matrix-intern", doelgroepen=["eigen_gebruik"])
    for instrument in (o.instrument, o.instrument_intern):
        toolbox_services.instrument_versie_toevoegen(
            door=beheerder, instrument=instrument, bestand=SimpleUploadedFile("handreiking.txt", b"Handreiking laadplein\n")
        )
    toolbox_services.instrument_inzet_vastleggen(
        door=regisseur,
        terrein=o.eigen,
        instrument=o.instrument,
        stap=0,
        datum=date(2026, 1, 15),
        uitkomst="Bijeenkomst gehouden",
        notitie=f"Notitie {MERKTEKEN}",
    )

    o.kader_nieuw = not Afwegingskader.objects.exists()
    o.kader = prioritering_services.afwegingskader_actueel()
    prioritering_services.prioriteiten_berekenen(kader=o.kader)
    # A round saved as the service saves it, without candidates (the test parks have no high demand).
    uitkomst = selectie.selecteren([], 1)
    o.ronde = Selectieronde.objects.create(
        naam="Matrixronde",
        aangemaakt_door=regisseur,
        kader=o.kader,
        aantal_gevraagd=1,
        aantal_kandidaten=0,
        verdeling=uitkomst.verdeling,
        dekking=uitkomst.dekking,
        tekorten=[str(t) for t in uitkomst.tekorten],
    )

    factsheet = Factsheet(terrein=o.eigen, variant=Variant.FACTSHEET, data_hash="0" * 64, gegenereerd_op=timezone.now())
    factsheet.bestand.save(f"matrix-{o.eigen.rin}.pdf", ContentFile(PDF), save=False)
    factsheet.grootte = len(PDF)
    factsheet.save()
    o.factsheet_run = FactsheetRun.objects.create(
        status=FactsheetRun.Status.KLAAR, klaar_op=timezone.now(), gestart_door=beheerder
    )
    o.api_sleutel, _ruw = api_sleutel_aanmaken(organisatie="Matrix Netbeheer", door=beheerder)


def omgeving_maken() -> Omgeving:
    bestaande_gemeenten = set(Gemeente.objects.values_list("code", flat=True))
    berekening_vanaf = (Berekening.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
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
    traject_zetten(terrein=eigen, regisseur=gebruikers["regisseur"])
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
    omgeving = Omgeving(eigen=eigen, elders=elders, gebruikers=gebruikers, sessies=sessies, nieuwe_gemeenten=nieuwe_gemeenten)
    omgeving.berekening_vanaf = berekening_vanaf
    _rondom_het_terrein_maken(omgeving)
    return omgeving


def omgeving_opruimen(omgeving: Omgeving) -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.sessions.models import Session

    Selectieronde.objects.filter(naam="Matrixronde").delete()
    FactsheetRun.objects.filter(gestart_door__username__startswith="matrix-").delete()
    ApiSleutel.objects.filter(organisatie="Matrix Netbeheer").delete()
    Bedrijventerrein.objects.filter(pk__in=[omgeving.eigen.pk, omgeving.elders.pk]).delete()
    # Organisations belong to no park: those the environment linked to its parks are left without links.
    Organisatie.objects.filter(betrokkenheden__isnull=True).delete()
    InstrumentInzet.objects.filter(instrument__slug__startswith="matrix-").delete()
    Instrument.objects.filter(slug__startswith="matrix-").delete()
    PlankaartVersie.objects.filter(plankaarten__isnull=True).delete()
    get_user_model().objects.filter(username__startswith="matrix-").delete()
    Gemeente.objects.filter(code__in=omgeving.nieuwe_gemeenten).delete()
    Initiatief.objects.filter(naam="Lola Apeldoorn").delete()
    for model in (Wijziging, Gebeurtenis, Session, AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.all().delete()
    # Last: deleting parks and initiatives above queues recomputations of the scores.
    Berekening.objects.filter(pk__gte=omgeving.berekening_vanaf).delete()
    if omgeving.kader_nieuw:
        Afwegingskader.objects.filter(pk=omgeving.kader.pk).delete()


@pytest.fixture(scope="module")
def omgeving(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once per module and committed; every test still runs in its own rolled-back transaction.

    Uploaded files go to a folder of this module, so no test meets another's documents.
    """
    with override_settings(MEDIA_ROOT=Path(tmp_path_factory.mktemp("media"))), django_db_blocker.unblock():
        omgeving = omgeving_maken()
        yield omgeving
        omgeving_opruimen(omgeving)
