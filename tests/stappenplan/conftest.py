import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from stappenplan import services
from stappenplan.models import CHECKLIST_ACHTERGROND, CHECKLIST_FINANCIAL_CLOSE, Document, Stap, Traject
from tests.factories import BedrijventerreinFactory, PlankaartFactory

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
# A fixed moment, so deadlines in tests do not depend on the day they run.
NU = timezone.make_aware(dt.datetime(2026, 3, 2, 10, 0))
VANDAAG = NU.date()


def pdf(naam="stuk.pdf", inhoud=PDF):
    return SimpleUploadedFile(naam, inhoud, content_type="application/pdf")


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def regisseur(maak_gebruiker):
    return maak_gebruiker("regisseur", username="regisseur-a")


@pytest.fixture
def terrein(twee_gemeenten):
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam="Ecofactorij")
    PlankaartFactory(terrein=terrein)
    return terrein


@pytest.fixture
def traject(terrein):
    services.trajecten_aanmaken(terrein_ids=[terrein.pk])
    return Traject.objects.get(terrein=terrein)


def zet(traject, actie, user, **kwargs):
    kwargs.setdefault("nu", NU)
    return services.stap_zetten(traject=traject, actie=actie, user=user, **kwargs)


def stap0_invullen(traject, user):
    services.traject_gegevens_opslaan(
        traject=traject,
        user=user,
        gegevens={"checklist_achtergrond": [s for s, _ in CHECKLIST_ACHTERGROND], "eerste_contact_op": dt.date(2026, 1, 15)},
    )


def stap1_invullen(traject, user, route="los_initiatief"):
    for soort, organisatie in (("gemeente", "Gemeente Apeldoorn"), ("netbeheerder", "Liander"), ("parkmanagement", "PM Eco")):
        services.stakeholder_toevoegen(traject=traject, user=user, organisatie=organisatie, soort=soort)
    services.traject_gegevens_opslaan(
        traject=traject, user=user, gegevens={"orientatiegesprek_op": dt.date(2026, 2, 1), "aanvliegroute": route}
    )


def stap2_invullen(traject, user, intentieverklaring=True):
    services.traject_gegevens_opslaan(
        traject=traject,
        user=user,
        gegevens={
            "startsessie_op": dt.date(2026, 2, 20),
            "probleemstelling": "Netcongestie; 40 trucks in 2030 zonder laadplek.",
            "projectteam": "A. Jansen (provincie)\nB. de Vries (PM Eco)",
            "kartrekker": "A. Jansen",
        },
    )
    if intentieverklaring:
        services.document_toevoegen(
            traject=traject, user=user, stap=Stap.STARTSESSIE, soort=Document.Soort.INTENTIEVERKLARING, bestand=pdf("loi.pdf")
        )


def stap3_invullen(traject, user):
    richting = services.oplossingsrichting_toevoegen(
        traject=traject, user=user, titel="Collectief laadplein", afwegingen=["openbare_ruimte", "lokale_opwek"]
    )
    services.oplossingsrichting_markeren(richting=richting, user=user)
    services.traject_gegevens_opslaan(traject=traject, user=user, gegevens={"besluit_op": dt.date(2026, 4, 1)})


def stap4_invullen(traject, user):
    services.document_toevoegen(
        traject=traject, user=user, stap=Stap.REALISATIEPLAN, soort=Document.Soort.PROJECTPLAN, bestand=pdf("plan.pdf")
    )
    services.traject_gegevens_opslaan(
        traject=traject,
        user=user,
        gegevens={"checklist_financial_close": [s for s, _ in CHECKLIST_FINANCIAL_CLOSE], "penvoerder": "PM Eco"},
    )


def stap5_invullen(traject, user):
    services.traject_gegevens_opslaan(
        traject=traject, user=user, gegevens={"gerealiseerd_op": dt.date(2027, 1, 1), "realisatie": "12 laadpunten van 350 kW"}
    )


def naar_stap(traject, user, stap):
    """Take a park forward through the normal path up to `stap`, filling each step's outputs."""
    stappen = [
        (stap0_invullen, "inventarisatie_afronden"),
        (stap1_invullen, "voorbereiding_afronden"),
        (stap2_invullen, "verder_onderzoek"),
        (stap3_invullen, "oplossingsrichting_vaststellen"),
        (stap4_invullen, "realisatieplan_vaststellen"),
        (stap5_invullen, "realisatie_afronden"),
    ]
    for invullen, actie in stappen[traject.stap : stap]:
        invullen(traject, user)
        zet(traject, actie, user)
    return traject
