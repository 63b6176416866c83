import csv
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gebruikers.importeren import gebruikers_importeren
from nal_oost.importeren import rapport
from nal_oost.verzoek import actor_context


class Command(BaseCommand):
    help = (
        "Maak of wijzig gebruikers in bulk uit een CSV/XLSX met de kolommen gebruikersnaam, rol, gemeenten, "
        "email, voornaam, achternaam, actief. Alles of niets; --dry-run controleert alleen."
    )

    def add_arguments(self, parser):
        parser.add_argument("pad", help="CSV- of XLSX-bestand")
        parser.add_argument("--dry-run", action="store_true", help="alleen controleren en tellen, niets schrijven")
        parser.add_argument("--json", action="store_true", help="het resultaat als één JSON-object afdrukken")
        parser.add_argument(
            "--wachtwoorden",
            metavar="UITVOER.csv",
            help="nieuwe gebruikers krijgen een willekeurig wachtwoord, weggeschreven naar dit bestand (modus 600)",
        )

    def handle(self, *args, **opties):
        pad = Path(opties["pad"])
        if not pad.exists():
            raise CommandError(f"{pad}: bestand bestaat niet")
        uitvoer = Path(opties["wachtwoorden"]) if opties["wachtwoorden"] else None
        if uitvoer and uitvoer.exists():
            raise CommandError(f"{uitvoer}: bestaat al; kies een nieuw bestand voor de wachtwoorden")
        with actor_context("commando import_users"):
            resultaat, wachtwoorden = gebruikers_importeren(pad=pad, dry_run=opties["dry_run"], wachtwoorden=bool(uitvoer))
        if uitvoer and wachtwoorden:
            uitvoer.touch(mode=0o600)
            with uitvoer.open("w", newline="", encoding="utf-8") as f:
                schrijver = csv.writer(f, delimiter=";")
                schrijver.writerow(["gebruikersnaam", "wachtwoord"])
                schrijver.writerows(wachtwoorden)
        if opties["json"]:
            self.stdout.write(json.dumps(resultaat.as_dict(), ensure_ascii=False))
        else:
            self.stdout.write(rapport(resultaat))
            if uitvoer and wachtwoorden:
                self.stdout.write(f"Wachtwoorden van {len(wachtwoorden)} nieuwe gebruiker(s) staan in {uitvoer}.")
        if not resultaat.geslaagd:
            raise SystemExit(1)
