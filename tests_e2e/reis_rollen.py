"""Every role's journey through the running production system (scripts/e2e.sh), in this order.

Runs against gunicorn behind the TLS proxy with a real Celery worker and beat; no test transaction:
what the browser does is committed, and what the checks read is what the processes wrote.
"""

import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from playwright.sync_api import expect

from audit.models import Gebeurtenis
from stappenplan.models import Document, StapOvergang, Traject
from terreinen.models import Bedrijventerrein
from tests_e2e.conftest import Gebruiker, inschrijven, stap, wachtwoord_invullen

# A minimal valid PDF, as an uploaded document.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
GEMEENTE = "GM0200"  # Apeldoorn, part of the demo region
gebruikers: dict[str, Gebruiker] = {}


def _weblog() -> list[str]:
    time.sleep(0.2)  # gunicorn writes the access line after the response
    return (Path(os.environ["E2E_WERKMAP"]) / "web.log").read_text().splitlines()


def terrein_met_traject(*, gemeente: str) -> Bedrijventerrein:
    traject = Traject.objects.filter(terrein__gemeente__code=gemeente, stap=0).select_related("terrein").order_by("terrein__naam")
    return traject[0].terrein


def test_de_proxy_zet_zijn_eigen_kopregels_en_verbergt_de_server(nieuwe_context):
    context = nieuwe_context()
    with stap("proxy", "TLS, geen Server-kop, X-Request-ID van de proxy, HTTP -> HTTPS"):
        antwoord = context.request.get("/gezondheid", headers={"X-Request-ID": "van-de-client-1234"})
        assert antwoord.status == 200 and antwoord.json() == {"status": "ok"}
        assert "server" not in antwoord.headers, antwoord.headers
        request_id = antwoord.headers["x-request-id"]
        assert request_id != "van-de-client-1234" and re.fullmatch(r"[0-9a-f-]{36}", request_id), request_id
        # A client's X-Forwarded-For is replaced by its real address (gunicorn logs what it received).
        vervalst = context.request.get("/gezondheid?xff-proef", headers={"X-Forwarded-For": "203.0.113.9"})
        assert vervalst.status == 200
        regel = next(r for r in reversed(_weblog()) if "xff-proef" in r)
        assert "203.0.113.9" not in regel and regel.split()[0] in {"127.0.0.1", "::1"}, regel
        pagina = context.new_page()
        antwoord = pagina.goto("/inloggen/")
        assert antwoord.status == 200 and "server" not in antwoord.headers
        # Static files come from WhiteNoise with the manifest collected by the migrate step.
        css = pagina.locator("link[rel=stylesheet]").first.get_attribute("href")
        assert re.search(r"\.[0-9a-f]{12}\.css$", css), css
        assert context.request.get(css).status == 200
        http = os.environ["NAL_PROXY_HTTP_POORT"]
        omleiding = context.request.get(f"http://localhost:{http}/inloggen/", max_redirects=0)
        assert omleiding.status == 308 and omleiding.headers["location"].startswith("https://"), omleiding.headers
        assert "server" not in omleiding.headers


def test_beheerder_schrijft_tweestapsverificatie_in_en_logt_uit(nieuwe_context):
    beheerder = gebruikers["beheerder"] = Gebruiker("e2e-beheerder", "beheerder")
    pagina = nieuwe_context().new_page()
    with stap("beheerder", "eerste keer inloggen, TOTP-app inschrijven (code berekend uit de sleutel)"):
        inschrijven(pagina, beheerder)
        expect(pagina.get_by_role("button", name="Uitloggen")).to_be_visible()
    with stap("beheerder", "beheerscherm openen en uitloggen"):
        assert pagina.goto("/beheer/").status == 200
        expect(pagina.locator("body")).to_contain_text("NAL Oost")
        pagina.goto("/")
        pagina.get_by_role("button", name="Uitloggen").click()
        pagina.wait_for_url(re.compile(r"/inloggen/"))


def test_regisseur_zet_een_terrein_een_stap_verder_en_uploadt_een_document(nieuwe_context):
    regisseur = gebruikers["regisseur"] = Gebruiker("e2e-regisseur", "regisseur")
    terrein = terrein_met_traject(gemeente=GEMEENTE)
    pagina = nieuwe_context().new_page()
    melding = pagina.locator(".nal-melding")
    with stap("regisseur", "inloggen met wachtwoord en TOTP-inschrijving"):
        inschrijven(pagina, regisseur)
    with stap("regisseur", f"{terrein.naam}: checklist stap 0 vastleggen"):
        pagina.goto(f"/terreinen/{terrein.rin}/")
        pagina.locator("#stappenplan").get_by_role("link", name="Gegevens 0. Inventarisatie vastleggen").click()
        for vinkje in pagina.locator("input[name=gegevens-checklist_achtergrond]").all():
            vinkje.check()
        pagina.locator("#id_gegevens-eerste_contact_op").fill("2026-01-15")
        pagina.get_by_role("button", name="Gegevens opslaan").click()
        expect(melding).to_contain_text("zijn opgeslagen")
    with stap("regisseur", "naar stap 1. Voorbereiding, vanaf de bewaarde terreinpagina"):
        # The second view is served from the kept page (nal_oost/bewaren.py): its form posts with this session's token.
        for _ in range(2):
            pagina.goto(f"/terreinen/{terrein.rin}/")
        pagina.locator("#stappenplan").get_by_role("button", name="Inventarisatie afronden, naar voorbereiding").click()
        expect(melding).to_contain_text("staat nu in 1. Voorbereiding")
        for _ in range(2):  # built again after the write, then kept: both show the new step
            pagina.goto(f"/terreinen/{terrein.rin}/")
            expect(pagina.locator(".nal-sectiemenu__stap")).to_have_text("1. Voorbereiding")
    with stap("regisseur", "document uploaden bij stap 1"):
        pagina.locator("#stappenplan").get_by_role("link", name="Gegevens 1. Voorbereiding vastleggen").click()
        pagina.locator("#id_document-soort").select_option("verslag")
        pagina.locator("#id_document-bestand").set_input_files(
            {"name": "orientatiegesprek.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
        pagina.get_by_role("button", name="Document uploaden").click()
        expect(melding).to_contain_text("Document orientatiegesprek.pdf toegevoegd")
    traject = Traject.objects.get(terrein=terrein)
    assert traject.stap == 1
    assert list(StapOvergang.objects.filter(traject=traject).values_list("naar_stap", flat=True)) == [1]
    document = Document.objects.get(traject=traject)
    assert Path(document.bestand.path).read_bytes() == PDF


def test_medewerker_downloadt_een_factsheet_die_de_worker_maakte(nieuwe_context):
    medewerker = gebruikers["medewerker"] = Gebruiker("e2e-medewerker", "medewerker")
    terrein = terrein_met_traject(gemeente=GEMEENTE)
    pagina = nieuwe_context().new_page()
    with stap("medewerker", "inloggen met wachtwoord en TOTP-inschrijving"):
        inschrijven(pagina, medewerker)
    with stap("medewerker", f"{terrein.naam}: factsheets laten bijwerken (Celery-worker)"):
        pagina.goto(f"/terreinen/{terrein.rin}/")
        sectie = pagina.locator("#factsheets")
        expect(sectie).to_contain_text("nog niet gegenereerd")
        sectie.get_by_role("button", name="Factsheets bijwerken").click()
        expect(pagina.locator(".nal-melding")).to_contain_text("op de achtergrond bijgewerkt")
        link = pagina.locator("#factsheets a[download]").first
        einde = time.monotonic() + 90
        while not link.count():
            assert time.monotonic() < einde, "the worker did not render the factsheet within 90 s"
            time.sleep(1)
            pagina.reload()
    with stap("medewerker", "factsheet downloaden (PDF)"):
        with pagina.expect_download() as download:
            link.click()
        inhoud = Path(download.value.path()).read_bytes()
        assert inhoud.startswith(b"%PDF-") and len(inhoud) > 5_000, len(inhoud)


def test_gemeente_ziet_alleen_eigen_terreinen_en_404_voor_een_ander(nieuwe_context):
    gemeente = gebruikers["gemeente"] = Gebruiker("e2e-gemeente", "gemeente", (GEMEENTE,))
    eigen = set(Bedrijventerrein.objects.filter(gemeente__code=GEMEENTE).values_list("rin", flat=True))
    ander = Bedrijventerrein.objects.exclude(gemeente__code=GEMEENTE).order_by("rin").first()
    assert eigen and ander is not None
    pagina = nieuwe_context().new_page()
    with stap("gemeente", "inloggen met wachtwoord (tweede factor niet verplicht)"):
        wachtwoord_invullen(pagina, gemeente)
        expect(pagina.get_by_role("button", name="Uitloggen")).to_be_visible()
    with stap("gemeente", "lijst van terreinen: alleen die van de eigen gemeente"):
        gezien = set()
        url = "/terreinen/"
        while url:
            pagina.goto(url)
            for href in pagina.locator("main a[href^='/terreinen/']").evaluate_all("els => els.map(e => e.getAttribute('href'))"):
                if m := re.fullmatch(r"/terreinen/(\d+)/", href):
                    gezien.add(int(m.group(1)))
            volgende = pagina.locator("a[rel=next]")
            url = volgende.first.get_attribute("href") if volgende.count() else None
            if url and url.startswith("?"):
                url = "/terreinen/" + url
        assert gezien and gezien <= eigen, gezien - eigen
    with stap("gemeente", f"terrein van een andere gemeente ({ander.gemeente.naam}): de Nederlandse 404-pagina"):
        antwoord = pagina.goto(f"/terreinen/{ander.rin}/")
        assert antwoord.status == 404
        inhoud = pagina.content()
        assert ander.naam not in inhoud
        assert "Deze pagina bestaat niet" in inhoud and 'href="/"' in inhoud


def test_partner_haalt_terreinen_op_met_een_api_sleutel(nieuwe_context):
    sleutel = subprocess.run(
        [sys.executable, "manage.py", "create_api_key", "E2E Partner", "--omschrijving", "make e2e"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    context = nieuwe_context()
    with stap("partner", "GET /api/v1/bedrijventerreinen met X-Api-Key"):
        antwoord = context.request.get("/api/v1/bedrijventerreinen", headers={"X-Api-Key": sleutel})
        assert antwoord.status == 200, antwoord.text()
        body = antwoord.json()
        assert body["type"] == "FeatureCollection" and body["features"], body
        assert all(f["properties"]["naam"] for f in body["features"])
    with stap("partner", "zonder of met een verkeerde sleutel: 401"):
        assert context.request.get("/api/v1/bedrijventerreinen").status == 401
        assert context.request.get("/api/v1/bedrijventerreinen", headers={"X-Api-Key": sleutel + "x"}).status == 401


def test_beheerder_logt_opnieuw_in_met_een_verse_code_en_een_foute_wordt_geweigerd(nieuwe_context):
    beheerder = gebruikers["beheerder"]
    pagina = nieuwe_context().new_page()  # a new browser context: nothing remembered from the first session
    with stap("beheerder", "tweede login (nieuwe context): wachtwoord, dan een foute code"):
        wachtwoord_invullen(pagina, beheerder)
        pagina.wait_for_url(re.compile(r"/gebruikers/tweefactor/"))
        geldig = {beheerder.code(v) for v in (-1, 0, 1)}
        fout = next(f"{n:06d}" for n in range(1, 1000) if f"{n:06d}" not in geldig)
        pagina.locator("input[name=token]").fill(fout)
        pagina.get_by_role("button", name="Controleren").click()
        expect(pagina.locator(".nal-fout")).to_contain_text("klopt niet")
        assert "/gebruikers/tweefactor/" in pagina.url
    assert Gebeurtenis.objects.filter(
        actie=Gebeurtenis.Actie.TWEEFACTOR, resultaat=Gebeurtenis.Resultaat.MISLUKT, actor__username=beheerder.naam
    ).exists()
    with stap("beheerder", "tweede login: verse code (volgende tijdstap) wordt aanvaard"):
        time.sleep(2.1)  # the device throttles for 2^(failures-1) s after a wrong code
        pagina.locator("input[name=token]").fill(beheerder.verse_code())
        pagina.get_by_role("button", name="Controleren").click()
        expect(pagina.get_by_role("button", name="Uitloggen")).to_be_visible()
        assert pagina.goto("/beheer/").status == 200
    assert Gebeurtenis.objects.filter(
        actie=Gebeurtenis.Actie.TWEEFACTOR, resultaat=Gebeurtenis.Resultaat.GELUKT, actor__username=beheerder.naam
    ).exists()


def _inhoud(cursor, tabel: str) -> str:
    cursor.execute(f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{tabel}\" t")  # noqa: S608
    return cursor.fetchone()[0]


def test_backup_maken_en_terugzetten_in_een_lege_database():
    werkmap = Path(os.environ["E2E_WERKMAP"])
    doel, media = werkmap / "backup", werkmap / "media-hersteld"
    with stap("beheer", "manage.py backup (pg_dump uit dezelfde snapshot als de tellingen)"):
        subprocess.run([sys.executable, "manage.py", "backup", "--map", str(doel)], check=True, capture_output=True)
    with stap("beheer", "manage.py restore in een lege database en een lege mediamap"):
        uit = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "restore",
                str(doel),
                "--database-url",
                os.environ["E2E_HERSTEL_URL"],
                "--media-root",
                str(media),
            ],
            capture_output=True,
            text=True,
        )
        assert uit.returncode == 0, uit.stderr
    manifest = json.loads((doel / "manifest.json").read_text())
    tabellen = ["terreinen_bedrijventerrein", "stappenplan_traject", "stappenplan_document", "auth_user", "otp_totp_totpdevice"]
    with stap("beheer", f"vergelijken: aantallen van {len(manifest['rijen'])} tabellen, inhoud van {len(tabellen)}, media"):
        import psycopg

        with connection.cursor() as cursor:
            bron = {t: _inhoud(cursor, t) for t in tabellen}
        herstel_url = os.environ["E2E_HERSTEL_URL"].replace("postgis://", "postgresql://", 1)
        with psycopg.connect(herstel_url) as verbinding, verbinding.cursor() as cursor:
            hersteld = {t: _inhoud(cursor, t) for t in tabellen}
        assert bron == hersteld
        assert manifest["rijen"]["stappenplan_document"] >= 1 and manifest["rijen"]["factsheets_factsheet"] >= 1

        def bestanden(map_: Path) -> dict[str, str]:
            return {str(p.relative_to(map_)): hashlib.sha256(p.read_bytes()).hexdigest() for p in map_.rglob("*") if p.is_file()}

        assert bestanden(media) == bestanden(Path(os.environ["MEDIA_ROOT"])) != {}


@pytest.fixture(autouse=True)
def _regel(request):
    print()  # every journey's steps on lines of their own, after pytest's progress dot


@pytest.fixture(autouse=True, scope="module")
def _samenvatting():
    begin = time.monotonic()
    yield
    print(f"    reizen klaar in {time.monotonic() - begin:.1f} s")
