import sys

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
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="lees het wachtwoord van standaardinvoer (niet zichtbaar in de proceslijst)",
        )
        parser.add_argument("--email", default=None)
        parser.add_argument("--inactief", action="store_true", help="account uitschakelen (mag niet meer inloggen)")

    def handle(self, *args, **opties):
        wachtwoord = opties["password"]
        if opties["password_stdin"]:
            wachtwoord = sys.stdin.readline().rstrip("\r\n") or None
        try:
            user, created = gebruiker_opslaan(
                username=opties["username"],
                rol=opties["role"],
                gemeente_codes=opties["gemeente"],
                password=wachtwoord,
                actief=not opties["inactief"],
                email=opties["email"],
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(f"{'Aangemaakt' if created else 'Bijgewerkt'}: {user.username} ({opties['role']})")
