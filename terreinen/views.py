"""The working screens: dashboard, park list (filters, sorting, saved filters, exports), park page and the offline map.

Every view starts from `Bedrijventerrein.objects.zichtbaar_voor(user)` through the selectors; the list, its
exports and the map's park layer all use the same bound FilterSet, so they always show the same parks.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, TemplateView

from nal_oost import rechten, zichtbaarheid
from nal_oost.formulieren import validatiefouten_tonen
from nal_oost.lijsten import LijstView
from nal_oost.secties import dashboard_secties, terrein_secties
from nal_oost.uploads import download_headers
from terreinen import exports, selectors
from terreinen.criteria import aantal_bekend, criteria_voor, is_bekend
from terreinen.filtersets import STAPPEN, STATUSSEN, ZICHTJAREN
from terreinen.forms import MOMENTOPNAME_SALT, CriteriaImportForm, TerreinForm
from terreinen.geojson import feature_collection
from terreinen.grafiek import trechter_svg
from terreinen.models import Bedrijventerrein, Gemeente, Provincie
from terreinen.relaties import selectors as relaties_selectors
from terreinen.services import criteria_upload
from terreinen.services.bewerken import GelijktijdigeWijziging, terrein_bewerken, terrein_momentopname
from terreinen.services.criteria_importeren import VerouderdeVoorvertoning, criteria_importeren
from terreinen.services.filters import opgeslagen_filter_bewaren, opgeslagen_filter_verwijderen

# Dashboard sections with these keys get their own place on the dashboard (other apps register them):
# deadlines of the stappenplan ("achterstallig") and the prioritisation scores ("prioriteiten").
DASHBOARD_SECTIE_ACHTERSTALLIG = "achterstallig"
DASHBOARD_SECTIE_PRIORITEITEN = "prioriteiten"

# Columns of the park list: (sort key, heading, numeric).
LIJST_KOLOMMEN = (
    ("naam", gettext_lazy("Naam"), False),
    ("gemeente", gettext_lazy("Gemeente"), False),
    ("provincie", gettext_lazy("Provincie"), False),
    ("ha_netto", gettext_lazy("Netto ha"), True),
    ("stap", gettext_lazy("Stap"), False),
    ("status", gettext_lazy("Status"), False),
    ("vraag_2025", gettext_lazy("Laadvraag 2025 (kW)"), True),
    ("vraag_2030", gettext_lazy("Laadvraag 2030 (kW)"), True),
    ("vraag_2035", gettext_lazy("Laadvraag 2035 (kW)"), True),
    ("rang", gettext_lazy("Rang (score)"), True),
    ("regisseur", gettext_lazy("Regisseur"), False),
    ("criteria_bekend", gettext_lazy("Criteria bekend"), True),
)
# Columns shown but not sortable (no sort key in the FilterSet).
NIET_SORTEERBAAR = {"regisseur"}

# Map colouring: the legend classes (static/css/terreinen.css holds the colours; kaart.js reads them from the legend).
KAART_KLEUREN = (
    ("stap", gettext_lazy("Stap in het stappenplan")),
    ("status", gettext_lazy("Status")),
    ("vraag_2025", gettext_lazy("Laadvraag 2025")),
    ("vraag_2030", gettext_lazy("Laadvraag 2030")),
    ("vraag_2035", gettext_lazy("Laadvraag 2035")),
)
VRAAG_KLASSEN = (
    ("geen", gettext_lazy("geen gegevens"), None),
    ("v0", gettext_lazy("minder dan 100 kW"), 0),
    ("v1", gettext_lazy("100 tot 250 kW"), 100),
    ("v2", gettext_lazy("250 tot 500 kW"), 250),
    ("v3", gettext_lazy("500 tot 1.000 kW"), 500),
    ("v4", gettext_lazy("1.000 tot 2.500 kW"), 1000),
    ("v5", gettext_lazy("2.500 kW of meer"), 2500),
)


WIDGET_KLASSEN = {
    "select": "utrecht-select utrecht-select--html-select",
    "selectmultiple": "utrecht-select utrecht-select--html-select nal-select-meervoudig",
    "text": "utrecht-textbox utrecht-textbox--html-input",
    "number": "utrecht-textbox utrecht-textbox--html-input nal-getal",
    "checkboxselectmultiple": "utrecht-checkbox utrecht-checkbox--html-input",
}


# Filters shown at once; the others sit behind "Meer filters" (opened when one of them is in use).
BASIS_FILTERS = ("q", "provincie", "gemeente", "stap", "status")


def _filter_context(request, filterset) -> dict:
    form = filterset.form
    if "regisseur" in form.fields:
        form.fields["regisseur"].widget = _regisseur_widget(form.fields["regisseur"].widget.attrs, user=request.user)
    for veld in form:
        veld.field.widget.attrs["class"] = WIDGET_KLASSEN.get(veld.widget_type, "")
        if veld.widget_type == "selectmultiple":
            veld.field.widget.attrs["size"] = 6
    actief = {k for k, v in request.GET.lists() if any(w.strip() for w in v)}
    return {
        "filterset": filterset,
        "filter_form": form,
        "basis_filters": BASIS_FILTERS,
        "meer_filters_actief": bool(actief - set(BASIS_FILTERS) - {"sortering", *selectors.GEEN_FILTER}),
        "filter_actief": any(k for k in request.GET if k not in selectors.GEEN_FILTER and request.GET.get(k)),
    }


def _regisseur_widget(attrs, *, user):
    return forms.Select(attrs=attrs, choices=[("", _("Alle regisseurs"))] + selectors.regisseur_keuzes(user=user))


class DashboardView(LoginRequiredMixin, TemplateView):
    """The start page: where the parks stand, what they need, and links into the filtered list."""

    template_name = "terreinen/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cijfers"] = cijfers = selectors.dashboard_cijfers(user=self.request.user)
        context["trechter_svg"] = trechter_svg(cijfers["stap_totalen"])
        context["zichtjaren"] = ZICHTJAREN
        secties = dashboard_secties(self.request, Bedrijventerrein.objects.zichtbaar_voor(self.request.user))
        eigen_plek = {DASHBOARD_SECTIE_ACHTERSTALLIG, DASHBOARD_SECTIE_PRIORITEITEN}
        context["sectie_achterstallig"] = next((s for s in secties if s[0].sleutel == DASHBOARD_SECTIE_ACHTERSTALLIG), None)
        context["sectie_prioriteiten"] = next((s for s in secties if s[0].sleutel == DASHBOARD_SECTIE_PRIORITEITEN), None)
        context["secties"] = [s for s in secties if s[0].sleutel not in eigen_plek]
        context["kaart_kleur"] = "stap"
        context["legenda"] = _legenda()
        return context


class TerreinLijstView(LoginRequiredMixin, LijstView):
    template_name = "terreinen/terrein_lijst.html"
    context_object_name = "terreinen"
    paginate_by = 50

    def get_queryset(self):
        self.filterset = selectors.terrein_filterset(user=self.request.user, params=self.request.GET)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(_filter_context(self.request, self.filterset))
        huidig = self.request.GET.get("sortering", "")
        kolommen = []
        for sleutel, kop, numeriek in LIJST_KOLOMMEN:
            if huidig == sleutel:
                volgende, aria = f"-{sleutel}", "ascending"
            elif huidig == f"-{sleutel}":
                volgende, aria = sleutel, "descending"
            else:
                volgende, aria = sleutel, None
            kolommen.append(
                {
                    "sleutel": sleutel,
                    "kop": kop,
                    "numeriek": numeriek,
                    "volgende": volgende,
                    "aria_sort": aria,
                    "sorteerbaar": sleutel not in NIET_SORTEERBAAR,
                }
            )
        context["criteria_totaal"] = len(criteria_voor(self.request.user))
        context["kolommen"] = kolommen
        context["opgeslagen_filters"] = selectors.opgeslagen_filters(user=self.request.user)
        if rechten.mag_regisseurs_toewijzen(self.request.user):
            context["toewijzen"] = {"regisseurs": selectors.mogelijke_regisseurs()}
        return context


class TerreinExportView(LoginRequiredMixin, View):
    """The list as CSV or XLSX: the same filter and order as the list, every page."""

    FORMATEN = {
        "csv": ("text/csv; charset=utf-8", exports.terreinen_csv),
        "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exports.terreinen_xlsx),
    }

    def get(self, request, formaat):
        if formaat not in self.FORMATEN:
            raise Http404
        content_type, schrijf = self.FORMATEN[formaat]
        terreinen = selectors.terrein_filterset(user=request.user, params=request.GET).qs
        response = HttpResponse(schrijf(terreinen, kijker=request.user), content_type=content_type)
        naam = f"bedrijventerreinen-{timezone.localdate():%Y%m%d}.{formaat}"
        return download_headers(response, bestandsnaam=naam)


class VolledigheidView(LoginRequiredMixin, TemplateView):
    """Per criterion how many parks do not know it, by municipality and by regisseur; every number opens the list."""

    template_name = "terreinen/volledigheid.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["volledigheid"] = selectors.volledigheid(user=self.request.user)
        return context


class TerreinImportbladView(LoginRequiredMixin, View):
    """The filtered parks' criteria as an import sheet (XLSX) for the criteria import; for the editing roles."""

    def get(self, request):
        if not rechten.mag_bewerken(request.user):
            raise PermissionDenied(_("Alleen een regisseur of beheerder kan criteria importeren."))
        terreinen = selectors.terrein_filterset(user=request.user, params=request.GET).qs
        response = HttpResponse(exports.importblad_xlsx(terreinen), content_type=TerreinExportView.FORMATEN["xlsx"][0])
        return download_headers(response, bestandsnaam=f"criteria-importbestand-{timezone.localdate():%Y%m%d}.xlsx")


class CriteriaImportView(LoginRequiredMixin, View):
    """Upload a criteria sheet → preview of the changes per park and field → confirm (beheerder, regisseur)."""

    template_name = "terreinen/criteria_import.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not rechten.mag_bewerken(request.user):
            raise PermissionDenied(_("Alleen een regisseur of beheerder kan criteria importeren."))
        return super().dispatch(request, *args, **kwargs)

    def render(self, form, resultaat=None, status=200):
        return render(self.request, self.template_name, {"form": form, "resultaat": resultaat}, status=status)

    def get(self, request):
        return self.render(CriteriaImportForm())

    def post(self, request):
        if request.POST.get("stap") == "bevestigen":
            return self.bevestigen(request)
        form = CriteriaImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form, status=400)
        upload = criteria_upload.bewaren(request=request, bestand=form.cleaned_data["bestand"])
        resultaat = criteria_importeren(pad=upload.pad, dry_run=True, bestandsnaam=upload.naam)
        return self.render(CriteriaImportForm(), resultaat, status=200 if resultaat.geslaagd else 400)

    def bevestigen(self, request):
        upload = criteria_upload.ophalen(request=request)
        if upload is None:
            messages.error(request, _("Er is geen bestand om te importeren; upload het opnieuw."))
            return redirect("criteria-import")
        try:
            resultaat = criteria_importeren(
                pad=upload.pad, bestandsnaam=upload.naam, vingerafdruk=request.POST.get("vingerafdruk", "")
            )
        except VerouderdeVoorvertoning as fout:
            messages.warning(request, str(fout))
            resultaat = criteria_importeren(pad=upload.pad, dry_run=True, bestandsnaam=upload.naam)
            return self.render(CriteriaImportForm(), resultaat, status=409)
        if not resultaat.geslaagd:
            return self.render(CriteriaImportForm(), resultaat, status=400)
        criteria_upload.opruimen(request=request)
        messages.success(
            request,
            _("Criteria geïmporteerd uit %(bestand)s: %(gewijzigd)d terrein(en) gewijzigd, %(ongewijzigd)d ongewijzigd.")
            % {"bestand": upload.naam, "gewijzigd": resultaat.gewijzigd, "ongewijzigd": resultaat.ongewijzigd},
        )
        return redirect("terrein-lijst")


class OpgeslagenFilterBewarenView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        querystring = request.POST.get("querystring", "")
        naam = request.POST.get("naam", "")
        try:
            filter_, created = opgeslagen_filter_bewaren(user=request.user, naam=naam, querystring=querystring)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
            return redirect(reverse("terrein-lijst") + ("?" + querystring.lstrip("?") if querystring else ""))
        if created:
            messages.success(request, _("Filter ‘%(naam)s’ opgeslagen.") % {"naam": filter_.naam})
        else:
            messages.success(request, _("Filter ‘%(naam)s’ bijgewerkt.") % {"naam": filter_.naam})
        return redirect(reverse("terrein-lijst") + (f"?{filter_.querystring}" if filter_.querystring else ""))


class OpgeslagenFilterVerwijderenView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        naam = opgeslagen_filter_verwijderen(user=request.user, pk=pk)
        messages.success(request, _("Filter ‘%(naam)s’ verwijderd.") % {"naam": naam})
        return redirect("terrein-lijst")


class TerreinDetailView(LoginRequiredMixin, DetailView):
    template_name = "terreinen/terrein_detail.html"
    context_object_name = "terrein"

    def get_object(self, queryset=None):
        return selectors.terrein_detail(user=self.request.user, rin=self.kwargs["rin"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terrein = self.object
        context["traject"] = getattr(terrein, "traject", None)  # None: the park has not started the stappenplan
        context["stap_label"] = dict(STAPPEN)[terrein.stap_nr]
        context["status_label"] = dict(STATUSSEN).get(terrein.status_code, terrein.status_code)
        user = self.request.user
        context["mag_bewerken"] = rechten.mag_terrein_bewerken(user, terrein)
        if zichtbaarheid.mag_zien(user, "terreinen.Betrokkenheid", terrein=terrein):
            context["betrokkenheden"] = relaties_selectors.betrokkenheden_van(terrein=terrein)
        if zichtbaarheid.mag_zien(user, "terreinen.Organisatie", terrein=terrein):
            context["parkmanagement_organisatie"] = relaties_selectors.parkmanagement_organisatie(terrein=terrein)
        if zichtbaarheid.mag_zien(user, "terreinen.Notitie", terrein=terrein):
            context["notities"] = relaties_selectors.logboek_van(terrein=terrein)
        context["secties"] = terrein_secties(self.request, terrein)
        criteria = criteria_voor(self.request.user)
        context["criteria_totaal"] = len(criteria)
        context["criteria_bekend"] = aantal_bekend(terrein, criteria)
        context["criteria_onbekend"] = [str(c.label) for c in criteria if not is_bekend(terrein, c.veld)]
        return context


class TerreinBewerkenView(LoginRequiredMixin, View):
    """Edit a park's Bijlage 7 criteria, grid data and initiatives (regisseur, beheerder); conflict-safe and audited."""

    template_name = "terreinen/terrein_bewerken.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        # Outside the user's scope: 404 (terrein_detail); inside it but a reading role: 403.
        self.terrein = selectors.terrein_detail(user=request.user, rin=kwargs["rin"])
        if not rechten.mag_bewerken(request.user):
            raise PermissionDenied(_("Alleen een regisseur of beheerder kan de gegevens van een terrein wijzigen."))
        return super().dispatch(request, *args, **kwargs)

    def render(self, form, *, conflict=None, status=200):
        context = {"terrein": self.terrein, "form": form, "conflict": conflict}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, rin):
        form = TerreinForm(instance=self.terrein, momentopname=terrein_momentopname(terrein=self.terrein))
        return self.render(form)

    def post(self, request, rin):
        form = TerreinForm(request.POST, instance=self.terrein)
        if not form.is_valid():
            return self.render(form, status=400)
        try:
            gewijzigd = terrein_bewerken(
                terrein=self.terrein,
                user=request.user,
                gegevens=form.gegevens(),
                gezien_op=form.cleaned_data["gezien_op"],
                momentopname=form.cleaned_data["momentopname"],
            )
        except GelijktijdigeWijziging as conflict:
            # Keep what the user typed, but against the new version: saving again is a deliberate choice.
            data = request.POST.copy()
            data["gezien_op"] = conflict.terrein.gewijzigd_op.isoformat()
            data["momentopname"] = signing.dumps(terrein_momentopname(terrein=conflict.terrein), salt=MOMENTOPNAME_SALT)
            form = TerreinForm(data, instance=self.terrein)
            form.is_valid()
            return self.render(form, conflict=conflict, status=409)
        except ValidationError as fout:
            validatiefouten_tonen(form, fout)
            return self.render(form, status=400)
        if gewijzigd:
            messages.success(
                request,
                _("De gegevens van %(terrein)s zijn opgeslagen (%(velden)s). De score wordt op de achtergrond herberekend.")
                % {"terrein": self.terrein.naam, "velden": ", ".join(gewijzigd)},
            )
        else:
            messages.info(request, _("Er was niets gewijzigd."))
        return redirect("terrein-detail", rin=self.terrein.rin)


def _legenda() -> dict:
    return {
        "stap": [(str(stap), label) for stap, label in STAPPEN],
        "status": list(STATUSSEN),
        "vraag": [(code, label) for code, label, _ondergrens in VRAAG_KLASSEN],
        "vraag_grenzen": [{"klasse": code, "vanaf": grens} for code, _label, grens in VRAAG_KLASSEN if grens is not None],
    }


class KaartView(LoginRequiredMixin, TemplateView):
    """The offline map: municipality and province outlines as base layer, parks coloured, following the list's filters."""

    template_name = "terreinen/kaart.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = selectors.terrein_filterset(user=self.request.user, params=self.request.GET)
        context.update(_filter_context(self.request, filterset))
        kleur = self.request.GET.get("kleur", "stap")
        context["kaart_kleur"] = kleur if kleur in dict(KAART_KLEUREN) else "stap"
        context["kaart_kleuren"] = KAART_KLEUREN
        context["legenda"] = _legenda()
        context["aantal"] = filterset.qs.count()
        params = self.request.GET.copy()
        for sleutel in (*selectors.GEEN_FILTER, "sortering"):
            params.pop(sleutel, None)
        context["kaart_terreinen_url"] = reverse("kaart-terreinen") + (f"?{params.urlencode()}" if params else "")
        return context


class _GeoJSONView(LoginRequiredMixin, View):
    raise_exception = True  # a script gets a 403 instead of a login page it cannot read
    cache_seconden = 0

    def geojson(self, request) -> str:
        raise NotImplementedError

    def get(self, request):
        response = HttpResponse(self.geojson(request), content_type="application/geo+json")
        if self.cache_seconden:
            response["Cache-Control"] = f"private, max-age={self.cache_seconden}"
        return response


# What each map property shows (nal_oost/zichtbaarheid.py): a viewer gets only the properties it may see.
KAART_EIGENSCHAPPEN = {
    "naam": "terreinen.Bedrijventerrein.naam",
    "gemeente__naam": "terreinen.Gemeente.naam",
    "stap_nr": "stappenplan.Traject.stap",
    "status_code": "stappenplan.Traject.status",
    "kw_2025": "plankaarten.Plankaart.laadvermogen_kw",
    "kw_2030": "plankaarten.Plankaart.laadvermogen_kw",
    "kw_2035": "plankaarten.Plankaart.laadvermogen_kw",
}


def kaart_eigenschappen(user) -> tuple[str, ...]:
    return tuple(e for e, bron in KAART_EIGENSCHAPPEN.items() if zichtbaarheid.mag_zien(user, bron))


class KaartTerreinenGeoJSONView(_GeoJSONView):
    """The parks of the current list filter (visible ones only), simplified, 6 decimals, with what the map colours by."""

    def geojson(self, request) -> str:
        filterset = selectors.terrein_filterset(user=request.user, params=request.GET)
        return feature_collection(
            filterset.qs.order_by("rin"),
            eigenschappen=kaart_eigenschappen(request.user),
            id_veld="rin",
            vereenvoudiging_m=5,
        )


class KaartGemeentenGeoJSONView(_GeoJSONView):
    """Municipality outlines (public CBS/PDOK data) as the map's base layer."""

    cache_seconden = 3600

    def geojson(self, request) -> str:
        return feature_collection(
            Gemeente.objects.filter(geometrie__isnull=False, geldig_tot__isnull=True).order_by("code"),
            eigenschappen=("naam",),
            id_veld="code",
            vereenvoudiging_m=50,
        )


class KaartProvinciesGeoJSONView(_GeoJSONView):
    """Province outlines (public CBS/PDOK data) as the map's base layer."""

    cache_seconden = 3600

    def geojson(self, request) -> str:
        return feature_collection(
            Provincie.objects.filter(geometrie__isnull=False).order_by("code"),
            eigenschappen=("naam",),
            id_veld="code",
            vereenvoudiging_m=100,
        )
