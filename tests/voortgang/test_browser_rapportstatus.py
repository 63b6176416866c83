"""The quarterly report page while its PDF is made: no timed reload (WCAG 2.2.1), the status changes in place."""

import pytest

from voortgang.models import Kwartaalrapport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_download_link_appears_in_place_when_the_pdf_is_ready(inloggen, maak_gebruiker):
    medewerker = maak_gebruiker("medewerker")
    rapport = Kwartaalrapport.objects.create(aangevraagd_door=medewerker, kwartaal="2026-3", filters={})
    pagina = inloggen(medewerker)
    pad = f"/voortgang/kwartaalrapporten/{rapport.pk}/"
    pagina.goto(pad)
    assert pagina.locator('meta[http-equiv="refresh"]').count() == 0
    status = pagina.get_by_role("status")
    assert "wordt op de achtergrond gemaakt" in status.inner_text()
    # Without JavaScript the user looks again through a link; with it, the page asks for itself now and then.
    assert pagina.get_by_role("link", name="Opnieuw kijken").get_attribute("href") == pad
    pagina.evaluate("window.nietHerladen = true")

    Kwartaalrapport.objects.filter(pk=rapport.pk).update(status=Kwartaalrapport.Status.KLAAR)
    pagina.locator("#rapport-status #download-pdf").wait_for(timeout=15_000)
    assert pagina.evaluate("window.nietHerladen") is True  # the same page: no reload
    assert status.get_attribute("data-status") == "klaar"
    assert "wordt op de achtergrond gemaakt" not in status.inner_text()
