from pathlib import Path

import dj_database_url
from django.core.management.base import BaseCommand, CommandError

from nal_oost.backup import BackupFout, backup_terugzetten


class Command(BaseCommand):
    help = "Zet een back-upmap terug in een lege database en een lege mediamap, en controleer de aantallen."

    def add_arguments(self, parser):
        parser.add_argument("map", type=Path, help="back-upmap met manifest.json")
        parser.add_argument("--database-url", default=None, help="lege doeldatabase (standaard: DATABASE_URL)")
        parser.add_argument("--media-root", type=Path, default=None, help="lege doelmap voor media (standaard: MEDIA_ROOT)")

    def handle(self, *args, **opties):
        db = dj_database_url.parse(opties["database_url"]) if opties["database_url"] else None
        try:
            gevonden = backup_terugzetten(bronmap=opties["map"], db=db, media_root=opties["media_root"])
        except (BackupFout, FileNotFoundError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Teruggezet: {sum(gevonden.values())} rijen in {len(gevonden)} tabellen, aantallen gelijk aan de back-up."
        )
