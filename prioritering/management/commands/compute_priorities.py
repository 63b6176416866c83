from django.core.management.base import BaseCommand, CommandError

from prioritering import selectors, services
from prioritering.models import Berekening


class Command(BaseCommand):
    help = "Bereken de prioriteitsscores van alle bedrijventerreinen opnieuw (in één doorgang), met voortgang."

    def add_arguments(self, parser):
        parser.add_argument("--versie", type=int, help="versie van het afwegingskader (standaard: de nieuwste)")

    def handle(self, *args, versie=None, **options):
        kader = None
        if versie is not None:
            kader = selectors.kader_lijst().filter(versie=versie).first()
            if kader is None:
                raise CommandError(f"Afwegingskader versie {versie} bestaat niet.")

        def voortgang(fase, gedaan, totaal):
            self.stdout.write(f"  {fase}: {gedaan}/{totaal}")

        uitkomst = services.berekening_direct(aanleiding=Berekening.Aanleiding.COMMANDO, kader=kader, voortgang=voortgang)
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar: {uitkomst['aantal_terreinen']} terreinen gescoord onder afwegingskader versie "
                f"{uitkomst['kader_versie']}; paretoset {uitkomst['paretoset']} terreinen; "
                f"zonder plankaart {uitkomst['zonder_plankaart']}; {uitkomst['indeling']}."
            )
        )
