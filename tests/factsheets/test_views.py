"""Who may download which factsheet, the park page section, the overview and the bulk action."""

import io
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factsheets import services
from factsheets.models import FactsheetRun, Variant
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gerenderd(terrein_met_alles, twee_gemeenten, media):
    """Own park (Apeldoorn) and a park elsewhere (Zwolle), both rendered in both variants."""
    elders = BedrijventerreinFactory(gemeente=twee_gemeenten[1], naam="Hessenpoort")
    for terrein in (terrein_met_alles, elders):
        for variant in Variant.values:
            services.factsheet_renderen(terrein_id=terrein.pk, variant=variant)
    return terrein_met_alles, elders


def login(client, user):
    assert client.login(username=user.username, password=WACHTWOORD)


def download(client, terrein, variant=Variant.FACTSHEET):
    return client.get(reverse("factsheets:download", args=[terrein.rin, variant]))


@pytest.mark.parametrize("rol", ["beheerder", "regisseur", "medewerker"])
@pytest.mark.parametrize("variant", Variant.values)
def test_provincial_roles_download_every_park_in_both_variants(client, gerenderd, maak_gebruiker, rol, variant):
    login(client, maak_gebruiker(rol))
    for terrein in gerenderd:
        antwoord = download(client, terrein, variant)
        assert antwoord.status_code == 200
        assert antwoord["Content-Type"] == "application/pdf"
        assert "attachment" in antwoord["Content-Disposition"] and str(terrein.rin) in antwoord["Content-Disposition"]
        assert b"".join(antwoord.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize("variant", Variant.values)
def test_gemeente_user_downloads_own_park_and_gets_404_elsewhere(client, gerenderd, maak_gebruiker, variant):
    eigen, elders = gerenderd
    login(client, maak_gebruiker("gemeente", "GM0200"))
    assert download(client, eigen, variant).status_code == 200
    assert download(client, elders, variant).status_code == 404


def test_anonymous_user_is_sent_to_login_for_a_download(client, gerenderd):
    antwoord = download(client, gerenderd[0])
    assert antwoord.status_code == 302 and antwoord["Location"].startswith(reverse("login"))


def test_user_without_role_gets_404(client, gerenderd):
    zonder_rol = UserFactory(username="zonder-rol")
    zonder_rol.set_password(WACHTWOORD)
    zonder_rol.save()
    login(client, zonder_rol)
    assert download(client, gerenderd[0]).status_code == 404


def test_factsheet_not_rendered_yet_and_unknown_variant_are_404(client, twee_gemeenten, maak_gebruiker, media):
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0])
    login(client, maak_gebruiker("medewerker"))
    assert download(client, terrein).status_code == 404
    assert client.get(f"/factsheets/terreinen/{terrein.rin}/geheim.pdf").status_code == 404


def test_park_page_shows_factsheet_section_with_links_and_staleness(client, gerenderd, maak_gebruiker):
    eigen, _elders = gerenderd
    login(client, maak_gebruiker("gemeente", "GM0200"))
    pagina = client.get(reverse("terrein-detail", args=[eigen.rin])).content.decode()
    assert 'id="kop-factsheets"' in pagina
    assert reverse("factsheets:download", args=[eigen.rin, "factsheet"]) in pagina
    assert reverse("factsheets:download", args=[eigen.rin, "plankaart_detail"]) in pagina
    assert "actueel, gegenereerd op" in pagina and "Factsheets bijwerken" not in pagina
    eigen.naam = "Ecofactorij II"
    eigen.save()
    pagina = client.get(reverse("terrein-detail", args=[eigen.rin])).content.decode()
    assert "verouderd" in pagina and "Factsheets bijwerken" in pagina


def test_bijwerken_queues_both_variants_after_commit(client, gerenderd, maak_gebruiker, django_capture_on_commit_callbacks):
    eigen, elders = gerenderd
    login(client, maak_gebruiker("gemeente", "GM0200"))
    with django_capture_on_commit_callbacks(execute=False) as taken:
        antwoord = client.post(reverse("factsheets:bijwerken", args=[eigen.rin]))
    assert antwoord.status_code == 302 and len(taken) == 2
    assert client.post(reverse("factsheets:bijwerken", args=[elders.rin])).status_code == 404


def test_overview_lists_visible_parks_with_a_fixed_number_of_queries(client, twee_gemeenten, maak_gebruiker, media):
    login(client, maak_gebruiker("medewerker"))

    def tel():
        client.get(reverse("factsheets:overzicht"))  # warm the session and role caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("factsheets:overzicht")).status_code == 200
        return len(queries)

    BedrijventerreinFactory.create_batch(3, gemeente=twee_gemeenten[0])
    drie = tel()
    BedrijventerreinFactory.create_batch(27, gemeente=twee_gemeenten[0])
    assert tel() == drie


def test_gemeente_overview_and_zip_hold_only_own_parks(client, gerenderd, maak_gebruiker):
    eigen, elders = gerenderd
    login(client, maak_gebruiker("gemeente", "GM0200"))
    pagina = client.get(reverse("factsheets:overzicht")).content.decode()
    assert "Ecofactorij" in pagina and "Hessenpoort" not in pagina
    assert "Alle factsheets genereren" not in pagina
    antwoord = client.get(reverse("factsheets:zip"))
    with zipfile.ZipFile(io.BytesIO(b"".join(antwoord.streaming_content))) as zf:
        assert sorted(zf.namelist()) == [
            f"apeldoorn/{eigen.rin}-ecofactorij-factsheet.pdf",
            f"apeldoorn/{eigen.rin}-ecofactorij-plankaart_detail.pdf",
        ]
    antwoord = client.get(reverse("factsheets:zip") + "?variant=factsheet")
    with zipfile.ZipFile(io.BytesIO(b"".join(antwoord.streaming_content))) as zf:
        assert zf.namelist() == [f"apeldoorn/{eigen.rin}-ecofactorij-factsheet.pdf"]


@pytest.mark.parametrize("rol", ["beheerder", "medewerker"])
def test_beheerder_and_medewerker_start_a_run_and_poll_its_progress(
    client, maak_gebruiker, rol, django_capture_on_commit_callbacks, media
):
    login(client, maak_gebruiker(rol))
    assert "Alle factsheets genereren" in client.get(reverse("factsheets:overzicht")).content.decode()
    with django_capture_on_commit_callbacks(execute=False) as taken:
        antwoord = client.post(reverse("factsheets:run-starten"), {"alles": "1"})
    assert antwoord.status_code == 302 and len(taken) == 1
    run = FactsheetRun.objects.get()
    assert run.alles and run.status == FactsheetRun.Status.WACHTRIJ
    status = client.get(reverse("factsheets:run-status", args=[run.pk])).json()
    assert status == {
        "status": "wachtrij",
        "status_label": "In de wachtrij",
        "totaal": 0,
        "gedaan": 0,
        "mislukt": 0,
        "percentage": 0,
        "afgerond": False,
    }
    pagina = client.get(reverse("factsheets:overzicht")).content.decode()
    assert "data-run-status-url" in pagina and "js/factsheets.js" in pagina
    # A second click while the first run is still queued starts nothing.
    client.post(reverse("factsheets:run-starten"))
    assert FactsheetRun.objects.count() == 1


@pytest.mark.parametrize("rol", ["regisseur", "gemeente"])
def test_other_roles_cannot_start_or_poll_a_run(client, maak_gebruiker, rol, twee_gemeenten):
    login(client, maak_gebruiker(rol, *(["GM0200"] if rol == "gemeente" else [])))
    assert client.post(reverse("factsheets:run-starten")).status_code == 404
    run = FactsheetRun.objects.create()
    assert client.get(reverse("factsheets:run-status", args=[run.pk])).status_code == 404
    assert FactsheetRun.objects.count() == 1
