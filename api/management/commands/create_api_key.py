"""manage.py create_api_key ORGANISATION [--scope …] [--expires YYYY-MM-DD]: prints the new key once."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from api.models import Resource
from api.services import api_sleutel_aanmaken


class Command(BaseCommand):
    help = "Maak een API-sleutel voor een partnerorganisatie; de sleutel wordt één keer getoond."

    def add_arguments(self, parser):
        parser.add_argument("organisatie", help="Naam van de organisatie")
        parser.add_argument(
            "--scope",
            action="append",
            default=[],
            help=f"Onderdeel waartoe de sleutel toegang geeft (herhaalbaar of komma-gescheiden): {', '.join(Resource.values)}. "
            "Standaard alle.",
        )
        parser.add_argument("--expires", help="Vervaldatum YYYY-MM-DD (de sleutel werkt tot en met die dag)")
        parser.add_argument("--omschrijving", default="", help="Doel of contactpersoon")

    def handle(self, *args, organisatie, scope, expires, omschrijving, **options):
        verloopt_op = None
        if expires:
            try:
                verloopt_op = date.fromisoformat(expires)
            except ValueError as fout:
                raise CommandError(f"Ongeldige datum voor --expires: {expires!r}; gebruik YYYY-MM-DD.") from fout
        try:
            sleutel, ruwe_sleutel = api_sleutel_aanmaken(
                organisatie=organisatie, scope=scope, verloopt_op=verloopt_op, omschrijving=omschrijving
            )
        except ValidationError as fout:
            raise CommandError(" ".join(fout.messages)) from fout
        self.stderr.write(
            f"API-sleutel voor {sleutel.organisatie} (toegang: {', '.join(sleutel.scope)}; "
            f"verloopt: {sleutel.verloopt_op or 'nooit'}). Bewaar hem nu: hij wordt niet opnieuw getoond."
        )
        self.stdout.write(ruwe_sleutel)
