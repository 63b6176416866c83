"""The quarterly report: the same numbers as the page, its PDF text (pdftotext), its XLSX, and who gets what."""

import io
import re
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from tests.conftest import WACHTWOORD
from tests.factsheets.conftest import pdf_ontleed, pdf_tekst
from tests.voortgang.conftest import park_met_geschiedenis
from voortgang import selectors, services
from voortgang.models import Kwartaalrapport

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def tabel(html: str, tabel_id: str) -> list[str]:
    """The cells of one table as text, in order."""
    blok = re.search(rf'<table[^>]*id="{tabel_id}".*?</table>', html, re.S).group(0)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", blok, re.S)]


def blok(html: str, element_id: str) -> str:
    gevonden = re.search(rf'<(\w+)[^>]*id="{element_id}".*?</\1>', html, re.S).group(0)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", gevonden)).strip()


def login(client, user):
    assert client.login(username=user.username, password=WACHTWOORD)


def test_report_numbers_equal_the_page_for_the_same_quarter_and_filter(client, geschiedenis, maak_gebruiker):
    medewerker = maak_gebruiker("medewerker")
    login(client, medewerker)
    pagina = client.get(reverse("voortgang:overzicht"), {"kwartaal": "2026-3", "provincie": "PV25"}).content.decode()
    gegevens = selectors.kwartaal_gegevens(user=medewerker, kwartaal="2026-3", filters={"provincie": ["PV25"]})
    rapport = services.kwartaalrapport_html(gegevens=gegevens)
    assert tabel(pagina, "doorlooptijden") == tabel(rapport, "doorlooptijden")
    assert blok(pagina, "rondes") == blok(rapport, "rondes")
    # Gelderland only: A's step 2 (112 days) ended in the quarter; C (Overijssel) is filtered out.
    cellen = tabel(pagina, "doorlooptijden")
    assert cellen[cellen.index("2. Startsessie") + 1 : cellen.index("2. Startsessie") + 4] == ["1", "112", "112"]
    assert gegevens["aantal_bewegingen"] == 3  # A: 2→3, new round, 3→4
    assert "3 stapovergangen gelogd" in re.sub(r"\s+", " ", pagina)


def test_pdf_text_holds_the_quarter_figures_for_a_medewerker(geschiedenis, maak_gebruiker, media):
    medewerker = maak_gebruiker("medewerker")
    rapport = Kwartaalrapport.objects.create(aangevraagd_door=medewerker, kwartaal="2026-3", filters={})
    services.kwartaalrapport_renderen(rapport_id=rapport.pk)
    rapport.refresh_from_db()
    assert rapport.status == Kwartaalrapport.Status.KLAAR
    data = Path(rapport.bestand.path).read_bytes()
    objecten = pdf_ontleed(data)
    assert b"/StructTreeRoot" in objecten and b"/Marked true" in objecten and b"/Lang (nl)" in objecten
    assert b"pdfuaid:part" in objecten  # tagged PDF/UA, like the factsheets
    tekst = re.sub(r"\s+", " ", pdf_tekst(rapport.bestand.path))
    assert "Voortgang K3 2026" in tekst
    # Step 2 in the quarter: A 112 and C 91 days, median 101,5, 80th percentile 112; 0 of 2 within the deadline.
    assert re.search(r"2\. Startsessie 2 101,5 112 2 maand\(en\) \(± 61 0 ?/ ?2", tekst), tekst
    assert "veel langer dan gepland" in tekst
    # Funnel at start (30 June) and end (30 September): step 2 from 3 parks to 1, step 3 from 0 to 1, step 4 from 0 to 1.
    assert re.search(r"2\. Startsessie 3 1 3\. Bepalen oplossingsrichting 0 1 4\. Realisatieplan 0 1", tekst), tekst
    assert "4 stapovergangen" in tekst and "Hessenpoort" in tekst
    assert "Startsessie eerder plannen" in tekst  # the evaluation note of the quarter
    # Services: a second delivery of the task renders nothing again.
    klaar_op = rapport.klaar_op
    services.kwartaalrapport_renderen(rapport_id=rapport.pk)
    rapport.refresh_from_db()
    assert rapport.klaar_op == klaar_op


def test_gemeente_report_is_limited_to_its_municipalities_and_holds_nothing_confidential(geschiedenis, maak_gebruiker, media):
    gemeente = maak_gebruiker("gemeente", "GM0200")
    rapport = Kwartaalrapport.objects.create(aangevraagd_door=gemeente, kwartaal="2026-3", filters={})
    services.kwartaalrapport_renderen(rapport_id=rapport.pk)
    rapport.refresh_from_db()
    tekst = re.sub(r"\s+", " ", pdf_tekst(rapport.bestand.path))
    assert "Ecofactorij" in tekst and "3 bedrijventerreinen" in tekst
    assert "Hessenpoort" not in tekst  # Zwolle
    assert "Startsessie eerder plannen" not in tekst and "Evaluaties" not in tekst
    assert "vertrouwelijke reden" not in tekst and "r.regisseur" not in tekst
    werkboek = services.kwartaalrapport_xlsx(gegevens=selectors.kwartaal_gegevens(user=gemeente, kwartaal="2026-3", filters={}))
    from openpyxl import load_workbook

    boek = load_workbook(io.BytesIO(werkboek))
    assert "Evaluaties" not in boek.sheetnames
    alles = " ".join(str(c.value) for blad in boek for rij in blad.iter_rows() for c in rij)
    assert "Hessenpoort" not in alles and "Startsessie eerder plannen" not in alles


def test_xlsx_has_the_same_figures_and_formula_safe_cells(client, geschiedenis, maak_gebruiker, twee_gemeenten):
    park_met_geschiedenis(
        twee_gemeenten[0],
        '=HYPERLINK("http://x")',
        eerste_contact_op=date(2026, 7, 1),
        stap=1,
        status="actief",
        moves=[(date(2026, 7, 20), "inventarisatie_afronden", 0, 1, "actief", "actief")],
    )
    medewerker = maak_gebruiker("medewerker")
    rapport = Kwartaalrapport.objects.create(aangevraagd_door=medewerker, kwartaal="2026-3", filters={})
    login(client, medewerker)
    antwoord = client.get(reverse("voortgang:rapport-xlsx", args=[rapport.pk]))
    assert antwoord.status_code == 200
    from openpyxl import load_workbook

    boek = load_workbook(io.BytesIO(antwoord.content))
    doorloop = [[c.value for c in rij] for rij in boek["Doorlooptijden"].iter_rows(min_row=2)]
    assert doorloop[2][:4] == ["2. Startsessie", 2, 101.5, 112]
    namen = [rij[1].value for rij in boek["Bewegingen"].iter_rows(min_row=2)]
    assert '\'=HYPERLINK("http://x")' in namen
    assert boek["Evaluaties"]["D2"].value == "Startsessie eerder plannen"


def test_requesting_a_report_queues_it_and_another_user_gets_404(
    client, geschiedenis, maak_gebruiker, django_capture_on_commit_callbacks
):
    medewerker = maak_gebruiker("medewerker")
    login(client, medewerker)
    with django_capture_on_commit_callbacks() as callbacks:
        antwoord = client.post(reverse("voortgang:rapport-aanvragen"), {"kwartaal": "2026-3", "filters": "provincie=PV25"})
    rapport = Kwartaalrapport.objects.get()
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("voortgang:rapport", args=[rapport.pk])
    assert rapport.filters == {"provincie": ["PV25"]} and len(callbacks) == 1
    assert client.get(reverse("voortgang:rapport-pdf", args=[rapport.pk])).status_code == 404  # not rendered yet
    client.logout()
    login(client, maak_gebruiker("beheerder"))
    for naam in ("voortgang:rapport", "voortgang:rapport-pdf", "voortgang:rapport-xlsx"):
        assert client.get(reverse(naam, args=[rapport.pk])).status_code == 404


def test_wrong_quarter_or_filter_is_refused_and_nothing_is_written(client, geschiedenis, maak_gebruiker):
    login(client, maak_gebruiker("medewerker"))
    antwoord = client.post(reverse("voortgang:rapport-aanvragen"), {"kwartaal": "2026-7", "filters": ""}, follow=True)
    assert "Onbekend kwartaal" in antwoord.content.decode()
    antwoord = client.post(reverse("voortgang:rapport-aanvragen"), {"kwartaal": "2026-3", "filters": "provincie=XX"}, follow=True)
    assert "Ongeldige filter" in antwoord.content.decode()
    assert not Kwartaalrapport.objects.exists()


def test_page_for_a_gemeente_user_shows_its_parks_only(client, geschiedenis, maak_gebruiker):
    login(client, maak_gebruiker("gemeente", "GM0200"))
    antwoord = client.get(reverse("voortgang:overzicht"), {"van": "2026-01-01", "tot": "2026-10-05"})
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Hessenpoort" not in html and "vertrouwelijke reden" not in html
    assert "3 bedrijventerreinen in de gekozen selectie" in re.sub(r"\s+", " ", html)


def test_a_failing_render_is_recorded_on_the_request(geschiedenis, maak_gebruiker, media):
    rapport = Kwartaalrapport.objects.create(aangevraagd_door=maak_gebruiker("medewerker"), kwartaal="2026-9", filters={})
    with pytest.raises(ValueError):
        services.kwartaalrapport_renderen(rapport_id=rapport.pk)
    rapport.refresh_from_db()
    assert rapport.status == Kwartaalrapport.Status.MISLUKT and "ValueError" in rapport.fout and not rapport.bestand


def test_a_period_ending_before_it_starts_is_explained_and_the_default_shown(client, geschiedenis, maak_gebruiker):
    login(client, maak_gebruiker("medewerker"))
    antwoord = client.get(reverse("voortgang:overzicht"), {"van": "2026-09-01", "tot": "2026-01-01"})
    html = re.sub(r"\s+", " ", antwoord.content.decode())
    assert antwoord.status_code == 200
    assert "De begindatum ligt na de einddatum." in html
    assert "4 bedrijventerreinen in de gekozen selectie" in html


def test_page_and_report_data_use_the_same_number_of_queries_for_4_and_24_parks(
    client, geschiedenis, maak_gebruiker, twee_gemeenten
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    medewerker = maak_gebruiker("medewerker")
    login(client, medewerker)

    def tellen():
        with CaptureQueriesContext(connection) as pagina:
            assert client.get(reverse("voortgang:overzicht"), {"kwartaal": "2026-3"}).status_code == 200
        with CaptureQueriesContext(connection) as rapport:
            selectors.kwartaal_gegevens(user=medewerker, kwartaal="2026-3", filters={})
        return len(pagina), len(rapport)

    tellen()  # the user's role is looked up once and kept on the user object
    voor = tellen()
    for i in range(20):
        park_met_geschiedenis(
            twee_gemeenten[i % 2],
            f"Extra {i}",
            eerste_contact_op=date(2026, 6, 1),
            stap=1,
            status="actief",
            moves=[(date(2026, 7, 1 + i), "inventarisatie_afronden", 0, 1, "actief", "actief")],
        )
    assert tellen() == voor


def test_the_report_of_the_running_quarter_ends_today_like_the_page(geschiedenis, maak_gebruiker):
    from django.utils import timezone

    vandaag = timezone.localdate()
    gegevens = selectors.kwartaal_gegevens(
        user=maak_gebruiker("medewerker"), kwartaal=selectors.kwartaal_van(vandaag), filters={}
    )
    assert gegevens["tot"] == vandaag and gegevens["stand_eind"]["datum"] == vandaag
