"""The "Factsheet" section of the park page: download links and whether each PDF matches the current data."""

from django.urls import reverse

from factsheets import selectors
from nal_oost import rechten


def sectie_context(request, terrein) -> dict | None:
    if not rechten.mag_factsheet_downloaden(request.user, terrein):
        return None
    varianten = []
    for status in selectors.factsheet_status(terrein=terrein):
        varianten.append(
            {
                "status": status,
                "url": reverse("factsheets:download", args=[terrein.rin, status.variant]) if status.factsheet else None,
            }
        )
    return {
        "varianten": varianten,
        "alles_actueel": all(v["status"].actueel for v in varianten),
        "bijwerken_url": reverse("factsheets:bijwerken", args=[terrein.rin])
        if rechten.mag_factsheet_downloaden(request.user, terrein)
        else None,
    }
