from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from nal_oost import rollen
from terreinen.services.gebruikers import gebruiker_opslaan


class Command(BaseCommand):
    help = "Maak of wijzig een gebruiker met een rol (beheerder, regisseur, medewerker, gemeente)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=list(rollen.ROLLEN))
        parser.add_argument(
            "--gemeente", action="append", default=[], metavar="GMxxxx", help="herhaalbaar; verplicht voor gemeente"
        )
        parser.add_argument("--password", default=None, help="zonder deze optie blijft het wachtwoord ongewijzigd")

    def handle(self, *args, **opties):
        try:
            user, created = gebruiker_opslaan(
                username=opties["username"], rol=opties["role"], gemeente_codes=opties["gemeente"], password=opties["password"]
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(f"{'Aangemaakt' if created else 'Bijgewerkt'}: {user.username} ({opties['role']})")
