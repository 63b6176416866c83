"""The programme page (progress over time, stand per datum, lead times) and the quarterly report's request and downloads."""

from datetime import date, timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from nal_oost.uploads import bestand_serveren, download_headers
from overzicht.filtersets import STAPPEN
from overzicht.selectors import terrein_filterset
from overzicht.views import _filter_context
from stappenplan.termijnen import maanden_later
from voortgang import selectors, services
from voortgang.grafiek import cumulatieve_stroom_svg
from voortgang.models import Kwartaalrapport

# The default period: the last 18 months, as far back as the programme's history is shown.
STANDAARD_MAANDEN = 18
DATUM_WIDGET = forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox utrecht-textbox--html-input"}, format="%Y-%m-%d")


class PeriodeForm(forms.Form):
    verberg_niet_verplicht = True  # a filter: every field may stay empty
    kwartaal = forms.ChoiceField(label=gettext_lazy("Kwartaal"), required=False)
    van = forms.DateField(label=gettext_lazy("Van"), required=False, widget=DATUM_WIDGET)
    tot = forms.DateField(label=gettext_lazy("Tot en met"), required=False, widget=DATUM_WIDGET)
    interval = forms.ChoiceField(label=gettext_lazy("Stand"), choices=selectors.INTERVALLEN, required=False)
    datum = forms.DateField(label=gettext_lazy("Stand op datum"), required=False, widget=DATUM_WIDGET)

    def __init__(self, *args, vandaag: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.vandaag = vandaag
        self.fields["kwartaal"].choices = [("", _("Zelf kiezen (van – tot)"))] + selectors.kwartaal_keuzes(vandaag=vandaag)
        for naam in ("kwartaal", "interval"):
            self.fields[naam].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"

    def clean(self):
        gegevens = super().clean()
        if gegevens.get("kwartaal"):
            gegevens["van"], gegevens["tot"] = selectors.kwartaal_grenzen(gegevens["kwartaal"])
            gegevens["tot"] = min(gegevens["tot"], self.vandaag)
        gegevens["tot"] = gegevens.get("tot") or self.vandaag
        gegevens["van"] = gegevens.get("van") or maanden_later(gegevens["tot"].replace(day=1), -STANDAARD_MAANDEN)
        if gegevens["van"] > gegevens["tot"]:
            raise ValidationError(_("De begindatum ligt na de einddatum."))
        if (gegevens["tot"] - gegevens["van"]).days > 366 * 10:
            raise ValidationError(_("Kies een periode van hoogstens tien jaar."))
        gegevens["interval"] = gegevens.get("interval") or "maand"
        gegevens["datum"] = gegevens.get("datum") or gegevens["tot"]
        return gegevens


def _periode(request, vandaag: date) -> tuple[PeriodeForm, dict]:
    form = PeriodeForm(request.GET or None, vandaag=vandaag)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data
    leeg = PeriodeForm({}, vandaag=vandaag)
    leeg.is_valid()
    return form, leeg.cleaned_data


class VoortgangView(LoginRequiredMixin, TemplateView):
    """Progress over time for the parks of the list's filter: cumulative flow, stand per datum, lead times, exits."""

    template_name = "voortgang/voortgang.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vandaag = timezone.localdate()
        periode_form, periode = _periode(self.request, vandaag)
        filters = QueryDict(mutable=True)
        for sleutel, waarden in selectors.filter_params(self.request.GET).items():
            filters.setlist(sleutel, waarden)
        filterset = terrein_filterset(user=self.request.user, params=filters)
        context.update(_filter_context(self.request, filterset))
        context["filter_actief"] = any(any(w.strip() for w in v) for _k, v in filters.lists())
        g = selectors.voortgang_gegevens(
            user=self.request.user,
            params=filters,
            van=periode["van"],
            tot=periode["tot"],
            interval=periode["interval"],
            datum=periode["datum"],
        )
        labels = [label for _stap, label in STAPPEN]
        context.update(
            {
                "periode_form": periode_form,
                "periode": periode,
                "g": g,
                "stap_labels": labels,
                "stroom_svg": cumulatieve_stroom_svg(g["stroom"], labels),
                "stand_svg": _trechter(g["stand"]),
                "kwartaal": periode_form.cleaned_data.get("kwartaal")
                if periode_form.is_bound and periode_form.is_valid()
                else "",
                "filter_querystring": filters.urlencode(),
                "rapporten": Kwartaalrapport.objects.filter(aangevraagd_door=self.request.user)[:5],
            }
        )
        context["kwartaal_keuze"] = context["kwartaal"] or selectors.kwartaal_van(vandaag - timedelta(days=92))
        context["kwartaal_keuzes"] = selectors.kwartaal_keuzes(vandaag=vandaag)
        return context


def _trechter(stand: dict):
    from overzicht.grafiek import trechter_svg

    return trechter_svg(stand["stap_totalen"], svg_id="stand-trechter")


class KwartaalrapportAanvragenView(LoginRequiredMixin, View):
    """Queue the quarterly report for a quarter and the page's filters; the worker renders the PDF."""

    http_method_names = ["post"]

    def post(self, request):
        filters = QueryDict(request.POST.get("filters", ""))
        filter_dict = selectors.filter_params(filters)
        try:
            rapport = services.kwartaalrapport_aanvragen(
                user=request.user, kwartaal=request.POST.get("kwartaal", ""), filters=filter_dict
            )
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
            return HttpResponseRedirect(reverse("voortgang:overzicht"))
        return HttpResponseRedirect(reverse("voortgang:rapport", args=[rapport.pk]))


def _eigen_rapport(request, pk: int) -> Kwartaalrapport:
    """A report of this user; another user's report does not exist for them (404)."""
    return get_object_or_404(Kwartaalrapport, pk=pk, aangevraagd_door=request.user)


class KwartaalrapportView(LoginRequiredMixin, TemplateView):
    """The state of one request, refreshing itself (without JavaScript) until the PDF is there."""

    template_name = "voortgang/rapport.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rapport = _eigen_rapport(self.request, kwargs["pk"])
        context["rapport"] = rapport
        context["kwartaal_label"] = selectors.kwartaal_label(rapport.kwartaal)
        context["filters"] = rapport.filters
        return context


class KwartaalrapportPdfView(LoginRequiredMixin, View):
    def get(self, request, pk):
        rapport = _eigen_rapport(request, pk)
        if rapport.status != Kwartaalrapport.Status.KLAAR or not rapport.bestand:
            raise Http404(_("Dit rapport is (nog) niet klaar."))
        return bestand_serveren(rapport.bestand, bestandsnaam=f"kwartaalrapport-{rapport.kwartaal}.pdf")


class KwartaalrapportXlsxView(LoginRequiredMixin, View):
    """The same figures as the PDF, as a workbook; computed now for the request's quarter and filters."""

    def get(self, request, pk):
        rapport = _eigen_rapport(request, pk)
        gegevens = selectors.kwartaal_gegevens(user=request.user, kwartaal=rapport.kwartaal, filters=rapport.filters)
        response = HttpResponse(
            services.kwartaalrapport_xlsx(gegevens=gegevens),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        return download_headers(response, bestandsnaam=f"kwartaalrapport-{rapport.kwartaal}.xlsx")
