"""Render the factsheets whose data changed (or all with --all), through the worker or in this process (--sync)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from factsheets import services
from factsheets.models import FactsheetRun


def _balk(run: FactsheetRun, breedte: int = 30) -> str:
    klaar = run.gedaan + run.mislukt
    gevuld = int(breedte * klaar / run.totaal) if run.totaal else breedte
    return f"[{'#' * gevuld}{'.' * (breedte - gevuld)}] {klaar}/{run.totaal} ({run.percentage}%), {run.mislukt} mislukt"


class Command(BaseCommand):
    help = "Genereert de factsheets (PDF) van alle bedrijventerreinen waarvan de gegevens gewijzigd zijn."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", dest="alles", help="ook actuele factsheets opnieuw genereren")
        parser.add_argument("--sync", action="store_true", help="in dit proces renderen in plaats van door de Celery-worker")
        parser.add_argument(
            "--timeout", type=int, default=0, help="zonder --sync: stop met wachten na zoveel seconden (0 = tot de run klaar is)"
        )

    def handle(self, *args, alles, sync, timeout, **options):
        self._tty = self.stdout.isatty()
        self._laatste = -1
        if sync:
            run = FactsheetRun.objects.create(alles=alles)
            self.stdout.write("Verouderde factsheets zoeken …")
            services.factsheet_run_voorbereiden(run_id=run.pk)
            run.refresh_from_db()
            self.stdout.write(f"{run.totaal} factsheet(s) te genereren.")
            run = services.factsheet_run_synchroon(run=run, voortgang=self._toon)
        else:
            with transaction.atomic():
                run = services.factsheet_run_starten(alles=alles)
            self.stdout.write(f"Run {run.pk} staat in de wachtrij van de worker; voortgang:")
            begin = time.monotonic()
            while not run.afgerond:
                time.sleep(1)
                run.refresh_from_db()
                self._toon(run)
                if timeout and time.monotonic() - begin > timeout:
                    raise CommandError(
                        f"Run {run.pk} is na {timeout} s niet klaar ({run.get_status_display()}); draait de worker? "
                        "De run gaat door zodra een worker hem oppakt."
                    )
        self._toon(run, klaar=True)
        self.stdout.write("")
        if run.mislukt:
            raise CommandError(f"{run.mislukt} factsheet(s) mislukt; zie de run in het beheerscherm.")
        self.stdout.write(self.style.SUCCESS(f"Klaar: {run.gedaan} factsheet(s) bijgewerkt of al actueel."))

    def _toon(self, run: FactsheetRun, klaar: bool = False):
        if self._tty:
            self.stdout.write("\r" + _balk(run), ending="")
            self.stdout.flush()
        elif klaar or run.percentage // 10 != self._laatste // 10:
            # Not a terminal: one line per 10%.
            self.stdout.write(_balk(run))
            self._laatste = run.percentage
