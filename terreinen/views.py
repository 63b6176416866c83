from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import DetailView, ListView

from nal_oost import rollen
from nal_oost.secties import terrein_secties
from terreinen import selectors


class TerreinLijstView(LoginRequiredMixin, ListView):
    template_name = "terreinen/terrein_lijst.html"
    context_object_name = "terreinen"
    paginate_by = 50

    def get_queryset(self):
        return selectors.terrein_lijst(user=self.request.user, zoek=self.request.GET.get("q", "").strip())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["zoek"] = self.request.GET.get("q", "")
        return context


class TerreinDetailView(LoginRequiredMixin, DetailView):
    template_name = "terreinen/terrein_detail.html"
    context_object_name = "terrein"

    def get_object(self, queryset=None):
        return selectors.terrein_detail(user=self.request.user, rin=self.kwargs["rin"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terrein = self.object
        context["plankaarten"] = (
            terrein.plankaarten.filter(actueel=True).select_related("versie").order_by("scenario", "zichtjaar")
        )
        if rollen.ziet_vertrouwelijk(self.request.user):
            context["contacten"] = terrein.contacten.all()
            context["notities"] = terrein.notities.select_related("auteur")
        context["secties"] = terrein_secties(self.request, terrein)
        return context
