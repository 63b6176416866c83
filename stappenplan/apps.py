from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StappenplanConfig(AppConfig):
    name = "stappenplan"
    verbose_name = _("Stappenplan")

    def ready(self):
        from audit.registry import registreer
        from nal_oost.secties import Sectie, registreer_dashboard_sectie, registreer_terrein_sectie
        from nal_oost.signalen import terreinen_aangemaakt
        from stappenplan.models import CHECKLIST_ACHTERGROND, CHECKLIST_FINANCIAL_CLOSE, LOKALE_AFWEGINGEN
        from stappenplan.services import na_terreinen_aangemaakt
        from stappenplan.views import dashboard_sectie_context, sectie_context

        # Audited (audit.registry); version counters (optimistic locks) are no news to a reader: a step move
        # shows as its step. The checklists' items are stored as keys; the history shows their labels.
        registreer(
            "stappenplan.Traject",
            uitgesloten={"versie"},
            keuzes={"checklist_achtergrond": CHECKLIST_ACHTERGROND, "checklist_financial_close": CHECKLIST_FINANCIAL_CLOSE},
        )
        registreer(
            "stappenplan.Oplossingsrichting",
            terrein="traject__terrein_id",
            uitgesloten={"versie"},
            keuzes={"afwegingen": LOKALE_AFWEGINGEN},
        )
        registreer("stappenplan.Document", terrein="traject__terrein_id")

        terreinen_aangemaakt.connect(na_terreinen_aangemaakt, dispatch_uid="stappenplan.trajecten_aanmaken")

        registreer_terrein_sectie(
            # First on the park page: the current step is what a user comes for.
            Sectie(
                sleutel="stappenplan",
                template="stappenplan/sectie.html",
                context=sectie_context,
                volgorde=0,
                titel=_("Stappenplan"),
            )
        )
        registreer_dashboard_sectie(
            Sectie(
                sleutel="achterstallig",
                template="stappenplan/dashboard_achterstallig.html",
                context=dashboard_sectie_context,
                volgorde=20,
            )
        )
