"""The park list as a workbench: rank/score, regisseur and completeness columns, priority class filter, export columns."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from prioritering.models import Prioriteit
from prioritering.services import afwegingskader_actueel
from stappenplan import services
from stappenplan.models import Traject
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def werkbank(twee_gemeenten, maak_gebruiker):
    kader = afwegingskader_actueel()
    hoog = BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam="Hoogpark", parkmanagement=True, aantal_bedrijven=12)
    laag = BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam="Laagpark")
    for rang, (terrein, klasse, score) in enumerate(((hoog, "hoog", 75), (laag, "laag", 10)), start=1):
        Prioriteit.objects.create(
            terrein=terrein, kader=kader, score=score, rang=rang, vraagklasse=klasse, uitsplitsing=[], berekend_op=timezone.now()
        )
    regisseur = maak_gebruiker("regisseur", username="rie")
    regisseur.first_name, regisseur.last_name = "Rie", "Jansen"
    regisseur.save()
    services.trajecten_aanmaken()
    services.regisseur_toewijzen(trajecten=Traject.objects.filter(terrein=hoog), regisseur=regisseur)
    return hoog, laag, regisseur


def test_list_shows_rank_score_regisseur_and_criteria_known(client, werkbank):
    hoog, laag, regisseur = werkbank
    assert client.login(username=regisseur.username, password=WACHTWOORD)
    response = client.get(reverse("terrein-lijst") + "?sortering=rang")
    body = response.content.decode()
    assert {"rang", "regisseur", "criteria_bekend"} <= {k.sleutel for k in response.context["kolommen"]}
    assert "Criteria bekend" in body
    assert [t.naam for t in response.context["terreinen"]] == ["Hoogpark", "Laagpark"]
    eerste = response.context["terreinen"][0]
    assert (eerste.prio_rang, eerste.prio_score, eerste.regisseur_naam, eerste.criteria_bekend) == (1, 75, "Rie Jansen", 2)
    assert "2/9" in body


def test_filters_on_priority_class_and_unknown_criterion(client, werkbank):
    hoog, laag, regisseur = werkbank
    assert client.login(username=regisseur.username, password=WACHTWOORD)
    namen = lambda qs: [t.naam for t in client.get(reverse("terrein-lijst") + qs).context["terreinen"]]  # noqa: E731
    assert namen("?prioriteitsklasse=hoog") == ["Hoogpark"]
    assert namen("?prioriteitsklasse=laag&prioriteitsklasse=middel") == ["Laagpark"]
    assert namen("?onbekend=parkmanagement") == ["Laagpark"]
    assert namen("?onbekend=bereikbaarheid") == ["Hoogpark", "Laagpark"]


def test_export_carries_the_same_columns(client, werkbank):
    hoog, laag, regisseur = werkbank
    assert client.login(username=regisseur.username, password=WACHTWOORD)
    inhoud = client.get(reverse("terrein-export", args=["csv"]) + "?prioriteitsklasse=hoog&kolommen=alle").content.decode(
        "utf-8-sig"
    )
    rijen = list(csv.DictReader(io.StringIO(inhoud), delimiter=";"))
    assert len(rijen) == 1
    assert rijen[0]["Rang (prioritering)"] == "1" and rijen[0]["Score (prioritering)"] == "75"
    # The regisseur as the park's contact person: the full name, never the username.
    assert rijen[0]["Regisseur"] == "Rie Jansen" and rijen[0]["Criteria bekend"] == "2"
    assert rijen[0]["Prioriteitsklasse (vermogensvraag 2030)"] == "hoog"
