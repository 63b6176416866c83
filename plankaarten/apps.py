from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlankaartenConfig(AppConfig):
    name = "plankaarten"
    verbose_name = _("Plankaarten")
