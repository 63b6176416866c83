import datetime as dt

import pytest
from django.utils import timezone

from stappenplan import services
from stappenplan.models import Traject
from stappenplan.selectors import aandachtspunten_per_regisseur, mijn_terreinen
from stappenplan.termijnen import maanden_later, termijn_van
from tests.factories import BedrijventerreinFactory
from tests.stappenplan.conftest import naar_stap, stap0_invullen, stap1_invullen, zet

pytestmark = pytest.mark.django_db


def op(jaar, maand, dag):
    return timezone.make_aware(dt.datetime(jaar, maand, dag, 9, 0))


def test_months_are_added_within_the_month_length():
    assert maanden_later(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert maanden_later(dt.date(2026, 11, 15), 3) == dt.date(2027, 2, 15)


def test_each_step_gets_its_doorlooptijd_from_the_day_it_started(traject, regisseur):
    stap0_invullen(traject, regisseur)
    zet(traject, "inventarisatie_afronden", regisseur, nu=op(2026, 3, 10))
    assert (traject.stap_gestart_op, traject.termijn_op) == (dt.date(2026, 3, 10), dt.date(2026, 4, 10))
    stap1_invullen(traject, regisseur)
    zet(traject, "voorbereiding_afronden", regisseur, nu=op(2026, 4, 1))
    assert traject.termijn_op == dt.date(2026, 6, 1)  # startsessie: up to 2 months


def test_uitvoering_is_due_five_years_after_first_contact(traject, regisseur):
    naar_stap(traject, regisseur, 5)
    assert traject.eerste_contact_op == dt.date(2026, 1, 15)
    assert traject.termijn_op == dt.date(2031, 1, 15)
    services.traject_gegevens_opslaan(traject=traject, user=regisseur, gegevens={"eerste_contact_op": dt.date(2025, 6, 1)})
    traject.refresh_from_db()
    assert traject.termijn_op == dt.date(2030, 6, 1)


def test_a_step_is_overdue_the_day_after_its_deadline(traject, regisseur):
    stap0_invullen(traject, regisseur)
    zet(traject, "inventarisatie_afronden", regisseur, nu=op(2026, 3, 10))
    assert not termijn_van(traject, vandaag=dt.date(2026, 4, 10)).te_laat
    assert termijn_van(traject, vandaag=dt.date(2026, 4, 10)).bijna
    laat = termijn_van(traject, vandaag=dt.date(2026, 4, 11))
    assert laat.te_laat and laat.dagen_over == -1


def test_the_clock_stops_while_postponed_and_continues_with_the_days_left(traject, regisseur):
    stap0_invullen(traject, regisseur)
    zet(traject, "inventarisatie_afronden", regisseur, nu=op(2026, 3, 10))  # due 10 April: 31 days
    stap1_invullen(traject, regisseur, route="koude_aanpak")
    zet(traject, "uitstellen", regisseur, herbeoordelen_op=dt.date(2026, 12, 1), nu=op(2026, 3, 20))  # 21 days left
    assert traject.termijn_op is None and traject.resterende_dagen == 21
    stil = termijn_van(traject, vandaag=dt.date(2026, 11, 1))
    assert stil.stilgezet and not stil.te_laat
    zet(traject, "hervatten", regisseur, nu=op(2026, 11, 1))
    assert traject.termijn_op == dt.date(2026, 11, 22)
    assert not termijn_van(traject, vandaag=dt.date(2026, 11, 22)).te_laat
    assert termijn_van(traject, vandaag=dt.date(2026, 11, 23)).te_laat


def test_following_or_stopped_parks_have_no_deadline(traject, regisseur):
    naar_stap(traject, regisseur, 1)
    stap1_invullen(traject, regisseur, route="aansluiten")
    zet(traject, "initiatief_volgen", regisseur)
    assert termijn_van(traject, vandaag=dt.date(2030, 1, 1)) == termijn_van(traject, vandaag=dt.date(2026, 1, 1))
    assert not termijn_van(traject, vandaag=dt.date(2030, 1, 1)).te_laat


def _park_in_stap1(naam, gemeente, regisseur, gestart):
    terrein = BedrijventerreinFactory(gemeente=gemeente, naam=naam)
    services.trajecten_aanmaken(terrein_ids=[terrein.pk])
    traject = Traject.objects.get(terrein=terrein)
    from tests.factories import PlankaartFactory

    PlankaartFactory(terrein=terrein)
    stap0_invullen(traject, regisseur)
    zet(traject, "inventarisatie_afronden", regisseur, nu=op(*gestart))
    services.regisseur_toewijzen(trajecten=Traject.objects.filter(pk=traject.pk), regisseur=regisseur)
    return traject


def test_mijn_terreinen_lists_overdue_first_then_by_due_date(twee_gemeenten, regisseur, maak_gebruiker):
    g = twee_gemeenten[0]
    _park_in_stap1("Op tijd", g, regisseur, (2026, 3, 1))  # due 1 April
    _park_in_stap1("Te laat", g, regisseur, (2026, 1, 1))  # due 1 February
    _park_in_stap1("Eerder te laat", g, regisseur, (2025, 12, 1))  # due 1 January
    _park_in_stap1("Van een ander", g, maak_gebruiker("regisseur", username="regisseur-b"), (2025, 1, 1))
    namen = [t.terrein.naam for t in mijn_terreinen(user=regisseur, vandaag=dt.date(2026, 3, 5))]
    assert namen == ["Eerder te laat", "Te laat", "Op tijd"]


def test_attention_points_split_overdue_soon_due_and_recheck(twee_gemeenten, regisseur):
    g = twee_gemeenten[0]
    _park_in_stap1("Te laat", g, regisseur, (2026, 1, 1))
    _park_in_stap1("Bijna", g, regisseur, (2026, 2, 10))  # due 10 March
    _park_in_stap1("Ruim op tijd", g, regisseur, (2026, 3, 1))
    uitgesteld = _park_in_stap1("Uitgesteld", g, regisseur, (2026, 2, 1))
    stap1_invullen(uitgesteld, regisseur, route="koude_aanpak")
    zet(uitgesteld, "uitstellen", regisseur, herbeoordelen_op=dt.date(2026, 3, 1), nu=op(2026, 2, 15))
    punten = aandachtspunten_per_regisseur(vandaag=dt.date(2026, 3, 2))[regisseur.pk]
    assert [t.terrein.naam for t in punten["te_laat"]] == ["Te laat"]
    assert [t.terrein.naam for t in punten["bijna"]] == ["Bijna"]
    assert [t.terrein.naam for t in punten["hercontrole"]] == ["Uitgesteld"]
