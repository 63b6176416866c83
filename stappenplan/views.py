"""Thin views over the stappenplan services and selectors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import BadRequest, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST, require_safe

from nal_oost import rechten, zichtbaarheid
from nal_oost.formulieren import validatiefouten_tonen
from nal_oost.gelijktijdig import GelijktijdigeWijziging
from nal_oost.lijsten import LijstView
from nal_oost.meldingen import plek
from nal_oost.uploads import bestand_serveren
from prioritering.selectors import actuele_prioriteit
from stappenplan import selectors, services
from stappenplan.forms import (
    DocumentForm,
    DocumentVersieForm,
    EvaluatieForm,
    OplossingsrichtingForm,
    OplossingsrichtingWijzigenForm,
    OvergangForm,
    StakeholderForm,
    StapGegevensForm,
)
from stappenplan.models import (
    CHECKLIST_ACHTERGROND,
    CHECKLIST_FINANCIAL_CLOSE,
    LOKALE_AFWEGINGEN,
    Document,
    Evaluatienotitie,
    Stap,
)
from stappenplan.termijnen import termijn_van
from terreinen.relaties.selectors import betrokkenheden_van


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
    opgeslagen = traject.pk is not None  # see selectors.traject_van_terrein: a read never creates one
    mag_bewerken = rechten.mag_terrein_bewerken(user, terrein)
    overgangen = (
        list(traject.overgangen.select_related("door"))
        if opgeslagen and zichtbaarheid.mag_zien(user, "stappenplan.StapOvergang", terrein=terrein)
        else []
    )
    return {
        "traject": traject,
        "termijn": termijn_van(traject, vandaag=vandaag),
        "tijdlijn": selectors.tijdlijn(traject=traject, overgangen=overgangen),
        "uitkomsten": [(stap, rijen) for stap, rijen in uitkomsten(traject, user=user) if rijen],
        "acties": selectors.beschikbare_overgangen(traject=traject, user=user, vandaag=vandaag),
        "overgangen": overgangen,
        "documenten": zichtbaarheid.zichtbare_rijen(user, traject.documenten.actueel()) if opgeslagen else [],
        "richtingen": traject.oplossingsrichtingen.all() if opgeslagen else [],
        "afwegingen": dict(LOKALE_AFWEGINGEN),
        "toon_door": zichtbaarheid.mag_zien(user, "stappenplan.StapOvergang.door", terrein=terrein),
        "toon_reden": zichtbaarheid.mag_zien(user, "stappenplan.StapOvergang.reden", terrein=terrein),
        "mag_bewerken": mag_bewerken,
        "mag_oppakken": mag_bewerken and traject.regisseur_id is None,
        "mag_teruggeven": mag_bewerken and traject.regisseur_id == user.pk,
    }


def _traject_bewerkbaar(request, rin):
    traject = selectors.traject_voor_gebruiker(user=request.user, rin=rin)
    if not rechten.mag_terrein_bewerken(request.user, traject.terrein):
        raise services.GeenBevoegdheid
    if traject.pk is None:
        # A park without its traject (rows loaded past the application): editing starts by creating it,
        # through the one function that creates trajecten; a GET of the form creates nothing.
        if request.method != "POST":
            raise Http404
        services.trajecten_aanmaken(terrein_ids=[traject.terrein.pk])
        traject = selectors.traject_voor_gebruiker(user=request.user, rin=rin)
    return traject


def _getal(data, sleutel) -> int:
    waarde = data.get(sleutel, "")
    if not str(waarde).isdigit():
        raise BadRequest(sleutel)
    return int(waarde)


# Messages of the park page's stappenplan actions appear in that section, where the page lands.
IN_STAPPENPLAN = plek("stappenplan")


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
        fouten = form.errors.as_text()
        messages.error(request, _("Het formulier is niet volledig: %(fouten)s") % {"fouten": fouten}, extra_tags=IN_STAPPENPLAN)
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
        messages.error(request, " ".join(filter(None, [kop, *fout.meldingen])), extra_tags=IN_STAPPENPLAN)
        return _terug_naar_terrein(traject)
    messages.success(
        request,
        _("%(terrein)s staat nu in %(stap)s (%(status)s).")
        % {"terrein": traject.terrein.naam, "stap": log.get_naar_stap_display(), "status": log.get_naar_status_display()},
        extra_tags=IN_STAPPENPLAN,
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
            "richting_wijzigen": self._richting_wijzigen_form(bound("richting_wijzigen")[0]),
            "document_versie": DocumentVersieForm(*bound("document_versie"), prefix="document_versie"),
            "evaluatie": EvaluatieForm(bound("evaluatie")[0], prefix="evaluatie", initial={"stap": self.stap}),
        }

    def _richting_wijzigen_form(self, data):
        """The edit form of one direction: bound on a post, prefilled when the page is opened to edit it."""
        if data is not None:
            return OplossingsrichtingWijzigenForm(data, prefix="richting_wijzigen")
        pk = self.request.GET.get("wijzig_richting", "")
        richting = self.traject.oplossingsrichtingen.filter(pk=pk).first() if pk.isdigit() else None
        if richting is None:
            return None
        return OplossingsrichtingWijzigenForm(
            prefix="richting_wijzigen",
            initial={
                "richting": richting.pk,
                "versie": richting.versie,
                "titel": richting.titel,
                "omschrijving": richting.omschrijving,
                "afwegingen": richting.afwegingen,
            },
        )

    def render(self, formulieren, status=200):
        t = self.traject
        context = {
            "traject": t,
            "terrein": t.terrein,
            "stap": self.stap,
            "stap_label": Stap(self.stap).label,
            "formulieren": formulieren,
            "heeft_gegevensvelden": bool(formulieren["gegevens"].fields),
            "stakeholders": betrokkenheden_van(terrein=t.terrein) if self.stap == Stap.VOORBEREIDING else None,
            "documenten": [(d, services.documentgeschiedenis(document=d)) for d in t.documenten.actueel().filter(stap=self.stap)],
            "verwijderde_documenten": t.documenten.filter(stap=self.stap, verwijderd_op__isnull=False).select_related(
                "verwijderd_door"
            ),
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
        if welk in ("richting_verwijderen", "document_verwijderen"):
            return self.verwijderen(welk)
        formulieren = self.formulieren(request.POST, request.FILES, actief=welk)
        form = formulieren.get(welk)
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                melding = self.opslaan(welk, form.cleaned_data)
            except GelijktijdigeWijziging as conflict:
                form.add_error(None, conflict.melding)
                return self.render(formulieren, status=409)
            except ValidationError as fout:
                validatiefouten_tonen(form, fout)
            else:
                messages.success(request, melding)
                return redirect(request.path)
        return self.render(formulieren, status=400)

    def verwijderen(self, welk):
        """Delete a direction (with the version the user saw) or a document (it stays in the history)."""
        request, t = self.request, self.traject
        try:
            if welk == "richting_verwijderen":
                richting = get_object_or_404(t.oplossingsrichtingen, pk=_getal(request.POST, "richting"))
                versie = _getal(request.POST, "versie")
                services.oplossingsrichting_verwijderen(richting=richting, user=request.user, versie=versie)
                messages.success(request, _("Oplossingsrichting '%(titel)s' is verwijderd.") % {"titel": richting.titel})
            else:
                document = get_object_or_404(t.documenten, pk=_getal(request.POST, "document"))
                services.document_verwijderen(document=document, user=request.user)
                messages.success(
                    request, _("Document %(naam)s is verwijderd; het blijft in de geschiedenis.") % {"naam": document.naam}
                )
        except GelijktijdigeWijziging as conflict:
            messages.error(request, conflict.melding)
        return redirect(request.path)

    def opslaan(self, welk, data) -> str:
        t, user = self.traject, self.request.user
        if welk == "gegevens":
            services.traject_gegevens_opslaan(traject=t, user=user, gegevens=dict(data))
            return _("De gegevens van %(stap)s zijn opgeslagen.") % {"stap": Stap(self.stap).label}
        if welk == "stakeholder":
            betrokkenheid = services.stakeholder_toevoegen(traject=t, user=user, **data)
            return _("Stakeholder %(naam)s toegevoegd.") % {"naam": betrokkenheid.organisatie.naam}
        if welk == "document":
            document = services.document_toevoegen(traject=t, user=user, stap=self.stap, **data)
            return _("Document %(naam)s toegevoegd.") % {"naam": document.naam}
        if welk == "richting_wijzigen":
            richting = get_object_or_404(t.oplossingsrichtingen, pk=data.pop("richting"))
            services.oplossingsrichting_wijzigen(richting=richting, user=user, **data)
            return _("Oplossingsrichting '%(titel)s' is opgeslagen.") % {"titel": richting.titel}
        if welk == "document_versie":
            document = get_object_or_404(t.documenten, pk=data["document"])
            nieuw = services.document_nieuwe_versie(document=document, user=user, bestand=data["bestand"])
            return _("Versie %(versie)s van %(naam)s is opgeslagen; de vorige versie blijft bewaard.") % {
                "versie": nieuw.versienummer,
                "naam": nieuw.naam,
            }
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
    document = get_object_or_404(Document.objects.select_related("traject__terrein"), pk=pk)
    # A document the user may not see does not exist for them.
    rechten.toestaan(True, zichtbaar=rechten.mag_document_zien(request.user, document))
    return bestand_serveren(document.bestand, bestandsnaam=document.naam)


@login_required
@require_POST
def terrein_oppakken(request, rin: int):
    """'Ik pak dit terrein op' from the park page."""
    traject = _traject_bewerkbaar(request, rin)
    try:
        services.terrein_oppakken(traject=traject, user=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages), extra_tags=IN_STAPPENPLAN)
    else:
        messages.success(
            request, _("U bent nu regisseur van %(terrein)s.") % {"terrein": traject.terrein.naam}, extra_tags=IN_STAPPENPLAN
        )
    return _terug_naar_terrein(traject)


@login_required
@require_POST
def terrein_teruggeven(request, rin: int):
    traject = _traject_bewerkbaar(request, rin)
    try:
        services.terrein_teruggeven(traject=traject, user=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages), extra_tags=IN_STAPPENPLAN)
    else:
        tekst = _("U bent geen regisseur meer van %(terrein)s.") % {"terrein": traject.terrein.naam}
        messages.success(request, tekst, extra_tags=IN_STAPPENPLAN)
    return _terug_naar_terrein(traject)


class MijnTerreinenView(LoginRequiredMixin, LijstView):
    """The regisseur's parks: what to do next, what is missing for it, days left and priority."""

    template_name = "stappenplan/mijn_terreinen.html"
    context_object_name = "trajecten"
    paginate_by = 100

    def get_queryset(self):
        self.vandaag = timezone.localdate()
        return selectors.mijn_terreinen(user=self.request.user, vandaag=self.vandaag).annotate(
            prio_score=actuele_prioriteit("score", "terrein_id"), prio_rang=actuele_prioriteit("rang", "terrein_id")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rijen = []
        feiten = selectors.feiten_voor(context["trajecten"])
        for t in context["trajecten"]:
            acties = selectors.beschikbare_overgangen(
                traject=t, user=self.request.user, vandaag=self.vandaag, feiten=feiten[t.pk]
            )
            rijen.append((t, termijn_van(t, vandaag=self.vandaag), selectors.volgende_actie(traject=t, acties=acties)))
        context["rijen"] = rijen
        context["opvolgingen"] = selectors.opvolgingen(user=self.request.user)
        context["vandaag"] = self.vandaag
        return context


class EvaluatiesView(LoginRequiredMixin, LijstView):
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
