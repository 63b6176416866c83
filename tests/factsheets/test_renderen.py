"""Rendering: a real, tagged PDF; once per data hash; atomic files; no network."""

import os
import time
from pathlib import Path

import pytest
from django.contrib.gis.geos import MultiPolygon, Polygon
from weasyprint.urls import FatalURLFetchingError

from factsheets import selectors, services
from factsheets.models import Factsheet, Variant
from plankaarten.models import Plankaart
from stappenplan.models import Traject
from tests.factsheets.conftest import pdf_ontleed, pdf_tekst, plankaart_voor, volgende_versie

pytestmark = pytest.mark.django_db


def renderen(terrein, variant=Variant.FACTSHEET, **kwargs):
    return services.factsheet_renderen(terrein_id=terrein.pk, variant=variant, **kwargs)


def test_rendered_factsheet_is_a_tagged_dutch_pdf_with_name_and_2035_figure(terrein_met_alles, media):
    resultaat = renderen(terrein_met_alles)
    assert resultaat.gerenderd
    pad = Path(resultaat.factsheet.bestand.path)
    data = pad.read_bytes()
    assert data.startswith(b"%PDF-1.7") and data.rstrip().endswith(b"%%EOF")
    objecten = pdf_ontleed(data)
    assert b"/StructTreeRoot" in objecten and b"/Marked true" in objecten
    assert b"/Lang (nl)" in objecten
    assert b"pdfuaid:part" in objecten  # PDF/UA identification in the XMP metadata
    tekst = pdf_tekst(pad)
    assert "Ecofactorij" in tekst
    assert "6.620 kW" in tekst
    assert "Pagina 1 van" in tekst
    assert resultaat.factsheet.grootte == len(data) and resultaat.factsheet.aantal_renders == 1


def test_plankaart_detail_pdf_holds_the_detail_section(terrein_met_alles, media):
    resultaat = renderen(terrein_met_alles, Variant.PLANKAART_DETAIL)
    tekst = pdf_tekst(resultaat.factsheet.bestand.path)
    assert "Plankaart in detail" in tekst and "Apeldoorn-Noord" in tekst


def test_rendering_twice_renders_once(terrein_met_alles, media):
    eerste = renderen(terrein_met_alles, taak_id="taak-1")
    mtime = os.stat(eerste.factsheet.bestand.path).st_mtime_ns
    tweede = renderen(terrein_met_alles, taak_id="taak-2")
    assert not tweede.gerenderd and tweede.html is None
    factsheet = Factsheet.objects.get()
    assert factsheet.aantal_renders == 1 and factsheet.taak_id == "taak-1"
    assert os.stat(factsheet.bestand.path).st_mtime_ns == mtime


def wijzig_terrein(terrein):
    terrein.naam = "Ecofactorij-Zuid"
    terrein.save()


def wijzig_plankaart(terrein):
    Plankaart.objects.filter(terrein=terrein, zichtjaar=2035).update(laadvermogen_kw=7100)


def nieuwe_plankaartversie(terrein):
    Plankaart.objects.filter(terrein=terrein).update(actueel=False)
    plankaart_voor(terrein, versie=volgende_versie(bron="import"), figuren={2025: 900, 2030: 3500, 2035: 7000})


def volgende_stap(terrein):
    Traject.objects.filter(terrein=terrein).update(stap=3)


def wijzig_geometrie(terrein):
    terrein.geometrie = MultiPolygon(Polygon(((200_000, 470_000), (201_000, 470_000), (200_500, 471_000), (200_000, 470_000))))
    terrein.save()


@pytest.mark.parametrize("wijziging", [wijzig_terrein, wijzig_plankaart, nieuwe_plankaartversie, volgende_stap, wijzig_geometrie])
def test_a_data_change_makes_the_factsheet_stale_and_it_renders_again(terrein_met_alles, media, wijziging):
    renderen(terrein_met_alles)
    assert [s.actueel for s in selectors.factsheet_status(terrein=terrein_met_alles) if s.variant == Variant.FACTSHEET] == [True]
    wijziging(terrein_met_alles)
    assert [s.actueel for s in selectors.factsheet_status(terrein=terrein_met_alles) if s.variant == Variant.FACTSHEET] == [False]
    assert (terrein_met_alles.pk, Variant.FACTSHEET) in selectors.factsheets_verouderd(
        terreinen=type(terrein_met_alles).objects.all()
    )
    opnieuw = renderen(terrein_met_alles)
    assert opnieuw.gerenderd and opnieuw.factsheet.aantal_renders == 2
    assert not renderen(terrein_met_alles).gerenderd


def test_saving_a_park_without_changing_anything_keeps_its_factsheet_current(terrein_met_alles, media):
    renderen(terrein_met_alles)
    terrein_met_alles.save()  # bumps gewijzigd_op only
    assert not renderen(terrein_met_alles).gerenderd


def test_a_detail_only_change_leaves_the_company_factsheet_current(terrein_met_alles, media):
    renderen(terrein_met_alles, Variant.FACTSHEET)
    renderen(terrein_met_alles, Variant.PLANKAART_DETAIL)
    terrein_met_alles.onderstation = "Apeldoorn-Zuid"
    terrein_met_alles.save()
    assert selectors.factsheets_verouderd(terreinen=type(terrein_met_alles).objects.all()) == [
        (terrein_met_alles.pk, Variant.PLANKAART_DETAIL)
    ]


def test_forced_render_renders_an_unchanged_park_again(terrein_met_alles, media):
    renderen(terrein_met_alles)
    assert renderen(terrein_met_alles, forceren=True).gerenderd
    assert Factsheet.objects.get().aantal_renders == 2


def test_failed_write_leaves_the_previous_pdf_intact_and_no_temporary_file(tmp_path):
    doel = tmp_path / "1-factsheet.pdf"
    services.bestand_atomisch_schrijven(doel, lambda f: f.write(b"%PDF-oud"))

    def half_en_dan_fout(f):
        f.write(b"%PDF-nieuw maar half")
        raise RuntimeError("renderfout halverwege")

    with pytest.raises(RuntimeError):
        services.bestand_atomisch_schrijven(doel, half_en_dan_fout)
    assert doel.read_bytes() == b"%PDF-oud"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1-factsheet.pdf"]


def test_a_render_that_fails_keeps_the_previous_pdf_and_its_hash(terrein_met_alles, media, settings):
    eerste = renderen(terrein_met_alles)
    oud = Path(eerste.factsheet.bestand.path).read_bytes()
    wijzig_terrein(terrein_met_alles)
    # A stylesheet that cannot be found is fatal for the render (a real failure, not a mock).
    settings.STATICFILES_DIRS = []
    settings.STATIC_URL = "/ontbreekt/"
    with pytest.raises(services.FactsheetRenderFout, match="factsheet.css"):
        renderen(terrein_met_alles)
    factsheet = Factsheet.objects.get()
    assert Path(factsheet.bestand.path).read_bytes() == oud
    assert factsheet.data_hash == eerste.factsheet.data_hash and factsheet.aantal_renders == 1
    assert [p.name for p in Path(factsheet.bestand.path).parent.iterdir()] == [Path(factsheet.bestand.path).name]


def test_temporary_file_of_a_killed_render_is_removed_by_the_next_write(tmp_path):
    doel = tmp_path / "1-factsheet.pdf"
    pid = 2**22 + 12345  # above the kernel's pid_max default: no such process
    wees = tmp_path / f".1-factsheet.pdf~{services._host()}~{pid}~abc.tmp"
    wees.write_bytes(b"%PDF-half")
    levend = tmp_path / f".1-factsheet.pdf~{services._host()}~{os.getpid()}~def.tmp"
    levend.write_bytes(b"%PDF-bezig")
    oud_elders = tmp_path / ".1-factsheet.pdf~andere-host~1~ghi.tmp"
    oud_elders.write_bytes(b"%PDF-oud")
    os.utime(oud_elders, (time.time() - 3600, time.time() - 3600))
    services.bestand_atomisch_schrijven(doel, lambda f: f.write(b"%PDF-1.7"))
    assert not wees.exists() and not oud_elders.exists()
    assert levend.exists()  # a render still running in this process is left alone


def test_url_fetcher_serves_own_static_files_and_refuses_everything_else():
    fetcher = services._statische_url_fetcher()
    eigen = fetcher.fetch(services.BASIS_URL + "static/css/factsheet.css")
    assert b"@page" in eigen.read() and eigen.content_type == "text/css"
    for url in ("https://example.org/tracker.png", "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd"):
        with pytest.raises(ValueError, match="geweigerd"):
            fetcher.fetch(url)
    # Our own host, but not one of our static files: the render stops rather than guess.
    for url in (
        "static/../../../etc/passwd",
        "static/%2e%2e/%2e%2e/etc/passwd",
        "media/factsheets/1-factsheet.pdf",
        "static/css/x.css",
    ):
        with pytest.raises(FatalURLFetchingError, match="geweigerd"):
            fetcher.fetch(services.BASIS_URL + url)


def test_external_resources_in_the_html_are_not_fetched_but_the_pdf_is_still_made(caplog):
    html = (
        '<html lang="nl"><head><title>t</title><link rel="stylesheet" href="https://example.org/x.css"></head>'
        '<body><p>Hallo</p><img src="https://example.org/x.png" alt="x"></body></html>'
    )
    pdf = services.html_naar_pdf(html=html)
    assert pdf.startswith(b"%PDF")
    geweigerd = [r.getMessage() for r in caplog.records if "geweigerd" in r.getMessage()]
    assert any("https://example.org/x.png" in m for m in geweigerd)
    assert any("https://example.org/x.css" in m for m in geweigerd)
