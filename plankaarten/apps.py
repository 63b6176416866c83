from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlankaartenConfig(AppConfig):
    name = "plankaarten"
    verbose_name = _("Plankaarten")

    def ready(self):
        from nal_oost.secties import registreer_terrein_sectie
        from plankaarten.secties import PLANKAART_SECTIE

        registreer_terrein_sectie(PLANKAART_SECTIE)
