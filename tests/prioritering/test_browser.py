"""The ranking page in real chromium: the breakdown opens, and the page refreshes itself when a running recomputation ends."""

import pytest
from django.utils import timezone

from prioritering import services
from prioritering.models import Berekening

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_ranking_reloads_when_the_running_recomputation_finishes(inloggen, maak_gebruiker, maak_terrein):
    maak_terrein(naam="Ecofactorij", kw_2030=900, kw_2035=9000)
    maak_terrein(naam="Kleintje", kw_2030=1, kw_2035=1)
    services.prioriteiten_berekenen()
    Berekening.objects.all().delete()
    lopend = Berekening.objects.create(aanleiding="import", status="bezig", gestart_op=timezone.now())
    pagina = inloggen(maak_gebruiker("regisseur"))
    fouten = []
    pagina.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    pagina.goto("/prioritering/")
    assert pagina.get_by_text("Er loopt nu een herberekening.").is_visible()
    pagina.get_by_text("Opbouw").first.click()
    assert pagina.get_by_role("table", name="Opbouw van de score").first.is_visible()
    Berekening.objects.filter(pk=lopend.pk).update(status="klaar", klaar_op=timezone.now())
    pagina.get_by_text("Scores laatst berekend op").wait_for(timeout=10_000)
    assert not pagina.get_by_text("Er loopt nu een herberekening.").count()
    assert fouten == []
