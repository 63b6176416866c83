"""The park page and its edit screen; the overviews over many parks (dashboard, list, exports, map) are in overzicht."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView

from nal_oost import rechten, zichtbaarheid
from nal_oost.bewaren import bewaard
from nal_oost.formulieren import validatiefouten_tonen
from nal_oost.secties import Sectie, terrein_secties
from terreinen import selectors
from terreinen.criteria import aantal_bekend, criteria_voor, is_bekend
from terreinen.forms import MOMENTOPNAME_SALT, CriteriaImportForm, TerreinForm
from terreinen.relaties import selectors as relaties_selectors
from terreinen.services import criteria_upload
from terreinen.services.bewerken import GelijktijdigeWijziging, terrein_bewerken, terrein_momentopname
from terreinen.services.criteria_importeren import VerouderdeVoorvertoning, criteria_importeren


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


# The park page's own sections, placed among those other apps register (nal_oost/secties.py) by `volgorde`;
# the stappenplan (volgorde 0) comes first. Their templates read the page's context.
def _geen_eigen_gegevens(request, terrein) -> dict:
    return {}


EIGEN_SECTIES = tuple(
    Sectie(sleutel, template, _geen_eigen_gegevens, volgorde, titel)
    for sleutel, template, volgorde, titel in (
        ("kenmerken", "terreinen/secties/kenmerken.html", 5, gettext_lazy("Kenmerken")),
        ("net", "terreinen/secties/net.html", 6, gettext_lazy("Elektriciteitsnet")),
        ("initiatieven", "terreinen/secties/initiatieven.html", 50, gettext_lazy("Initiatieven")),
        ("organisaties", "terreinen/relaties/_organisaties.html", 70, gettext_lazy("Organisaties")),
        ("logboek", "terreinen/relaties/_logboek.html", 80, gettext_lazy("Logboek")),
    )
)
# Sections shown only when the context holds their (confidential) data.
EIGEN_SECTIES_GEGEVENS = {"organisaties": "betrokkenheden", "logboek": "notities"}
# The section whose menu entry also names the park's current step.
SECTIE_STAPPENPLAN = "stappenplan"


@method_decorator(bewaard, name="dispatch")
class TerreinDetailView(LoginRequiredMixin, DetailView):
    template_name = "terreinen/terrein_detail.html"
    context_object_name = "terrein"

    def get_object(self, queryset=None):
        return selectors.terrein_detail(user=self.request.user, rin=self.kwargs["rin"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terrein = self.object
        context["traject"] = getattr(terrein, "traject", None)  # None: the park has not started the stappenplan
        traject = context["traject"]
        context["stap_label"] = traject.get_stap_display() if traject else _("Nog niet gestart")
        context["status_label"] = traject.get_status_display() if traject else _("Nog niet gestart")
        user = self.request.user
        context["mag_bewerken"] = rechten.mag_terrein_bewerken(user, terrein)
        if zichtbaarheid.mag_zien(user, "terreinen.Betrokkenheid", terrein=terrein):
            context["betrokkenheden"] = relaties_selectors.betrokkenheden_van(terrein=terrein)
        if zichtbaarheid.mag_zien(user, "terreinen.Organisatie", terrein=terrein):
            context["parkmanagement_organisatie"] = relaties_selectors.parkmanagement_organisatie(terrein=terrein)
        if zichtbaarheid.mag_zien(user, "terreinen.Notitie", terrein=terrein):
            context["notities"] = relaties_selectors.logboek_van(terrein=terrein)
        # Organisations and the journal only for who may see them: their data is in the context only then.
        eigen = [(s, {}) for s in EIGEN_SECTIES if EIGEN_SECTIES_GEGEVENS.get(s.sleutel, "terrein") in context]
        context["secties"] = sorted(
            [*eigen, *terrein_secties(self.request, terrein)], key=lambda s: (s[0].volgorde, s[0].sleutel)
        )
        context["sectie_stappenplan"] = SECTIE_STAPPENPLAN
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
