from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoortgangConfig(AppConfig):
    name = "voortgang"
    verbose_name = _("Voortgang van het programma")
