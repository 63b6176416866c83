from django.core.management.base import BaseCommand, CommandError

from nal_oost import bewaren


class Command(BaseCommand):
    help = (
        "Laat alle bewaarde pagina's vervallen, bijvoorbeeld na een wijziging buiten de app om (psql, pg_restore); "
        "wijzigingen via de app doen dit zelf."
    )

    def handle(self, *args, **opties):
        if not bewaren.aan():
            self.stdout.write("Bewaarde pagina's staan uit (geen REDIS_URL of NAL_BEWAARDE_PAGINAS=false): er is niets te doen.")
            return
        if not bewaren.gegevens_gewijzigd():
            raise CommandError("Redis is niet bereikbaar: de bewaarde pagina's konden niet vervallen. Probeer het opnieuw.")
        self.stdout.write("De bewaarde pagina's zijn vervallen; elke pagina wordt bij het volgende bezoek opnieuw opgebouwd.")
