from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FactsheetsConfig(AppConfig):
    name = "factsheets"
    verbose_name = _("Factsheets")

    def ready(self):
        from factsheets.sectie import sectie_context
        from nal_oost.secties import Sectie, registreer_terrein_sectie

        registreer_terrein_sectie(
            Sectie(
                sleutel="factsheets", template="factsheets/sectie.html", context=sectie_context, volgorde=60, titel=_("Factsheet")
            )
        )
