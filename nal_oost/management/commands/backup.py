from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from nal_oost.backup import BackupFout, backup_maken


class Command(BaseCommand):
    help = "Maak een back-up van de database en de geüploade bestanden (standaard in var/backups/<tijdstip>)."

    def add_arguments(self, parser):
        parser.add_argument("--map", type=Path, default=None, help="doelmap (mag nog niet bestaan)")

    def handle(self, *args, **opties):
        try:
            map_ = backup_maken(doelmap=opties["map"])
        except (BackupFout, FileExistsError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Back-up gemaakt: {map_}")
