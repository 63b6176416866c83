"""In a real browser as medewerker: change period and province, ask for the quarterly report, a real worker renders it,
and the downloaded PDF holds the figures the page shows."""

import re

import pytest
from celery.contrib.testing.worker import start_worker

from nal_oost.celery import app
from tests.factsheets.conftest import pdf_tekst

pytestmark = [pytest.mark.celery, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_medewerker_changes_period_and_province_and_downloads_the_quarterly_report(geschiedenis, maak_gebruiker, inloggen, media):
    pagina = inloggen(maak_gebruiker("medewerker"))
    pagina.goto("/voortgang/")
    pagina.get_by_role("link", name="Voortgang").wait_for()
    pagina.get_by_label("Kwartaal", exact=True).select_option("2026-3")
    pagina.get_by_text("Selectie: provincie, gemeente").click()
    pagina.get_by_label("Gelderland").check()
    pagina.get_by_role("button", name="Toepassen").click()
    pagina.wait_for_url(re.compile(r".*kwartaal=2026-3.*provincie=PV25.*"))

    # What the page shows for Q3 2026 in Gelderland: A's step 2 took 112 days, three moves.
    stap2 = [t.strip() for t in pagina.locator("#doorlooptijden tr[data-stap='2'] td").all_inner_texts()]
    assert stap2[:3] == ["1", "112", "112"]
    assert "Hessenpoort" not in pagina.content()
    zinnen = pagina.locator("#doorloop-kop + p").inner_text()
    assert "3 stapovergangen" in zinnen
    # The table behind the chart opens without JavaScript (details/summary).
    pagina.get_by_text("Toon de cijfers als tabel").click()
    assert pagina.locator("#stroom-tabel").is_visible()

    app.control.purge()
    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
        pagina.get_by_role("button", name="Kwartaalrapportage maken").click()
        link = pagina.locator("#download-pdf")
        link.wait_for(timeout=90_000)  # the page refreshes itself until the worker is done
        with pagina.expect_download() as download:
            link.click()
        pad = download.value.path()

    tekst = re.sub(r"\s+", " ", pdf_tekst(pad))
    assert "Voortgang K3 2026" in tekst
    assert re.search(r"2\. Startsessie " + " ".join(stap2[:3]), tekst), tekst
    assert "3 stapovergangen" in tekst
    assert "Ecofactorij" in tekst and "Hessenpoort" not in tekst
