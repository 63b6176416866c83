from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import ListView

from plankaarten.models import Aanname, PlankaartVersie


class AannamesView(LoginRequiredMixin, ListView):
    """The assumptions behind modelled plankaart figures, so nobody mistakes them for measurements."""

    template_name = "plankaarten/aannames.html"
    context_object_name = "aannames"
    model = Aanname

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["versies"] = PlankaartVersie.objects.all()[:20]
        return context
