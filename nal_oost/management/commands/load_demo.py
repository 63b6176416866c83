from django.core.management.base import BaseCommand, CommandError

from nal_oost.demo import DEMO_WACHTWOORD, DemoGeweigerd, demo_laden


class Command(BaseCommand):
    help = "Laad de demoregio (open data uit NAL_DATA_DIR, anders synthetisch), gemodelleerde plankaarten en demogebruikers."

    def add_arguments(self, parser):
        parser.add_argument("--zonder-gebruikers", action="store_true", help="geen demogebruikers aanmaken")
        parser.add_argument(
            "--ook-in-productie",
            action="store_true",
            help="ook met productie-instellingen laden (een bewuste proef; demogebruikers krijgen NAL_DEMO_PASSWORD)",
        )

    def handle(self, *args, **opties):
        try:
            verslag = demo_laden(met_gebruikers=not opties["zonder_gebruikers"], in_productie=opties["ook_in_productie"])
        except DemoGeweigerd as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write(f"Bron: {verslag.bron}")
        for stap in verslag.stappen:
            self.stdout.write(stap)
        if verslag.gebruikers:
            self.stdout.write("\nDemogebruikers (http://127.0.0.1:8000/inloggen/):")
            for naam, rol, wachtwoord in verslag.gebruikers:
                # Only the public default is printed; a chosen password stays out of terminals and logs.
                getoond = "(ongewijzigd)" if not wachtwoord else wachtwoord if wachtwoord == DEMO_WACHTWOORD else "(gekozen)"
                self.stdout.write(f"  {naam:<18} rol {rol:<11} wachtwoord: {getoond}")
