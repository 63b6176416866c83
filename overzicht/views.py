"""The overviews over many parks: dashboard, park list (filters, sorting, saved filters, bulk assignment, exports),
completeness and the offline map.

Every view starts from `Bedrijventerrein.objects.zichtbaar_voor(user)` through the selectors; the list, its
exports and the map's park layer all use the same bound FilterSet, so they always show the same parks.
"""

import math

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from nal_oost import rechten, zichtbaarheid
from nal_oost.bewaren import bewaard
from nal_oost.lijsten import LijstView
from nal_oost.secties import dashboard_secties
from nal_oost.uploads import download_headers
from overzicht import exports, selectors
from overzicht.actieve_filters import actieve_filters, alles_wissen
from overzicht.filtersets import STAPPEN, STATUSSEN
from overzicht.grafiek import trechter_svg
from overzicht.kaart import omtrek_telling
from overzicht.kolommen import VAST, kolomgroepen, kolommen_voor, tabelkoppen
from overzicht.services import (
    kolomkeuze_bewaren,
    kolomkeuze_herstellen,
    opgeslagen_filter_bewaren,
    opgeslagen_filter_verwijderen,
)
from plankaarten.models import ZICHTJAREN
from stappenplan.models import Traject
from stappenplan.services import regisseur_toewijzen, trajecten_aanmaken
from terreinen.criteria import criteria_voor
from terreinen.geojson import feature_collection, labelpunt
from terreinen.models import Bedrijventerrein, Gemeente, Provincie

# Dashboard sections with these keys get their own place on the dashboard (other apps register them):
# deadlines of the stappenplan ("achterstallig") and the prioritisation scores ("prioriteiten").
DASHBOARD_SECTIE_ACHTERSTALLIG = "achterstallig"
DASHBOARD_SECTIE_PRIORITEITEN = "prioriteiten"

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

    template_name = "overzicht/dashboard.html"

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
        context["omtrek"] = omtrek_telling(Bedrijventerrein.objects.zichtbaar_voor(self.request.user))
        return context


@method_decorator(bewaard, name="dispatch")
class TerreinLijstView(LoginRequiredMixin, LijstView):
    template_name = "overzicht/terrein_lijst.html"
    context_object_name = "terreinen"
    paginate_by = 50

    def get_queryset(self):
        self.filterset = selectors.terrein_filterset(user=self.request.user, params=self.request.GET)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        context.update(_filter_context(request, self.filterset))
        kolommen, eigen_keuze = selectors.lijst_kolommen(user=request.user)
        criteria_totaal = len(criteria_voor(request.user))
        context["kolommen"] = kolommen
        context["kop_rijen"] = tabelkoppen(kolommen, sortering=request.GET.get("sortering", ""))
        context["kolomgroepen"] = kolomgroepen(kolommen)
        # Cells are written here, not in the template: one formatted text per column, the name (row heading) apart.
        context["rijen"] = [(t, [(k.numeriek, k.cel(t, criteria_totaal)) for k in kolommen[1:]]) for t in context["terreinen"]]
        context["kolomkeuze"] = _kolomkeuze_formulier(request.user, kolommen)
        context["eigen_kolommen"] = eigen_keuze
        velden = context["filter_form"].fields
        # The regisseur filter's names come from its select (_regisseur_widget), not from the form field.
        labels = {"regisseur": dict(velden["regisseur"].widget.choices)} if "regisseur" in velden else {}
        context["actieve_filters"] = actieve_filters(self.filterset.form, request.GET, labels=labels)
        context["alles_wissen"] = alles_wissen(request.GET)
        context["filters_samengevat"] = True
        context["opgeslagen_filters"] = selectors.opgeslagen_filters(user=request.user)
        if rechten.mag_regisseurs_toewijzen(request.user):
            context["toewijzen"] = {"regisseurs": selectors.mogelijke_regisseurs()}
        return context


def _kolomkeuze_formulier(user, getoond) -> list[dict]:
    """The column chooser's rows: the shown columns in their order, then the others the user may see, numbered."""
    getoonde = [k.sleutel for k in getoond if k.sleutel != VAST]
    overige = [k for k in kolommen_voor(user) if k.sleutel != VAST and k.sleutel not in getoonde]
    rijen = [{"kolom": k, "gekozen": True} for k in getoond if k.sleutel != VAST]
    rijen += [{"kolom": k, "gekozen": False} for k in overige]
    for positie, rij in enumerate(rijen, start=1):
        rij["positie"] = positie
    return rijen


@method_decorator(bewaard, name="dispatch")
class TerreinExportView(LoginRequiredMixin, View):
    """The list as CSV or XLSX: the same filter, order and columns as the list, every page."""

    FORMATEN = {
        "csv": ("text/csv; charset=utf-8", exports.terreinen_csv),
        "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exports.terreinen_xlsx),
    }

    def get(self, request, formaat):
        if formaat not in self.FORMATEN:
            raise Http404
        content_type, schrijf = self.FORMATEN[formaat]
        terreinen = selectors.terrein_filterset(user=request.user, params=request.GET).qs
        # The list's columns as the user sees them; "alle kolommen" gives every column the user may see.
        if request.GET.get("kolommen") == "alle":
            kolommen = kolommen_voor(request.user)
        else:
            kolommen, _eigen = selectors.lijst_kolommen(user=request.user)
        response = HttpResponse(schrijf(terreinen, kolommen=kolommen), content_type=content_type)
        naam = f"bedrijventerreinen-{timezone.localdate():%Y%m%d}.{formaat}"
        return download_headers(response, bestandsnaam=naam)


class VolledigheidView(LoginRequiredMixin, TemplateView):
    """Per criterion how many parks do not know it, by municipality and by regisseur; every number opens the list."""

    template_name = "overzicht/volledigheid.html"

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


class KolomkeuzeView(LoginRequiredMixin, View):
    """The column chooser of the park list: save the ticked columns in the given order, or go back to the standard."""

    http_method_names = ["post"]

    def post(self, request):
        querystring = request.POST.get("querystring", "").lstrip("?")
        if request.POST.get("actie") == "standaard":
            kolomkeuze_herstellen(user=request.user)
            messages.success(request, _("De lijst toont weer de standaardkolommen."))
        else:
            gekozen = request.POST.getlist("kolom")
            volgorde = {
                sleutel: _positie(request.POST.get(f"positie-{sleutel}"), request.POST.get(f"was-{sleutel}"), i)
                for i, sleutel in enumerate(gekozen)
            }
            kolomkeuze_bewaren(user=request.user, sleutels=sorted(gekozen, key=volgorde.__getitem__))
            messages.success(request, _("Uw kolommen zijn opgeslagen; de downloads volgen ze ook."))
        return redirect(reverse("terrein-lijst") + (f"?{querystring}" if querystring else "") + "#resultaat")


def _positie(waarde, was, volgnummer: int) -> tuple[float, int, int]:
    """The sort key of a typed place: a column typed onto another's place goes before it when moved up, after it
    when moved down (as if inserted there); otherwise, and for empty or wrong input, the form's order stands."""

    def getal(tekst):
        try:
            uit = float((tekst or "").replace(",", "."))
        except ValueError:
            return math.inf
        return uit if math.isfinite(uit) else math.inf

    nieuw, oud = getal(waarde), getal(was)
    richting = 1 if nieuw == oud or math.inf in (nieuw, oud) else (0 if nieuw < oud else 2)
    return nieuw, richting, volgnummer


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


@login_required
@require_POST
def regisseur_toewijzen_view(request):
    """Bulk assignment from the park list: the ticked parks, or every park of the list's current filter."""
    if not rechten.mag_regisseurs_toewijzen(request.user):
        raise PermissionDenied(_("Alleen een beheerder kan regisseurs toewijzen."))
    querystring = request.POST.get("querystring", "").lstrip("?")
    terug = reverse("terrein-lijst") + (f"?{querystring}" if querystring else "")
    regisseur_id = request.POST.get("regisseur", "")
    regisseur = get_user_model().objects.filter(pk=regisseur_id, is_active=True).first() if regisseur_id.isdigit() else None
    if regisseur_id != "geen" and regisseur is None:
        messages.error(request, _("Kies een regisseur."))
        return redirect(terug)
    # Only parks the user may see: a RIN outside the scope is simply not among them.
    terreinen = selectors.terrein_filterset(user=request.user, params=QueryDict(querystring)).qs
    if request.POST.get("alle") != "1":
        rins = [int(r) for r in request.POST.getlist("rin") if r.isdigit()]
        if not rins:
            messages.error(request, _("Kies eerst een of meer terreinen, of ‘alle resultaten van dit filter’."))
            return redirect(terug)
        terreinen = terreinen.filter(rin__in=rins)
    ids = list(terreinen.order_by().values_list("pk", flat=True))
    trajecten_aanmaken(terrein_ids=ids)
    try:
        aantal = regisseur_toewijzen(trajecten=Traject.objects.filter(terrein_id__in=ids), regisseur=regisseur)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
        return redirect(terug)
    if regisseur is None:
        messages.success(request, _("Bij %(n)d terrein(en) is de regisseur verwijderd.") % {"n": aantal})
    else:
        naam = regisseur.get_full_name() or regisseur.get_username()
        messages.success(
            request,
            _("%(naam)s is regisseur geworden van %(n)d terrein(en) (van %(totaal)d gekozen).")
            % {"naam": naam, "n": aantal, "totaal": len(ids)},
        )
    return redirect(terug)


def _legenda() -> dict:
    return {
        "stap": [(str(stap), label) for stap, label in STAPPEN],
        "status": list(STATUSSEN),
        "vraag": [(code, label) for code, label, _ondergrens in VRAAG_KLASSEN],
        "vraag_grenzen": [{"klasse": code, "vanaf": grens} for code, _label, grens in VRAAG_KLASSEN if grens is not None],
    }


class KaartView(LoginRequiredMixin, TemplateView):
    """The offline map: municipality and province outlines as base layer, parks coloured, following the list's filters."""

    template_name = "overzicht/kaart.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = selectors.terrein_filterset(user=self.request.user, params=self.request.GET)
        context.update(_filter_context(self.request, filterset))
        kleur = self.request.GET.get("kleur", "stap")
        context["kaart_kleur"] = kleur if kleur in dict(KAART_KLEUREN) else "stap"
        context["kaart_kleuren"] = KAART_KLEUREN
        context["legenda"] = _legenda()
        context["omtrek"] = omtrek_telling(filterset.qs)
        context["aantal"] = context["omtrek"]["aantal"]
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
    # `ibis` or `benaderd`: approximate outlines are drawn dashed and their popup says so.
    "geometrie_bron": "terreinen.Bedrijventerrein.geometrie_bron",
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
    """Municipality outlines (public CBS/PDOK data) as the map's base layer, each with a point inside it for its name."""

    cache_seconden = 3600

    def geojson(self, request) -> str:
        return feature_collection(
            Gemeente.objects.filter(geometrie__isnull=False, geldig_tot__isnull=True).annotate(**labelpunt()).order_by("code"),
            eigenschappen=("naam", "label_lon", "label_lat"),
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
