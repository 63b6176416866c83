"""The demo history: deterministic, marked as demo data, consistent with the parks' state, and loaded once."""

from datetime import date, timedelta

import pytest

from stappenplan.models import Evaluatienotitie, StapOvergang, Traject
from stappenplan.selectors import achterstallige_trajecten
from stappenplan.services import trajecten_aanmaken
from terreinen.models import Bedrijventerrein
from tests.factories import BedrijventerreinFactory
from voortgang import selectors
from voortgang.demo import DEMO_MARKERING, DEMO_REDEN, demo_geschiedenis_laden

pytestmark = pytest.mark.django_db
VANDAAG = date(2026, 11, 30)


@pytest.fixture
def demo_parken(twee_gemeenten):
    for i in range(60):
        BedrijventerreinFactory(gemeente=twee_gemeenten[i % 2], naam=f"Park {i}", rin=9000 + i)
    trajecten_aanmaken()


def momentopname():
    return (
        sorted(StapOvergang.objects.values_list("traject__terrein__rin", "versie", "actie", "op")),
        sorted(Traject.objects.values_list("terrein__rin", "stap", "status", "versie", "termijn_op", "eerste_contact_op")),
        sorted(Evaluatienotitie.objects.values_list("traject__terrein__rin", "tekst", "aangemaakt_op")),
    )


def test_demo_history_is_loaded_once_and_running_it_again_changes_nothing(demo_parken):
    aantal = demo_geschiedenis_laden(vandaag=VANDAAG)
    assert 10 < aantal < 50
    eerst = momentopname()
    assert demo_geschiedenis_laden(vandaag=VANDAAG) == 0
    assert momentopname() == eerst
    assert set(StapOvergang.objects.values_list("reden", flat=True)) == {DEMO_REDEN}
    assert all(t.endswith(DEMO_MARKERING) for t in Evaluatienotitie.objects.values_list("tekst", flat=True))
    oudste = StapOvergang.objects.order_by("op").first().op.date()
    assert oudste >= VANDAAG - timedelta(days=18 * 31)


def test_demo_history_is_the_same_for_the_same_parks_on_the_same_day(demo_parken):
    demo_geschiedenis_laden(vandaag=VANDAAG)
    eerst = momentopname()
    Traject.objects.all().delete()  # with their logs and notes
    trajecten_aanmaken()
    demo_geschiedenis_laden(vandaag=VANDAAG)
    assert momentopname() == eerst


def test_demo_state_matches_its_log_and_its_deadlines(demo_parken):
    demo_geschiedenis_laden(vandaag=VANDAAG)
    parken = selectors.parken_laden(terreinen=Bedrijventerrein.objects.all())
    for park in parken:
        assert park.toestand_op(VANDAAG) == (park.stap, park.status)
    # The stored deadlines (the dashboard's overdue list) agree with the history's own rule.
    _aantal, achterstallig = achterstallige_trajecten(
        zichtbare_terreinen=Bedrijventerrein.objects.all(), vandaag=VANDAAG, limiet=1000
    )
    assert sorted(t.terrein.rin for t in achterstallig) == sorted(
        r["park"].rin for r in selectors.boven_norm(parken=parken, datum=VANDAAG)
    )
