from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from gebruikers.services import tweefactor_resetten
from nal_oost.verzoek import actor_context


class Command(BaseCommand):
    help = "Verwijder de tweestapsverificatie van een gebruiker (telefoon kwijt); bij de volgende login opnieuw instellen."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, **opties):
        try:
            user = get_user_model().objects.get(username=opties["username"])
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"gebruiker '{opties['username']}' bestaat niet") from exc
        with actor_context("commando reset_2fa"):
            aantal = tweefactor_resetten(user=user)
        self.stdout.write(f"{aantal} apparaat/apparaten van {user.username} verwijderd; alle sessies beëindigd.")
