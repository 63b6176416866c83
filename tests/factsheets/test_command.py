"""manage.py render_factsheets: renders only stale factsheets, with progress output."""

from io import StringIO

import pytest
from django.core.management import call_command

from factsheets.models import Factsheet, FactsheetRun
from tests.factories import BedrijventerreinFactory
from tests.factsheets.conftest import plankaart_voor

pytestmark = pytest.mark.django_db


def test_sync_renders_stale_factsheets_with_a_progress_bar_and_a_second_run_renders_nothing(twee_gemeenten, media):
    terreinen = BedrijventerreinFactory.create_batch(2, gemeente=twee_gemeenten[0])
    for terrein in terreinen:
        plankaart_voor(terrein)
    uit = StringIO()
    call_command("render_factsheets", "--sync", stdout=uit)
    tekst = uit.getvalue()
    assert "4 factsheet(s) te genereren" in tekst
    assert "[##############################] 4/4 (100%), 0 mislukt" in tekst
    assert Factsheet.objects.count() == 4

    uit = StringIO()
    call_command("render_factsheets", "--sync", stdout=uit)
    assert "0 factsheet(s) te genereren" in uit.getvalue()
    assert set(Factsheet.objects.values_list("aantal_renders", flat=True)) == {1}

    call_command("render_factsheets", "--sync", "--all", stdout=StringIO())
    assert set(Factsheet.objects.values_list("aantal_renders", flat=True)) == {2}
    assert list(FactsheetRun.objects.values_list("totaal", "gedaan", "status")) == [
        (4, 4, "klaar"),
        (0, 0, "klaar"),
        (4, 4, "klaar"),
    ]
