"""Evil files against the one upload validator, the upload screens and the import commands.

Every file here is refused with the file and a reason, nothing is stored or written, and no
command ends in a traceback. The files are built in the tests (tests/beveiliging/bestanden.py).
"""

import io
import time
import zipfile
from pathlib import Path

import defusedxml
import openpyxl
import openpyxl.xml.functions
import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import models
from django.urls import reverse

from nal_oost.uploads import UploadValidator
from plankaarten.models import Plankaart
from stappenplan.models import Document, Traject
from terreinen.models import Bedrijventerrein
from tests.beveiliging import bestanden
from tests.factories import BedrijventerreinFactory, InstrumentFactory
from toolbox.models import InstrumentVersie

BASIS = Path(settings.BASE_DIR)


def weigering(soort: str, naam: str, inhoud: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as exc:
        UploadValidator(soort)(SimpleUploadedFile(naam, inhoud))
    return exc.value


# -- the validator ---------------------------------------------------------------------------------

KWAADAARDIG = [
    # (kind, name, builder, the reason must mention)
    ("toolbox", "notitie.txt", bestanden.tekst_met_html_na, "<html"),
    ("toolbox", "lijst.csv", bestanden.tekst_met_html_na, "<html"),
    ("toolbox", "notitie.txt", bestanden.utf16_html_txt, "NUL-bytes"),
    ("document", "begroting.xlsx", lambda: bestanden.HTML, "geen zip"),
    ("document", "begroting.xlsx", bestanden.docx_als_xlsx, "inhoudstypen"),
    ("document", "begroting.xlsx", bestanden.zip_zonder_inhoudstypen, "[Content_Types].xml"),
    ("document", "begroting.xlsx", bestanden.biljoen_lachen_xlsx, "DTD of entiteiten"),
    ("document", "begroting.xlsx", bestanden.xxe_xlsx, "DTD of entiteiten"),
    ("document", "begroting.xlsx", bestanden.utf16_dtd_xlsx, "geen XML in UTF-8"),
    ("document", "begroting.xlsx", bestanden.macro_xlsx, "macro"),
    ("document", "begroting.xlsx", bestanden.zip_commentaar_met_html, "commentaar"),
    ("document", "plan.pdf", bestanden.pdf_html_polyglot, "<html"),
    ("document", "foto.png", bestanden.png_html_polyglot, "<html"),
]


@pytest.mark.parametrize(
    "soort,naam,maak,reden", KWAADAARDIG, ids=[f"{maak.__name__}-{naam}" for _s, naam, maak, _r in KWAADAARDIG]
)
def test_evil_files_are_refused_with_the_file_and_the_reason(soort, naam, maak, reden):
    melding = weigering(soort, naam, maak()).messages[0]
    assert f"geen geldig {naam.rsplit('.', 1)[1].upper()}-bestand" in melding
    assert naam in melding and reden in melding


def test_html_after_the_first_8_kb_of_a_text_file_is_found():
    inhoud = bestanden.tekst_met_html_na(9000)
    assert inhoud.find(b"<html") > 8192
    assert "op byte" in weigering("toolbox", "notitie.txt", inhoud).messages[0]


def test_harmless_files_of_every_kind_still_pass():
    UploadValidator("toolbox")(SimpleUploadedFile("cijfers.xlsx", bestanden.echte_xlsx()))
    UploadValidator("toolbox")(SimpleUploadedFile("lijst.csv", ("rin;naam\n101;Café Zoë\n" * 5000).encode("cp1252")))
    UploadValidator("toolbox")(SimpleUploadedFile("notitie.txt", b"Prijs < 10 euro; a<b\n"))
    UploadValidator("document")(SimpleUploadedFile("plan.pdf", bestanden.PDF_KOP + b"%%EOF\n"))


def test_a_300_mb_zip_bomb_xlsx_is_refused_from_its_directory_without_unpacking_it(tmp_path):
    pad = bestanden.zipbom_xlsx(tmp_path / "bom.xlsx", mb=300)
    assert pad.stat().st_size < 2 * 1024 * 1024
    with zipfile.ZipFile(pad) as archief:
        assert archief.getinfo(bestanden.SHEET).file_size > 300 * 1024 * 1024
    begin = time.monotonic()
    melding = weigering("document", "bom.xlsx", pad.read_bytes()).messages[0]
    assert time.monotonic() - begin < 2
    assert "uitgepakt 300 MB; het maximum is 250 MB" in melding and "zip-bom" in melding


def test_a_zip_member_packed_beyond_the_ratio_is_refused(tmp_path):
    pad = bestanden.zipbom_xlsx(tmp_path / "bom.xlsx", mb=20)
    melding = weigering("toolbox", "bom.xlsx", pad.read_bytes()).messages[0]
    assert f"onderdeel '{bestanden.SHEET}' is" in melding and "keer samengeperst; het maximum is 100" in melding


def test_a_zip_with_too_many_entries_is_refused(settings):
    settings.NAL_ZIP_MAX_ONDERDELEN = 50
    melding = weigering("document", "veel.xlsx", bestanden.veel_onderdelen_xlsx(60)).messages[0]
    assert "onderdelen; het maximum is 50" in melding


def test_the_size_limit_is_one_setting_per_kind(settings):
    settings.NAL_UPLOAD_MAX_MB = {**settings.NAL_UPLOAD_MAX_MB, "document": 0.01, "toolbox": 1}
    inhoud = bestanden.PDF_KOP + b" " * 20_000 + b"%%EOF\n"
    assert weigering("document", "plan.pdf", inhoud).code == "te_groot"
    UploadValidator("toolbox")(SimpleUploadedFile("plan.pdf", inhoud))


# -- every FileField carries it, every stored file leaves through one function ---------------------


def test_every_model_file_field_carries_the_upload_validator():
    velden = [
        f"{model._meta.label}.{veld.name}"
        for model in apps.get_models()
        for veld in model._meta.get_fields()
        if isinstance(veld, models.FileField) and not any(isinstance(v, UploadValidator) for v in veld.validators)
    ]
    assert velden == []


def test_every_form_file_field_carries_the_upload_validator():
    from django import forms

    from stappenplan import forms as stappenplan_forms  # noqa: F401 - registers the form classes
    from toolbox import forms as toolbox_forms  # noqa: F401

    def alle(klasse):
        for sub in klasse.__subclasses__():
            yield sub
            yield from alle(sub)

    zonder, gezien = [], 0
    for klasse in set(alle(forms.BaseForm)):
        if klasse.__module__.split(".")[0] not in {c.name for c in apps.get_app_configs() if c.path.startswith(str(BASIS))}:
            continue
        for naam, veld in klasse.base_fields.items():
            if isinstance(veld, forms.FileField):
                gezien += 1
                if not any(isinstance(v, UploadValidator) for v in veld.validators):
                    zonder.append(f"{klasse.__module__}.{klasse.__name__}.{naam}")
    assert gezien >= 2 and zonder == []


def test_no_view_serves_a_file_or_sets_download_headers_itself():
    gevonden = []
    for pad in BASIS.glob("*/**/*.py"):
        relatief = pad.relative_to(BASIS).as_posix()
        if relatief.split("/")[0] in (".venv", "node_modules", "tests", "bench") or relatief == "nal_oost/uploads.py":
            continue
        tekst = pad.read_text(encoding="utf-8")
        for teken in ("FileResponse(", '"Content-Disposition"', "'Content-Disposition'"):
            if teken in tekst:
                gevonden.append(f"{relatief}: {teken}")
    assert gevonden == []


# -- the upload screens: refused, nothing stored ---------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "naam,maak",
    [
        ("notitie.txt", bestanden.tekst_met_html_na),
        ("begroting.xlsx", bestanden.biljoen_lachen_xlsx),
        ("plan.pdf", bestanden.pdf_html_polyglot),
    ],
)
def test_the_toolbox_upload_screen_refuses_evil_files_and_stores_nothing(client, maak_gebruiker, naam, maak, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    instrument = InstrumentFactory()
    client.force_login(maak_gebruiker("beheerder"))
    response = client.post(reverse("toolbox:versie-nieuw", args=[instrument.slug]), {"bestand": SimpleUploadedFile(naam, maak())})
    assert response.status_code == 200 and "geen geldig" in response.content.decode()
    assert not InstrumentVersie.objects.exists() and not any(p.is_file() for p in tmp_path.rglob("*"))


@pytest.mark.django_db
def test_the_stappenplan_upload_refuses_a_fake_xlsx_and_stores_nothing(
    client, maak_gebruiker, twee_gemeenten, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0])
    client.force_login(maak_gebruiker("regisseur"))
    response = client.post(
        reverse("stap-gegevens", args=[terrein.rin, 0]),
        {
            "formulier": "document",
            "document-soort": "overig",
            "document-bestand": SimpleUploadedFile("begroting.xlsx", bestanden.docx_als_xlsx()),
        },
    )
    assert response.status_code == 400 and "inhoudstypen" in response.content.decode()
    assert not Document.objects.exists() and not any(p.is_file() for p in tmp_path.rglob("*"))
    assert Traject.objects.filter(terrein=terrein).exists()


# -- the import commands ---------------------------------------------------------------------------


def test_openpyxl_parses_with_defusedxml_entities_off(tmp_path):
    """openpyxl uses defusedxml when it is installed; an entity declaration is refused, not expanded."""
    assert openpyxl.DEFUSEDXML is True
    assert openpyxl.xml.functions.iterparse.__module__.startswith("defusedxml")
    assert openpyxl.xml.functions.fromstring.__module__.startswith("defusedxml")
    assert defusedxml.__version__ == "0.7.1"
    assert "defusedxml==0.7.1" in (BASIS / "requirements.lock").read_text()
    for maak in (bestanden.biljoen_lachen_xlsx, bestanden.xxe_xlsx):
        pad = tmp_path / f"{maak.__name__}.xlsx"
        pad.write_bytes(maak())
        # Straight to openpyxl, past the application's own checks: defusedxml refuses the DTD's entities
        # (without it, expat would raise its own ParseError or expand them).
        with pytest.raises(Exception) as exc:  # noqa: PT011 - openpyxl may wrap it in a ValueError
            boek = openpyxl.load_workbook(pad, read_only=True)
            list(boek.worksheets[0].iter_rows(values_only=True))
        oorzaken = [exc.value]
        while oorzaken[-1].__cause__ is not None:
            oorzaken.append(oorzaken[-1].__cause__)
        assert any(isinstance(o, defusedxml.EntitiesForbidden) for o in oorzaken), oorzaken


EVIL_XLSX = [
    (bestanden.biljoen_lachen_xlsx, "DTD of entiteiten"),
    (bestanden.xxe_xlsx, "DTD of entiteiten"),
    (bestanden.docx_als_xlsx, "inhoudstypen"),
    (lambda: bestanden.HTML, "geen zip"),
]


def _command(naam: str, pad: Path) -> str:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exc:
        call_command(naam, str(pad), stdout=out, stderr=err)
    assert exc.value.code == 1 and err.getvalue() == ""
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("command", ["import_plankaarten", "import_terreinen", "import_users", "import_gemeenten"])
@pytest.mark.parametrize("maak,reden", EVIL_XLSX, ids=[m.__name__ for m, _r in EVIL_XLSX])
def test_import_commands_refuse_evil_xlsx_with_a_reason_and_write_nothing(command, maak, reden, tmp_path, django_user_model):
    pad = tmp_path / "invoer.xlsx"
    pad.write_bytes(maak())
    voor = (Bedrijventerrein.objects.count(), Plankaart.objects.count(), django_user_model.objects.count())
    uitvoer = _command(command, pad)
    assert "invoer.xlsx: geen geldig XLSX-bestand" in uitvoer and reden in uitvoer, uitvoer
    assert "Traceback" not in uitvoer and "Er is niets geschreven." in uitvoer
    assert (Bedrijventerrein.objects.count(), Plankaart.objects.count(), django_user_model.objects.count()) == voor


@pytest.mark.django_db
def test_import_commands_refuse_a_zip_bomb_xlsx_before_opening_it(tmp_path):
    pad = bestanden.zipbom_xlsx(tmp_path / "bom.xlsx", mb=300)
    begin = time.monotonic()
    uitvoer = _command("import_plankaarten", pad)
    assert time.monotonic() - begin < 5
    assert "bom.xlsx: geen geldig XLSX-bestand: het is uitgepakt 300 MB" in uitvoer


@pytest.mark.django_db
def test_an_import_over_the_size_limit_is_refused(tmp_path, settings):
    settings.NAL_UPLOAD_MAX_MB = {**settings.NAL_UPLOAD_MAX_MB, "import": 0.001}
    pad = tmp_path / "groot.csv"
    pad.write_text("rin;zichtjaar;laadvermogen_kw\n" + "101;2030;10\n" * 200)
    uitvoer = _command("import_plankaarten", pad)
    assert "groot.csv: het bestand is" in uitvoer and "het maximum is" in uitvoer


@pytest.mark.django_db
def test_a_real_xlsx_still_imports(tmp_path, twee_gemeenten):
    BedrijventerreinFactory(gemeente=twee_gemeenten[0], rin=101)
    pad = tmp_path / "plankaarten.xlsx"
    pad.write_bytes(bestanden.echte_xlsx([("RIN", "Zichtjaar", "Laadvermogen (kW)"), (101, 2030, 250)]))
    out = io.StringIO()
    call_command("import_plankaarten", str(pad), stdout=out)
    assert "nieuw 1" in out.getvalue() and Plankaart.objects.filter(terrein__rin=101).exists()
