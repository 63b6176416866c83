"""Thin views over the stappenplan services and selectors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import ListView

from nal_oost import rollen, zichtbaarheid
from stappenplan import selectors, services
from stappenplan.forms import DocumentForm, EvaluatieForm, OplossingsrichtingForm, OvergangForm, StakeholderForm, StapGegevensForm
from stappenplan.models import (
    CHECKLIST_ACHTERGROND,
    CHECKLIST_FINANCIAL_CLOSE,
    LOKALE_AFWEGINGEN,
    Document,
    Evaluatienotitie,
    Stap,
)
from stappenplan.termijnen import termijn_van
from terreinen.models import Bedrijventerrein


def _labels(sleutels, lijst) -> str:
    namen = dict(lijst)
    return ", ".join(str(namen[s]) for s in sleutels if s in namen)


def uitkomsten(traject, *, user) -> list[tuple[str, list[tuple[str, str]]]]:
    """The outputs recorded so far, per step, as (label, value) pairs: only fields `user` may see (zichtbaarheid)."""
    t = traject
    rijen = {
        Stap.INVENTARISATIE: [
            ("eerste_contact_op", _("Eerste contact"), t.eerste_contact_op),
            ("checklist_achtergrond", _("Achtergrondchecklist"), _labels(t.checklist_achtergrond, CHECKLIST_ACHTERGROND)),
        ],
        Stap.VOORBEREIDING: [
            ("orientatiegesprek_op", _("Oriëntatiegesprek gemeente"), t.orientatiegesprek_op),
            ("aanvliegroute", _("Aanvliegroute"), t.get_aanvliegroute_display() if t.aanvliegroute else ""),
            ("warm_contact_via", _("Warm contact via"), t.get_warm_contact_via_display() if t.warm_contact_via else ""),
            ("herbeoordelen_op", _("Opnieuw beoordelen op"), t.herbeoordelen_op),
        ],
        Stap.STARTSESSIE: [
            ("startsessie_op", _("Startsessie"), t.startsessie_op),
            ("probleemstelling", _("Probleemstelling"), t.probleemstelling),
            ("startsessie_uitkomst", _("Uitkomst"), t.get_startsessie_uitkomst_display() if t.startsessie_uitkomst else ""),
            ("projectteam", _("Projectteam"), t.projectteam),
            ("kartrekker", _("Kartrekker"), t.kartrekker),
        ],
        Stap.OPLOSSINGSRICHTING: [
            ("ronde", _("Ronde"), t.ronde if t.stap >= Stap.OPLOSSINGSRICHTING else ""),
            ("besluit_op", _("Besluit"), t.besluit_op),
        ],
        Stap.REALISATIEPLAN: [
            ("checklist_financial_close", _("Financial close"), _labels(t.checklist_financial_close, CHECKLIST_FINANCIAL_CLOSE)),
            ("penvoerder", _("Penvoerder"), t.penvoerder),
        ],
        Stap.UITVOERING: [
            ("gerealiseerd_op", _("Gerealiseerd op"), t.gerealiseerd_op),
            ("realisatie", _("Wat is gerealiseerd"), t.realisatie),
        ],
    }
    terrein = t.terrein
    return [
        (
            Stap(s).label,
            [(label, w) for veld, label, w in r if w not in (None, "") and zichtbaarheid.mag_zien(user, t, veld, terrein)],
        )
        for s, r in rijen.items()
    ]


def sectie_context(request, terrein) -> dict:
    """Context of the "Stappenplan" section on the park page (registered in apps.py)."""
    user = request.user
    vandaag = timezone.localdate()
    traject = selectors.traject_van_terrein(terrein=terrein)
    traject.terrein = terrein
    overgangen = (
        list(traject.overgangen.select_related("door"))
        if zichtbaarheid.mag_zien(user, "stappenplan.StapOvergang", terrein=terrein)
        else []
    )
    return {
        "traject": traject,
        "termijn": termijn_van(traject, vandaag=vandaag),
        "tijdlijn": selectors.tijdlijn(traject=traject, overgangen=overgangen),
        "uitkomsten": [(stap, rijen) for stap, rijen in uitkomsten(traject, user=user) if rijen],
        "acties": selectors.beschikbare_overgangen(traject=traject, user=user, vandaag=vandaag),
        "overgangen": overgangen,
        "documenten": zichtbaarheid.zichtbare_rijen(user, traject.documenten.all()),
        "richtingen": traject.oplossingsrichtingen.all(),
        "afwegingen": dict(LOKALE_AFWEGINGEN),
        "toon_door": zichtbaarheid.mag_zien(user, "stappenplan.StapOvergang.door", terrein=terrein),
        "toon_reden": zichtbaarheid.mag_zien(user, "stappenplan.StapOvergang.reden", terrein=terrein),
        "mag_bewerken": rollen.mag_bewerken(user),
    }


def _traject_bewerkbaar(request, rin):
    traject = selectors.traject_voor_gebruiker(user=request.user, rin=rin)
    if not rollen.mag_bewerken(request.user):
        raise services.GeenBevoegdheid
    return traject


def _terug_naar_terrein(traject):
    return redirect(reverse("terrein-detail", args=[traject.terrein.rin]) + "#stappenplan")


@login_required
@require_POST
def overgang_view(request, rin: int, actie: str):
    """Perform one named transition from the buttons in the park page section."""
    # Refuse a reading role before looking at the form, so an incomplete post is no different.
    traject = _traject_bewerkbaar(request, rin)
    form = OvergangForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Het formulier is niet volledig: %(fouten)s") % {"fouten": form.errors.as_text()})
        return _terug_naar_terrein(traject)
    try:
        log = services.stap_zetten(
            traject=traject,
            actie=actie,
            user=request.user,
            reden=form.cleaned_data["reden"],
            versie=form.cleaned_data["versie"],
            herbeoordelen_op=form.cleaned_data["herbeoordelen_op"],
        )
    except services.StappenplanFout as fout:
        kop = _("Dit kan nog niet.") if isinstance(fout, services.VoorwaardenNietVervuld) else ""
        messages.error(request, " ".join(filter(None, [kop, *fout.meldingen])))
        return _terug_naar_terrein(traject)
    messages.success(
        request,
        _("%(terrein)s staat nu in %(stap)s (%(status)s).")
        % {"terrein": traject.terrein.naam, "stap": log.get_naar_stap_display(), "status": log.get_naar_status_display()},
    )
    return _terug_naar_terrein(traject)


class StapGegevensView(LoginRequiredMixin, View):
    """Record the outputs of one step: fields, stakeholders, documents, solution directions, evaluation."""

    template_name = "stappenplan/stap_gegevens.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if kwargs["stap"] not in Stap.values:
            raise Http404
        self.traject = _traject_bewerkbaar(request, kwargs["rin"])
        self.stap = kwargs["stap"]
        return super().dispatch(request, *args, **kwargs)

    def formulieren(self, data=None, files=None, actief=None):
        def bound(naam):
            return (data, files) if actief == naam else (None, None)

        return {
            "gegevens": StapGegevensForm(*bound("gegevens")[:1], instance=self.traject, stap=self.stap, prefix="gegevens"),
            "stakeholder": StakeholderForm(bound("stakeholder")[0], prefix="stakeholder"),
            "document": DocumentForm(*bound("document"), prefix="document"),
            "richting": OplossingsrichtingForm(bound("richting")[0], prefix="richting"),
            "evaluatie": EvaluatieForm(bound("evaluatie")[0], prefix="evaluatie", initial={"stap": self.stap}),
        }

    def render(self, formulieren, status=200):
        t = self.traject
        context = {
            "traject": t,
            "terrein": t.terrein,
            "stap": self.stap,
            "stap_label": Stap(self.stap).label,
            "formulieren": formulieren,
            "heeft_gegevensvelden": bool(formulieren["gegevens"].fields),
            "stakeholders": t.terrein.contacten.all() if self.stap == Stap.VOORBEREIDING else None,
            "documenten": t.documenten.filter(stap=self.stap),
            "richtingen": t.oplossingsrichtingen.all() if self.stap == Stap.OPLOSSINGSRICHTING else None,
            "afwegingen": dict(LOKALE_AFWEGINGEN),
            "evaluaties": t.evaluaties.filter(stap=self.stap).select_related("auteur"),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        return self.render(self.formulieren())

    def post(self, request, *args, **kwargs):
        welk = request.POST.get("formulier", "")
        if welk == "kies_richting":
            richting = get_object_or_404(self.traject.oplossingsrichtingen, pk=request.POST.get("richting"))
            services.oplossingsrichting_markeren(richting=richting, user=request.user)
            messages.success(request, _("'%(titel)s' is de gekozen oplossingsrichting.") % {"titel": richting.titel})
            return redirect(request.path)
        formulieren = self.formulieren(request.POST, request.FILES, actief=welk)
        form = formulieren.get(welk)
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                melding = self.opslaan(welk, form.cleaned_data)
            except ValidationError as fout:
                if hasattr(fout, "error_dict"):
                    for veld, fouten in fout.message_dict.items():
                        form.add_error(veld if veld in form.fields else None, fouten)
                else:
                    form.add_error(None, fout.messages)
            else:
                messages.success(request, melding)
                return redirect(request.path)
        return self.render(formulieren, status=400)

    def opslaan(self, welk, data) -> str:
        t, user = self.traject, self.request.user
        if welk == "gegevens":
            services.traject_gegevens_opslaan(traject=t, user=user, gegevens=dict(data))
            return _("De gegevens van %(stap)s zijn opgeslagen.") % {"stap": Stap(self.stap).label}
        if welk == "stakeholder":
            contact = services.stakeholder_toevoegen(traject=t, user=user, **data)
            return _("Stakeholder %(naam)s toegevoegd.") % {"naam": contact.organisatie}
        if welk == "document":
            document = services.document_toevoegen(traject=t, user=user, stap=self.stap, **data)
            return _("Document %(naam)s toegevoegd.") % {"naam": document.naam}
        if welk == "richting":
            richting = services.oplossingsrichting_toevoegen(traject=t, user=user, **data)
            return _("Oplossingsrichting '%(titel)s' toegevoegd aan ronde %(ronde)s.") % {
                "titel": richting.titel,
                "ronde": richting.ronde,
            }
        services.evaluatie_toevoegen(traject=t, user=user, **data)
        return _("Evaluatienotitie toegevoegd.")


@login_required
@require_safe
def document_downloaden(request, pk: int):
    """Serve an uploaded document, only for parks the user may see; confidential ones only for provincial roles."""
    documenten = zichtbaarheid.zichtbare_rijen(
        request.user, Document.objects.filter(traject__terrein__in=Bedrijventerrein.objects.zichtbaar_voor(request.user))
    )
    document = get_object_or_404(documenten, pk=pk)
    try:
        bestand = document.bestand.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(bestand, as_attachment=True, filename=document.naam, content_type=document.inhoudstype)
    response["X-Content-Type-Options"] = "nosniff"
    return response


class MijnTerreinenView(LoginRequiredMixin, ListView):
    template_name = "stappenplan/mijn_terreinen.html"
    context_object_name = "trajecten"
    paginate_by = 100

    def get_queryset(self):
        self.vandaag = timezone.localdate()
        return selectors.mijn_terreinen(user=self.request.user, vandaag=self.vandaag)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rijen"] = [(t, termijn_van(t, vandaag=self.vandaag)) for t in context["trajecten"]]
        return context


class EvaluatiesView(LoginRequiredMixin, ListView):
    template_name = "stappenplan/evaluaties.html"
    context_object_name = "evaluaties"
    paginate_by = 100

    def get_queryset(self):
        if not zichtbaarheid.mag_zien(self.request.user, "stappenplan.Evaluatienotitie"):
            raise Http404
        stap = self.request.GET.get("stap", "")
        return selectors.evaluatie_lijst(
            user=self.request.user,
            soort=self.request.GET.get("soort", ""),
            stap=int(stap) if stap.isdigit() else None,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["soorten"] = Evaluatienotitie.Soort.choices
        context["stappen"] = Stap.choices
        context["gekozen_soort"] = self.request.GET.get("soort", "")
        context["gekozen_stap"] = self.request.GET.get("stap", "")
        return context


def dashboard_sectie_context(request, zichtbare_terreinen):
    """Dashboard panel: parks over their step's doorlooptijd, most overdue first."""
    vandaag = timezone.localdate()
    aantal, trajecten = selectors.achterstallige_trajecten(zichtbare_terreinen=zichtbare_terreinen, vandaag=vandaag)
    return {"aantal": aantal, "trajecten": trajecten, "vandaag": vandaag}
