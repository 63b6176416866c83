"""Thin views of the toolbox: catalogue, instrument detail, maintenance, files, and use on a park."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views import View
from django.views.generic import TemplateView

from nal_oost import rechten
from nal_oost.formulieren import validatiefouten_tonen
from nal_oost.lijsten import LijstView
from nal_oost.uploads import bestand_serveren
from stappenplan.models import Stap
from terreinen import selectors as terrein_selectors
from toolbox import selectors, services
from toolbox.filtersets import InstrumentFilterSet
from toolbox.forms import InstrumentForm, InzetForm, VersieForm
from toolbox.models import Instrument


class OnderhoudMixin(LoginRequiredMixin, rechten.RechtVereistMixin):
    """Maintaining the catalogue everyone reads: the beheerder only, 403 for the others."""

    recht = staticmethod(rechten.mag_beheren)
    recht_melding = _lazy("Alleen een beheerder mag de toolbox onderhouden.")


class InstrumentLijstView(LoginRequiredMixin, LijstView):
    template_name = "toolbox/instrument_lijst.html"
    context_object_name = "instrumenten"
    paginate_by = 100

    def get_queryset(self):
        self.filterset = InstrumentFilterSet(
            self.request.GET or None, queryset=selectors.instrument_lijst(user=self.request.user), user=self.request.user
        )
        if self.filterset.is_bound and not self.filterset.is_valid():
            # An invalid filter value is shown as an error on the form, not silently ignored.
            return self.filterset.queryset.none()
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        zoek = self.request.GET.copy()
        zoek.pop("page", None)
        context["zoek_querystring"] = zoek.urlencode()
        return context


class InstrumentDetailView(LoginRequiredMixin, TemplateView):
    template_name = "toolbox/instrument_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        instrument = selectors.instrument_detail(user=self.request.user, slug=kwargs["slug"])
        context.update(
            instrument=instrument,
            versies=selectors.instrument_versies(instrument=instrument),
            inzetten=selectors.instrument_inzetten(user=self.request.user, instrument=instrument),
        )
        return context


class InstrumentBewerkenView(OnderhoudMixin, View):
    """Create (no slug) or change an instrument; beheerder only."""

    template_name = "toolbox/instrument_form.html"

    def _instrument(self, request, slug):
        return get_object_or_404(Instrument, slug=slug) if slug else None

    def get(self, request, slug=None):
        instrument = self._instrument(request, slug)
        form = InstrumentForm(initial=InstrumentForm.initial_voor(instrument) if instrument else None)
        return render(request, self.template_name, {"form": form, "instrument": instrument})

    def post(self, request, slug=None):
        instrument = self._instrument(request, slug)
        form = InstrumentForm(request.POST)
        if form.is_valid():
            try:
                instrument = services.instrument_opslaan(door=request.user, instrument=instrument, **form.cleaned_data)
            except ValidationError as fout:
                validatiefouten_tonen(form, fout)
            else:
                messages.success(request, _("Instrument “%(titel)s” is opgeslagen.") % {"titel": instrument.titel})
                return redirect("toolbox:instrument-detail", slug=instrument.slug)
        return render(request, self.template_name, {"form": form, "instrument": instrument})


class VersieToevoegenView(OnderhoudMixin, View):
    template_name = "toolbox/versie_form.html"

    def _instrument(self, request, slug):
        return get_object_or_404(Instrument, slug=slug)

    def get(self, request, slug):
        instrument = self._instrument(request, slug)
        return render(request, self.template_name, {"form": VersieForm(), "instrument": instrument})

    def post(self, request, slug):
        instrument = self._instrument(request, slug)
        form = VersieForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                versie = services.instrument_versie_toevoegen(
                    door=request.user,
                    instrument=instrument,
                    bestand=form.cleaned_data["bestand"],
                    toelichting=form.cleaned_data["toelichting"],
                )
            except ValidationError as fout:
                validatiefouten_tonen(form, fout)
            else:
                messages.success(request, _("Versie %(nummer)s is toegevoegd.") % {"nummer": versie.nummer})
                return redirect("toolbox:instrument-detail", slug=instrument.slug)
        return render(request, self.template_name, {"form": form, "instrument": instrument})


class VersieDownloadView(LoginRequiredMixin, View):
    """Documents are only served here, after the same visibility check as the instrument page."""

    def get(self, request, slug, nummer):
        versie = selectors.instrument_versie_voor_download(user=request.user, slug=slug, nummer=nummer)
        return bestand_serveren(versie.bestand, bestandsnaam=versie.bestandsnaam)


class InzetVastleggenView(LoginRequiredMixin, View):
    """A regisseur or beheerder records the use of an instrument on a park they may see."""

    template_name = "toolbox/inzet_form.html"

    def _context(self, request, rin):
        terrein = terrein_selectors.terrein_detail(user=request.user, rin=rin)
        rechten.toestaan(
            rechten.mag_instrument_inzet_vastleggen(request.user, terrein),
            melding=_("Alleen een regisseur of beheerder mag het gebruik van instrumenten vastleggen."),
        )
        huidige_stap, _status = selectors.terrein_huidige_stap(terrein=terrein)
        instrumenten = selectors.instrument_keuzes(user=request.user)
        return terrein, huidige_stap, instrumenten

    def get(self, request, rin):
        terrein, huidige_stap, instrumenten = self._context(request, rin)
        initial = {}
        if request.GET.get("instrument", "").isdigit():
            initial["instrument"] = int(request.GET["instrument"])
        form = InzetForm(instrumenten=instrumenten, huidige_stap=huidige_stap, initial=initial)
        return render(request, self.template_name, {"form": form, "terrein": terrein})

    def post(self, request, rin):
        terrein, huidige_stap, instrumenten = self._context(request, rin)
        form = InzetForm(request.POST, instrumenten=instrumenten, huidige_stap=huidige_stap)
        if form.is_valid():
            try:
                inzet = services.instrument_inzet_vastleggen(door=request.user, terrein=terrein, **form.cleaned_data)
            except ValidationError as fout:
                validatiefouten_tonen(form, fout)
            else:
                melding = _("Gebruik van “%(titel)s” in %(stap)s is vastgelegd.") % {
                    "titel": inzet.instrument.titel,
                    "stap": inzet.get_stap_display(),
                }
                if inzet.opnieuw_ingezet:
                    melding += " " + _("Nieuwe ronde %(ronde)s in stap 3.") % {"ronde": inzet.ronde}
                messages.success(request, melding)
                return redirect(reverse("terrein-detail", args=[terrein.rin]) + "#toolbox")
        return render(request, self.template_name, {"form": form, "terrein": terrein})


class ZelfstandigOverzichtView(LoginRequiredMixin, TemplateView):
    """Printable overview of the toolbox for a park that continues alone after the startsessie."""

    template_name = "toolbox/zelfstandig_overzicht.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terrein = terrein_selectors.terrein_detail(user=self.request.user, rin=kwargs["rin"])
        per_stap = selectors.zelfstandig_overzicht(user=self.request.user, terrein=terrein)
        context.update(
            terrein=terrein,
            stappen=[(Stap(stap).label, instrumenten) for stap, instrumenten in per_stap.items()],
            absolute_basis=self.request.build_absolute_uri("/").rstrip("/"),
        )
        return context
