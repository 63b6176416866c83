from django.core.management.base import BaseCommand

from nal_oost.demo import demo_laden


class Command(BaseCommand):
    help = "Laad de demoregio (open data uit NAL_DATA_DIR, anders synthetisch), gemodelleerde plankaarten en demogebruikers."

    def add_arguments(self, parser):
        parser.add_argument("--zonder-gebruikers", action="store_true", help="geen demogebruikers aanmaken")

    def handle(self, *args, **opties):
        verslag = demo_laden(met_gebruikers=not opties["zonder_gebruikers"])
        self.stdout.write(f"Bron: {verslag.bron}")
        for stap in verslag.stappen:
            self.stdout.write(stap)
        if verslag.gebruikers:
            self.stdout.write("\nDemogebruikers (http://127.0.0.1:8000/inloggen/):")
            for naam, rol, wachtwoord in verslag.gebruikers:
                self.stdout.write(f"  {naam:<18} rol {rol:<11} wachtwoord: {wachtwoord or '(ongewijzigd)'}")
