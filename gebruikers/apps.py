from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GebruikersConfig(AppConfig):
    name = "gebruikers"
    verbose_name = _("Gebruikers en toegang")

    def ready(self):
        from gebruikers import signals  # noqa: F401  (connects the login receivers)
