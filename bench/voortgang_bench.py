"""Time the programme views over the demo region with its 18 months of demo history, against the dashboard.

In-process (Django's test client, logged in as the demo medewerker) on a throw-away PostGIS database. Baselines in
the same run: the dashboard page for the pages, the dashboard's figures (`dashboard_cijfers`) for the report's data,
and one factsheet PDF for the report's PDF, so the ratios show what history and the report cost on top of them.
"""

import os
import tempfile
from datetime import timedelta

from _opzet import meet, tabel, testdatabase
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone

from factsheets import services as factsheet_services
from nal_oost.demo import demo_laden
from overzicht.selectors import dashboard_cijfers
from stappenplan.models import StapOvergang
from terreinen.models import Bedrijventerrein
from voortgang import selectors, services

HERHALINGEN = int(os.environ.get("VOORTGANG_BENCH_N", "7"))


def main():
    with (
        testdatabase(),
        tempfile.TemporaryDirectory() as media,
        override_settings(ALLOWED_HOSTS=["testserver"], MEDIA_ROOT=media),
    ):
        demo_laden(wachtwoord="Bench-wachtwoord-2026")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        gebruiker = get_user_model().objects.get(username="demo-medewerker")
        client = Client()
        client.force_login(gebruiker)
        vandaag = timezone.localdate()
        kwartaal = selectors.kwartaal_van(vandaag - timedelta(days=92))
        parken, moves = Bedrijventerrein.objects.count(), StapOvergang.objects.count()
        oudste = StapOvergang.objects.order_by("op").values_list("op", flat=True).first()
        print(
            f"Demo region: {parken} parks, {moves} logged moves since {oudste:%Y-%m-%d}; "
            f"{os.cpu_count()} CPUs; median of {HERHALINGEN} runs."
        )

        def pagina(pad):
            def haal():
                antwoord = client.get(pad)
                assert antwoord.status_code == 200, (pad, antwoord.status_code)

            return haal

        gegevens = selectors.kwartaal_gegevens(user=gebruiker, kwartaal=kwartaal, filters={})
        terrein = Bedrijventerrein.objects.order_by("rin").first()
        dashboard = meet(pagina("/"), HERHALINGEN)
        rijen = [
            ("progress page, region, 18 months per month", meet(pagina("/voortgang/"), HERHALINGEN), "dashboard page", dashboard),
            (
                "progress page, region, 18 months per week",
                meet(pagina("/voortgang/?interval=week"), HERHALINGEN),
                "dashboard page",
                dashboard,
            ),
            (
                "progress page, Gelderland, one quarter",
                meet(pagina(f"/voortgang/?kwartaal={kwartaal}&provincie=PV25"), HERHALINGEN),
                "dashboard page",
                dashboard,
            ),
        ]
        cijfers = meet(lambda: dashboard_cijfers(user=gebruiker), HERHALINGEN)
        rijen.append(
            (
                f"report data, region, quarter {kwartaal}",
                meet(lambda: selectors.kwartaal_gegevens(user=gebruiker, kwartaal=kwartaal, filters={}), HERHALINGEN),
                "dashboard figures",
                cijfers,
            )
        )
        rijen.append(
            (
                "report XLSX",
                meet(lambda: services.kwartaalrapport_xlsx(gegevens=gegevens), HERHALINGEN),
                "dashboard figures",
                cijfers,
            )
        )
        factsheet = meet(
            lambda: factsheet_services.factsheet_renderen(terrein_id=terrein.pk, variant="factsheet", forceren=True), 3
        )
        rijen.append(
            (
                "report PDF (WeasyPrint, PDF/UA)",
                meet(lambda: services.kwartaalrapport_pdf(gegevens=gegevens), 3),
                "one factsheet PDF",
                factsheet,
            )
        )
        print(tabel(rijen))


if __name__ == "__main__":
    main()
