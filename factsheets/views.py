"""Downloads of factsheets (per park, or as one ZIP) and the "Alle factsheets genereren" page; rendering never happens here."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponseRedirect, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View

from factsheets import selectors, services
from factsheets.models import FactsheetRun, Variant
from factsheets.tasks import factsheet_renderen_taak
from nal_oost import rechten
from nal_oost.lijsten import LijstView
from nal_oost.taken import taak_starten
from nal_oost.uploads import bestand_serveren, download_headers
from terreinen import selectors as terrein_selectors


class FactsheetDownloadView(LoginRequiredMixin, View):
    """The PDF of a visible park; 404 for a park out of scope and for one not rendered yet."""

    def get(self, request, rin, variant):
        if variant not in Variant.values:
            raise Http404
        factsheet = selectors.factsheet_voor_download(user=request.user, rin=rin, variant=variant)
        if factsheet is None:
            raise Http404(_("Deze factsheet is (nog) niet beschikbaar."))
        naam = f"{variant.replace('_', '-')}-{slugify(factsheet.terrein.naam)}-{factsheet.terrein.rin}.pdf"
        return bestand_serveren(factsheet.bestand, bestandsnaam=naam)


class FactsheetBijwerkenView(LoginRequiredMixin, View):
    """Queue rendering of one visible park's factsheets (only what is stale is rendered)."""

    def post(self, request, rin):
        terrein = terrein_selectors.terrein_detail(user=request.user, rin=rin)
        rechten.toestaan(True, zichtbaar=rechten.mag_factsheet_downloaden(request.user, terrein))
        for variant in Variant.values:
            taak_starten(factsheet_renderen_taak, terrein.pk, variant)
        messages.success(
            request, _("De factsheets worden op de achtergrond bijgewerkt. Ververs de pagina over een paar seconden.")
        )
        return HttpResponseRedirect(reverse("terrein-detail", args=[terrein.rin]) + "#factsheets")


class FactsheetOverzichtView(LoginRequiredMixin, LijstView):
    """Every visible park with its factsheets; for beheerder and medewerker also "Alle factsheets genereren"."""

    template_name = "factsheets/overzicht.html"
    context_object_name = "terreinen"
    paginate_by = 50

    def get_queryset(self):
        return selectors.factsheet_lijst(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["varianten"] = Variant.choices
        if rechten.mag_alle_factsheets_genereren(self.request.user):
            context["mag_genereren"] = True
            context["run"] = selectors.laatste_run()
        return context


class FactsheetRunStartenView(LoginRequiredMixin, View):
    def post(self, request):
        rechten.toestaan(True, zichtbaar=rechten.mag_alle_factsheets_genereren(request.user))
        lopend = FactsheetRun.objects.filter(status__in=[FactsheetRun.Status.WACHTRIJ, FactsheetRun.Status.BEZIG]).first()
        if lopend:
            messages.warning(request, _("Er loopt al een run; wacht tot die klaar is."))
        else:
            services.factsheet_run_starten(gebruiker=request.user, alles=request.POST.get("alles") == "1")
            messages.success(request, _("Het genereren is gestart. De voortgang staat hieronder."))
        return HttpResponseRedirect(reverse("factsheets:overzicht") + "#genereren")


class FactsheetRunStatusView(LoginRequiredMixin, View):
    """Progress of a run as JSON, polled by static/js/factsheets.js."""

    def get(self, request, pk):
        rechten.toestaan(True, zichtbaar=rechten.mag_alle_factsheets_genereren(request.user))
        run = get_object_or_404(FactsheetRun, pk=pk)
        return JsonResponse(
            {
                "status": run.status,
                "status_label": run.get_status_display(),
                "totaal": run.totaal,
                "gedaan": run.gedaan,
                "mislukt": run.mislukt,
                "percentage": run.percentage,
                "afgerond": run.afgerond,
            }
        )


class FactsheetZipView(LoginRequiredMixin, View):
    """All rendered factsheets of the parks this user may see, as one ZIP streamed file by file."""

    def get(self, request):
        variant = request.GET.get("variant", "")
        if variant and variant not in Variant.values:
            raise Http404
        factsheets = selectors.factsheets_voor_zip(user=request.user, varianten=[variant] if variant else Variant.values)
        response = StreamingHttpResponse(
            services.factsheets_zip_stroom(factsheets=factsheets.iterator()), content_type="application/zip"
        )
        return download_headers(response, bestandsnaam=f"factsheets{'-' + variant if variant else ''}.zip")
