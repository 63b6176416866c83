from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = _("Audit")

    def ready(self):
        from audit import inloggen, taken  # noqa: F401  (connects the signal receivers)
        from audit.registry import registreer
        from audit.secties import geschiedenis_context
        from nal_oost.secties import Sectie, registreer_terrein_sectie

        # The park and what hangs off it; who sees which change follows nal_oost/zichtbaarheid.py.
        registreer("terreinen.Bedrijventerrein", terrein="pk")
        # Organisations and their people belong to no single park; their links to a park do.
        registreer("terreinen.Organisatie", terrein=None, uitgesloten={"versie"})
        registreer("terreinen.Contactpersoon", terrein=None, uitgesloten={"versie"})
        registreer("terreinen.Betrokkenheid", uitgesloten={"versie"})
        registreer("terreinen.Notitie", uitgesloten={"versie"})
        registreer("plankaarten.Plankaart")
        # The stappenplan's models are registered by stappenplan itself (it knows its checklists' labels).
        registreer("auth.User", terrein=None, uitgesloten={"password", "last_login"})
        registreer_terrein_sectie(
            Sectie(
                sleutel="geschiedenis",
                template="audit/geschiedenis_sectie.html",
                context=geschiedenis_context,
                volgorde=900,
                titel=_("Geschiedenis"),
            )
        )
