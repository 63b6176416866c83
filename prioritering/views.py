from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView

from nal_oost import rechten
from nal_oost.formulieren import validatiefouten_tonen
from nal_oost.lijsten import LijstView
from nal_oost.uploads import download_headers
from prioritering import export, selectors, services
from prioritering.criteria import CRITERIA
from prioritering.forms import AfwegingskaderForm, SelectierondeForm
from prioritering.models import Berekening, Vraagklasse
from prioritering.selectie import GROEP_LABEL
from terreinen.models import Provincie


class RanglijstView(LoginRequiredMixin, LijstView):
    """All visible parks by score under the current (or a chosen older) weights version, with the why."""

    template_name = "prioritering/ranglijst.html"
    context_object_name = "prioriteiten"
    paginate_by = 50

    def get(self, request, *args, **kwargs):
        versie = request.GET.get("versie", "")
        if versie.isdigit():
            self.kader = selectors.kader_detail(versie=int(versie))
        else:
            self.kader = selectors.kader_laatste() or services.afwegingskader_actueel()
        return super().get(request, *args, **kwargs)

    def filters(self) -> dict:
        g = self.request.GET
        return {
            "provincie": g.get("provincie", "").strip(),
            "vraagklasse": g.get("vraagklasse", "").strip(),
            "alleen_pareto": g.get("pareto") == "1",
            "zoek": g.get("q", "").strip(),
        }

    def get_queryset(self):
        return selectors.prioriteit_lijst(user=self.request.user, kader=self.kader, **self.filters())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = selectors.berekening_status()
        params = self.request.GET.copy()
        params.pop("page", None)
        context.update(
            kader=self.kader,
            kader_is_actueel=self.kader == selectors.kader_laatste(),
            status=status,
            filters=self.filters(),
            provincies=Provincie.objects.filter(code__in=("PV25", "PV23")).only("code", "naam"),
            vraagklassen=[*Vraagklasse.choices, ("onbekend", _("Onbekend (geen plankaart)"))],
            criteria=CRITERIA,
            aantal_criteria=len(CRITERIA),
            mag_herberekenen=rechten.mag_prioriteiten_herberekenen(self.request.user),
            querystring=params.urlencode(),
        )
        laatste = status["laatste"]
        if laatste and laatste.kader_id == self.kader.pk:
            context["samenvatting"] = laatste.samenvatting
        return context


class HerberekenenView(LoginRequiredMixin, View):
    def post(self, request):
        rechten.toestaan(rechten.mag_prioriteiten_herberekenen(request.user))
        services.berekening_inplannen(aanleiding=Berekening.Aanleiding.HANDMATIG)
        messages.success(request, _("De herberekening staat in de wachtrij; de scores worden op de achtergrond bijgewerkt."))
        return redirect("prioritering:ranglijst")


class StatusView(LoginRequiredMixin, View):
    """Run status as JSON, polled by prioritering.js while a recomputation is waiting or running."""

    def get(self, request):
        status = selectors.berekening_status()
        lopend, laatste = status["lopend"], status["laatste"]
        return JsonResponse(
            {
                "lopend": bool(lopend),
                "status": lopend.status if lopend else None,
                "laatst_berekend": laatste.klaar_op.isoformat() if laatste else None,
            }
        )


class KaderLijstView(LoginRequiredMixin, ListView):
    template_name = "prioritering/kader_lijst.html"
    context_object_name = "kaders"

    def get_queryset(self):
        services.afwegingskader_actueel()
        return selectors.kader_lijst()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["mag_wijzigen"] = rechten.mag_beheren(self.request.user)
        return context


class KaderDetailView(LoginRequiredMixin, DetailView):
    template_name = "prioritering/kader_detail.html"
    context_object_name = "kader"

    def get_object(self, queryset=None):
        return selectors.kader_detail(versie=self.kwargs["versie"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        g = self.object.gewichten
        context["regels"] = [(c, [(label, g[c.sleutel][optie]) for optie, label in c.opties]) for c in CRITERIA]
        context["actueel"] = selectors.kader_laatste() == self.object
        return context


class KaderNieuwView(LoginRequiredMixin, FormView):
    """Only a beheerder changes the weights; the change is saved as a new version."""

    template_name = "prioritering/kader_form.html"
    form_class = AfwegingskaderForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            rechten.toestaan(rechten.mag_beheren(request.user))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "kader": services.afwegingskader_actueel()}

    def form_valid(self, form):
        d = form.cleaned_data
        try:
            kader = services.afwegingskader_opslaan(
                gewichten=form.gewichten(),
                vraagklasse_methode=d["vraagklasse_methode"],
                drempel_middel_kw=d["drempel_middel_kw"],
                drempel_hoog_kw=d["drempel_hoog_kw"],
                pareto_aandeel=d["pareto_aandeel"],
                ze_zone_afstand_km=d["ze_zone_afstand_km"],
                toelichting=d["toelichting"],
                door=self.request.user,
            )
        except ValidationError as exc:
            validatiefouten_tonen(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Versie %(versie)s opgeslagen; de scores worden opnieuw berekend.") % {"versie": kader.versie}
        )
        return redirect("prioritering:kader-detail", versie=kader.versie)


class RondeLijstView(LoginRequiredMixin, TemplateView):
    template_name = "prioritering/ronde_lijst.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            rechten.toestaan(True, zichtbaar=rechten.ziet_vertrouwelijk(request.user))
        return super().dispatch(request, *args, **kwargs)

    def formulier(self, data=None):
        return SelectierondeForm(data, rondes=selectors.selectieronde_lijst(user=self.request.user))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rondes"] = selectors.selectieronde_lijst(user=self.request.user)
        context["mag_maken"] = rechten.mag_selectieronde_maken(self.request.user)
        context.setdefault("form", self.formulier())
        context["kader"] = selectors.kader_laatste()
        return context

    def post(self, request):
        rechten.toestaan(rechten.mag_selectieronde_maken(request.user))
        form = self.formulier(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                ronde = services.selectieronde_maken(
                    naam=d["naam"], aantal=d["aantal"], toelichting=d["toelichting"], vorige=d["vorige"], door=request.user
                )
            except ValidationError as exc:
                for fout in exc.messages:
                    form.add_error(None, fout)
            else:
                messages.success(request, _("Selectieronde '%(naam)s' opgeslagen.") % {"naam": ronde.naam})
                return redirect("prioritering:ronde-detail", pk=ronde.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class RondeDetailView(LoginRequiredMixin, DetailView):
    template_name = "prioritering/ronde_detail.html"
    context_object_name = "ronde"

    def get_object(self, queryset=None):
        return selectors.selectieronde_detail(user=self.request.user, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ronde = self.object
        context["keuzes"] = list(ronde.keuzes.all())
        met = self.request.GET.get("met", "")
        andere = ronde.vorige
        if met.isdigit():
            andere = selectors.selectieronde_detail(user=self.request.user, pk=int(met))
        if andere is not None and andere.pk != ronde.pk:
            context["vergelijking"] = selectors.selectierondes_vergelijken(ronde=ronde, andere=andere)
        context["andere_rondes"] = selectors.selectieronde_lijst(user=self.request.user).exclude(pk=ronde.pk)
        v = ronde.verdeling
        context["verdeling"] = [
            (label, v["doel"][groep], v["gekozen"][groep], v["kandidaten"][groep]) for groep, label in GROEP_LABEL.items()
        ]
        return context


class RondeExportView(LoginRequiredMixin, View):
    def get(self, request, pk, formaat):
        pk = int(pk)
        ronde = selectors.selectieronde_detail(user=request.user, pk=pk)
        bestandsnaam = f"selectieronde-{ronde.pk}-{slugify(ronde.naam)[:50] or 'export'}"
        if formaat == "csv":
            response = HttpResponse(export.ronde_csv(ronde), content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse(
                export.ronde_xlsx(ronde), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            )
        return download_headers(response, bestandsnaam=f"{bestandsnaam}.{formaat}")
