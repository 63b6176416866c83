from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverzichtConfig(AppConfig):
    """The overviews over many parks: they read from terreinen, plankaarten, stappenplan and prioritering."""

    name = "overzicht"
    verbose_name = _("Overzichten")
