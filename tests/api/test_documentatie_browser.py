"""The API documentation renders in a real browser from local assets only, and the key screens work."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_documentation_renders_offline_from_packaged_assets(pagina, live_server):
    verzoeken = []
    pagina.on("request", lambda verzoek: verzoeken.append(verzoek.url))
    fouten = []
    pagina.on("pageerror", lambda fout: fouten.append(str(fout)))
    pagina.goto("/api/v1/documentatie")
    pagina.wait_for_selector(".swagger-ui .info .title", timeout=15_000)
    assert "NAL Oost" in pagina.locator(".swagger-ui .info .title").inner_text()
    # Paths are relative to the server URL, which carries /api/v1 (NL API Design Rules, /core/uri-version).
    pagina.get_by_text("/bedrijventerreinen", exact=True).first.wait_for()
    assert pagina.locator(".servers select option").first.inner_text().startswith(live_server.url + "/api/v1")
    assert fouten == []
    assert verzoeken and all(url.startswith(live_server.url) for url in verzoeken), verzoeken


def test_beheerder_creates_and_revokes_a_key_in_the_browser(inloggen, maak_gebruiker):
    pagina = inloggen(maak_gebruiker("beheerder"))
    pagina.get_by_role("link", name="API-sleutels").click()
    pagina.get_by_label("Organisatie").fill("Liander")
    pagina.get_by_role("button", name="Sleutel aanmaken").click()
    sleutel = pagina.get_by_label("Sleutel").input_value()
    assert "." in sleutel and len(sleutel) > 40
    pagina.get_by_role("link", name="Terug naar de sleutels").click()
    assert sleutel not in pagina.content()
    pagina.get_by_role("button", name="Intrekken").click()
    assert "ingetrokken" in pagina.locator("table").inner_text()
