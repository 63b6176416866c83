from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolboxConfig(AppConfig):
    name = "toolbox"
    verbose_name = _("Toolbox")

    def ready(self):
        from nal_oost.secties import Sectie, registreer_terrein_sectie
        from toolbox.secties import terrein_sectie_context

        registreer_terrein_sectie(
            Sectie(
                sleutel="toolbox",
                template="toolbox/terrein_sectie.html",
                context=terrein_sectie_context,
                volgorde=40,
                titel=_("Toolbox"),
            )
        )
