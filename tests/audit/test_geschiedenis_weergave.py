"""The park page's history reads as Dutch: field labels, dates in words and local time, values in their display form."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from audit import weergave
from audit.models import Wijziging
from stappenplan import services
from stappenplan.models import Oplossingsrichting, Traject
from terreinen.models import Bedrijventerrein
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, PlankaartFactory
from tests.html import per_id
from tests.stappenplan.conftest import naar_stap, stap0_invullen

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def regisseur(maak_gebruiker):
    return maak_gebruiker("regisseur", username="regisseur-a")


@pytest.fixture
def traject(twee_gemeenten):
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam="Ecofactorij")
    PlankaartFactory(terrein=terrein)
    services.trajecten_aanmaken(terrein_ids=[terrein.pk])
    return Traject.objects.get(terrein=terrein)


def geschiedenis(client, user, terrein) -> str:
    assert client.login(username=user.username, password=WACHTWOORD)
    response = client.get(reverse("terrein-detail", args=[terrein.rin]))
    assert response.status_code == 200
    return per_id(response.content.decode())["geschiedenis"].text


def test_a_step_move_reads_as_stap_from_to_without_version_counters(client, traject, regisseur):
    naar_stap(traject, regisseur, 2)
    tekst = geschiedenis(client, regisseur, traject.terrein)
    assert "stap 0 → 1" in tekst and "stap 1 → 2" in tekst
    assert "Huidige stap: 0. Inventarisatie → 1. Voorbereiding" in tekst
    assert not re.search(r"Versie: (leeg|\d+) → \d+", tekst)


def test_a_list_field_reads_as_its_labels_joined(client, traject, regisseur):
    stap0_invullen(traject, regisseur)
    tekst = geschiedenis(client, regisseur, traject.terrein)
    assert "Achtergrondchecklist: leeg → grootte van het terrein, type bedrijven, economisch belang," in tekst
    assert "['" not in tekst and "[]" not in tekst


def test_a_date_reads_in_dutch_words(client, traject, regisseur):
    stap0_invullen(traject, regisseur)  # eerste contact on 15 January 2026
    tekst = geschiedenis(client, regisseur, traject.terrein)
    assert "Eerste contactmoment: leeg → 15 januari 2026" in tekst
    assert "2026-01-15" not in tekst


def test_the_moment_of_a_change_reads_in_dutch_in_local_time(client, traject, regisseur):
    stap0_invullen(traject, regisseur)
    # 13:05 UTC is 14:05 in Amsterdam in November (CET).
    Wijziging.objects.filter(terrein_id=traject.terrein_id).update(tijdstip=dt.datetime(2026, 11, 3, 13, 5, tzinfo=dt.UTC))
    tekst = geschiedenis(client, regisseur, traject.terrein)
    assert "3 november 2026 14:05" in tekst and "13:05" not in tekst


def test_choices_booleans_numbers_and_related_objects_read_by_their_display_form(client, traject, regisseur):
    terrein = Bedrijventerrein.objects.get(pk=traject.terrein_id)
    terrein.netcongestie = "volledig"
    terrein.parkmanagement = True
    terrein.ha_netto = Decimal("3765.5")
    terrein.save()
    services.terrein_oppakken(traject=traject, user=regisseur)
    tekst = geschiedenis(client, regisseur, terrein)
    assert "Netcongestie: leeg → Ja, volledige congestie" in tekst
    assert "Parkmanagement: leeg → ja" in tekst
    assert "Netto oppervlakte (ha): 20 → 3.765,5" in tekst
    assert "Regisseur: leeg → regisseur-a" in tekst
    assert "Traject aangemaakt: Ecofactorij – 0. Inventarisatie (Actief) Bedrijventerrein: leeg → Ecofactorij" in tekst


def test_a_solution_directions_weighing_reads_as_labels(client, traject, regisseur):
    naar_stap(traject, regisseur, 3)
    services.oplossingsrichting_toevoegen(traject=traject, user=regisseur, titel="Laadplein", afwegingen=["lokale_opwek"])
    tekst = geschiedenis(client, regisseur, traject.terrein)
    assert "Gewogen lokale afwegingen: leeg → lokale opwek" in tekst


def test_rows_recorded_before_this_format_read_the_same(client, traject, regisseur):
    # Older rows hold a list as Python text, dates as ISO text and the traject's version counter.
    Wijziging.objects.create(
        actor_naam="regisseur-a",
        request_id="oud",
        actie="gewijzigd",
        content_type=ContentType.objects.get_for_model(Traject),
        object_id=str(traject.pk),
        object_omschrijving=str(traject),
        terrein_id=traject.terrein_id,
        velden=[
            {"veld": "checklist_achtergrond", "label": "achtergrondchecklist", "oud": "[]", "nieuw": "['grootte', 'beleid']"},
            {"veld": "herbeoordelen_op", "label": "opnieuw beoordelen op", "oud": "", "nieuw": "2027-03-01"},
            {"veld": "stap", "label": "huidige stap", "oud": "2. Startsessie", "nieuw": "3. Bepalen oplossingsrichting"},
            {"veld": "versie", "label": "versie", "oud": "4", "nieuw": "5"},
        ],
    )
    tekst = geschiedenis(client, regisseur, traject.terrein)
    assert "Achtergrondchecklist: leeg → grootte van het terrein, beleid" in tekst
    assert "Opnieuw beoordelen op: leeg → 1 maart 2027" in tekst
    assert "stap 2 → 3" in tekst
    assert "Versie: 4" not in tekst and "4 → 5" not in tekst


def test_new_rows_keep_lists_as_data_not_as_python_text(traject, regisseur):
    stap0_invullen(traject, regisseur)
    rij = Wijziging.objects.filter(content_type__model="traject", object_id=str(traject.pk), actie="gewijzigd").latest("id")
    regel = next(v for v in rij.velden if v["veld"] == "checklist_achtergrond")
    assert regel["oud"] == [] and regel["nieuw"][:2] == ["grootte", "bedrijven"]


def test_the_version_counter_is_no_longer_recorded(traject, regisseur):
    naar_stap(traject, regisseur, 1)
    velden = [v["veld"] for r in Wijziging.objects.filter(content_type__model="traject") for v in r.velden]
    assert "stap" in velden and "versie" not in velden


@pytest.mark.parametrize(
    ("veld", "waarde", "gelezen"),
    [
        (Traject._meta.get_field("herbeoordelen_op"), "2027-03-01", "1 maart 2027"),
        (Oplossingsrichting._meta.get_field("aangemaakt_op"), "2026-07-01T10:30:00+00:00", "1 juli 2026 12:30"),
        (Bedrijventerrein._meta.get_field("ha_netto"), "3765.0000", "3.765"),
        (Bedrijventerrein._meta.get_field("ha_netto"), "12.25", "12,25"),
        (Traject._meta.get_field("checklist_achtergrond"), ["ruimte", "onbekend"], "ruimte, onbekend"),
        (Traject._meta.get_field("checklist_achtergrond"), "{'a': True, 'b': None}", "a: ja, b: "),
        (Traject._meta.get_field("checklist_achtergrond"), "[niet te lezen", "[niet te lezen"),
        (Traject._meta.get_field("kartrekker"), "[A. Jansen]", "[A. Jansen]"),
        (None, True, "ja"),
        (None, "", ""),
    ],
)
def test_each_kind_of_stored_value_reads_as_text(veld, waarde, gelezen):
    assert weergave.waarde_tonen(veld, waarde) == gelezen


def test_a_moment_is_shown_in_local_time():
    moment = timezone.make_aware(dt.datetime(2026, 6, 1, 9, 0), dt.UTC)
    assert weergave.tijdstip_tonen(moment) == "1 juni 2026 11:00"
