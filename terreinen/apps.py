from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerreinenConfig(AppConfig):
    name = "terreinen"
    verbose_name = _("Bedrijventerreinen")
