"""Every download view answers with the same headers (nal_oost.uploads.download_headers / bestand_serveren)."""

import pytest
from django.urls import reverse

DOWNLOADS = {
    # name: (how to build the URL from the test environment, the content type)
    "stappenplan-document": (lambda o: reverse("stappenplan-document", args=[o.document_openbaar.pk]), "image/png"),
    "toolbox-versie": (lambda o: reverse("toolbox:versie-download", args=[o.instrument.slug, 1]), "text/plain"),
    "factsheet": (lambda o: reverse("factsheets:download", args=[o.eigen.rin, "factsheet"]), "application/pdf"),
    "factsheets-zip": (lambda o: reverse("factsheets:zip"), "application/zip"),
    "terreinen-csv": (lambda o: reverse("terrein-export", args=["csv"]), "text/csv; charset=utf-8"),
    "terreinen-xlsx": (
        lambda o: reverse("terrein-export", args=["xlsx"]),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "ronde-csv": (lambda o: reverse("prioritering:ronde-export", args=[o.ronde.pk, "csv"]), "text/csv"),
    "ronde-xlsx": (
        lambda o: reverse("prioritering:ronde-export", args=[o.ronde.pk, "xlsx"]),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("naam", DOWNLOADS)
def test_every_download_is_an_attachment_that_is_not_sniffed_cached_or_run(client, omgeving, naam):
    adres, content_type = DOWNLOADS[naam]
    client.force_login(omgeving.gebruikers["beheerder"])
    response = client.get(adres(omgeving))
    inhoud = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200 and inhoud
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"


@pytest.mark.django_db
def test_a_stored_name_with_quotes_or_paths_is_served_under_a_safe_name(client, omgeving):
    document = omgeving.document_openbaar
    document.naam = '../../"geheim" plan.png'
    document.save()
    client.force_login(omgeving.gebruikers["beheerder"])
    response = client.get(reverse("stappenplan-document", args=[document.pk]))
    b"".join(response.streaming_content)
    assert response["Content-Disposition"] == 'attachment; filename="geheim_plan.png"'


@pytest.mark.django_db
def test_a_stored_file_that_went_missing_is_a_404(client, omgeving):
    document = omgeving.document_openbaar
    opslag, naam = document.bestand.storage, document.bestand.name
    with opslag.open(naam, "rb") as f:
        inhoud = f.read()
    opslag.delete(naam)
    try:
        client.force_login(omgeving.gebruikers["beheerder"])
        assert client.get(reverse("stappenplan-document", args=[document.pk])).status_code == 404
    finally:
        with opslag.open(naam, "wb") as f:
            f.write(inhoud)
