from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerreinenConfig(AppConfig):
    name = "terreinen"
    verbose_name = _("Bedrijventerreinen")

    def ready(self):
        from django.db.models.signals import post_save

        from terreinen.models import Bedrijventerrein
        from terreinen.services.aanmaken import na_opslaan

        post_save.connect(na_opslaan, sender=Bedrijventerrein, dispatch_uid="terreinen.terrein_aangemaakt")
