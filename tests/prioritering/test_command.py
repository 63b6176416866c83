import io

import pytest
from django.core.management import CommandError, call_command

from prioritering.models import Berekening, Prioriteit

pytestmark = pytest.mark.django_db


def test_compute_priorities_scores_all_parks_with_progress_output(maak_terrein):
    for i in range(4):
        maak_terrein(kw_2030=10 * (i + 1), kw_2035=10 * (i + 1))
    maak_terrein()
    uit = io.StringIO()
    call_command("compute_priorities", stdout=uit)
    tekst = uit.getvalue()
    assert "gegevens gelezen: 5/5" in tekst and "scores opgeslagen: 5/5" in tekst
    assert "Klaar: 5 terreinen gescoord onder afwegingskader versie 1" in tekst and "zonder plankaart 1" in tekst
    assert Prioriteit.objects.count() == 5
    assert Berekening.objects.filter(aanleiding="commando", status="klaar").count() == 1


def test_compute_priorities_refuses_an_unknown_version():
    with pytest.raises(CommandError, match="versie 7 bestaat niet"):
        call_command("compute_priorities", "--versie", "7")
