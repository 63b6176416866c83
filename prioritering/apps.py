from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrioriteringConfig(AppConfig):
    name = "prioritering"
    verbose_name = _("Prioritering")

    def ready(self):
        from nal_oost.secties import Sectie, registreer_dashboard_sectie, registreer_terrein_sectie
        from prioritering import secties, signalen

        signalen.verbinden()
        registreer_terrein_sectie(
            Sectie("prioriteit", "prioritering/sectie_terrein.html", secties.terrein_sectie, volgorde=40, titel=_("Prioriteit"))
        )
        registreer_dashboard_sectie(
            Sectie("prioriteiten", "prioritering/sectie_dashboard.html", secties.dashboard_sectie, volgorde=40)
        )
