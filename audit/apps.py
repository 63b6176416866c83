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

        # The park and what hangs off it. Confidential: organisations, contact persons and notes, the warm-contact
        # flag of a park, and who leads a traject (a person).
        registreer("terreinen.Bedrijventerrein", terrein="pk", vertrouwelijk={"warme_contacten"})
        # Organisations and their people belong to no single park; their links to a park do.
        registreer("terreinen.Organisatie", terrein=None, vertrouwelijk=True, uitgesloten={"versie"})
        registreer("terreinen.Contactpersoon", terrein=None, vertrouwelijk=True, uitgesloten={"versie"})
        registreer("terreinen.Betrokkenheid", vertrouwelijk=True, uitgesloten={"versie"})
        registreer("terreinen.Notitie", vertrouwelijk=True, uitgesloten={"versie"})
        registreer("plankaarten.Plankaart")
        # Of a traject, municipalities see only where the park stands; outputs (project team, documents…) stay internal.
        registreer("stappenplan.Traject", openbaar={"stap", "status"})
        registreer("stappenplan.Oplossingsrichting", terrein="traject__terrein_id", vertrouwelijk=True, uitgesloten={"versie"})
        registreer("stappenplan.Document", terrein="traject__terrein_id", vertrouwelijk=True)
        registreer("auth.User", terrein=None, vertrouwelijk=True, uitgesloten={"password", "last_login"})
        registreer_terrein_sectie(
            Sectie(sleutel="geschiedenis", template="audit/geschiedenis_sectie.html", context=geschiedenis_context, volgorde=900)
        )
