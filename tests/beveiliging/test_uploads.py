import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from nal_oost.uploads import UploadValidator, bestand_serveren, veilige_bestandsnaam

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def xlsx() -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types><Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        z.writestr("xl/workbook.xml", "<workbook/>")
    return uit.getvalue()


def fout(validator, naam, inhoud) -> str:
    with pytest.raises(ValidationError) as exc:
        validator(SimpleUploadedFile(naam, inhoud))
    return exc.value.messages[0]


def test_real_files_of_an_allowed_kind_pass():
    validator = UploadValidator(soorten=("pdf", "xlsx", "csv"))
    validator(SimpleUploadedFile("plan.pdf", PDF))
    validator(SimpleUploadedFile("cijfers.XLSX", xlsx()))
    validator(SimpleUploadedFile("lijst.csv", "rin;naam\n1;Ecofactorij\n".encode("cp1252")))


def test_a_file_over_the_limit_is_refused_with_its_size():
    melding = fout(UploadValidator(soorten=("pdf",), max_bytes=1024 * 1024), "groot.pdf", PDF + b"0" * (2 * 1024 * 1024))
    assert melding == "Het bestand is te groot (2,0 MB); de grens is 1 MB."


@override_settings(NAL_UPLOAD_MAX_MB={"document": 0.0001, "toolbox": 25, "import": 25, "factsheet": 25})
def test_the_default_limit_comes_from_the_setting_of_the_kind():
    assert "de grens is" in fout(UploadValidator("document", soorten=("pdf",)), "plan.pdf", PDF + b" " * 200)
    UploadValidator("toolbox")(SimpleUploadedFile("plan.pdf", PDF + b" " * 200))


def test_a_kind_that_is_not_allowed_is_refused():
    assert (
        fout(UploadValidator(soorten=("pdf",)), "brief.docx", b"PK\x03\x04")
        == "Bestandstype .docx is niet toegestaan; kies een PDF."
    )


def test_a_renamed_file_is_refused_by_its_content():
    validator = UploadValidator(soorten=("pdf", "xlsx", "csv"))
    assert "geen geldig PDF-bestand" in fout(validator, "plan.pdf", b"<html><script>alert(1)</script></html>")
    assert "geen geldig XLSX-bestand" in fout(validator, "cijfers.xlsx", b"PK\x03\x04 not really a zip")
    assert "geen geldig CSV-bestand" in fout(validator, "lijst.csv", b"MZ\x90\x00\x03\x00\x00\x00")
    assert "geen geldig CSV-bestand" in fout(validator, "lijst.csv", b"<script>alert(1)</script>")


def test_empty_files_are_refused():
    assert "is leeg" in fout(UploadValidator(soorten=("pdf",)), "leeg.pdf", b"")


def test_active_content_can_never_be_allowed():
    with pytest.raises(ValueError, match="svg"):
        UploadValidator(soorten=("pdf", "svg"))


def test_stored_names_are_random_and_keep_only_a_known_extension():
    assert veilige_bestandsnaam("../../etc/Plan.PDF").endswith(".pdf")
    assert "/" not in veilige_bestandsnaam("../../etc/passwd") and "." not in veilige_bestandsnaam("x.exe")


def test_a_served_file_is_an_attachment_with_a_fixed_type_and_no_sniffing(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    naam = default_storage.save(veilige_bestandsnaam("plan.pdf"), ContentFile(PDF))
    response = bestand_serveren(default_storage.open(naam), bestandsnaam='plan "v2".pdf')
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;") and "plan_v2.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert b"".join(response.streaming_content) == PDF
    html = bestand_serveren(default_storage.open(naam), bestandsnaam="pagina.html")
    assert html["Content-Type"] == "application/octet-stream"


@pytest.mark.django_db
def test_uploaded_files_have_no_public_url(client, settings, tmp_path, maak_gebruiker):
    settings.MEDIA_ROOT = tmp_path
    naam = default_storage.save("geheim.pdf", ContentFile(PDF))
    client.force_login(maak_gebruiker("beheerder"))
    assert client.get(f"{settings.MEDIA_URL}{naam}").status_code == 404
    assert client.get(f"/{settings.STATIC_URL.strip('/')}/{naam}").status_code == 404


@pytest.mark.django_db
def test_a_request_body_over_the_limit_is_refused_before_it_is_read(client, settings):
    settings.NAL_VERZOEK_MAX_BYTES = 1000
    response = client.post("/inloggen/", data=b"x" * 2000, content_type="application/octet-stream")
    assert response.status_code == 413 and "te groot" in response.content.decode()
