from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FactsheetsConfig(AppConfig):
    name = "factsheets"
    verbose_name = _("Factsheets")
