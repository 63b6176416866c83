"""Screens for a park's organisations, contact persons and journal (reached from the park page).

A park outside the user's scope is a 404; a park the user may see but not change is a 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nal_oost import rechten
from nal_oost.formulieren import validatiefouten_tonen
from nal_oost.gelijktijdig import GelijktijdigeWijziging
from terreinen.models import Bedrijventerrein, Betrokkenheid, Contactpersoon, Notitie
from terreinen.relaties import forms
from terreinen.services import logboek, relaties


def _terrein(request, rin: int) -> Bedrijventerrein:
    terrein = get_object_or_404(Bedrijventerrein.objects.zichtbaar_voor(request.user).select_related("gemeente"), rin=rin)
    if not rechten.mag_bewerken(request.user):
        raise PermissionDenied(_("Alleen een regisseur of beheerder kan dit wijzigen."))
    return terrein


def _naar_terrein(terrein, anker: str):
    return redirect(reverse("terrein-detail", args=[terrein.rin]) + f"#{anker}")


def _uitvoeren(form, actie) -> tuple[object | None, int]:
    """Run `actie` for a valid form; service errors land on the form. Returns (result, status)."""
    if not form.is_valid():
        return None, 400
    try:
        return actie(form.cleaned_data), 200
    except GelijktijdigeWijziging as conflict:
        form.add_error(None, conflict.melding)
        return None, 409
    except ValidationError as fout:
        validatiefouten_tonen(form, fout)
        return None, 400


def _pagina(request, terrein, titel, formulieren, status=200, **extra):
    context = {"terrein": terrein, "titel": titel, "formulieren": formulieren, **extra}
    return render(request, "terreinen/relaties/formulier.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def organisatie_koppelen(request, rin: int):
    terrein = _terrein(request, rin)
    form = forms.OrganisatieKoppelenForm(request.POST or None)
    status = 200
    if request.method == "POST":

        def actie(data):
            return relaties.stakeholder_vastleggen(
                terrein=terrein,
                user=request.user,
                organisatie=data["bestaande"] or data["organisatie"],
                soort=data["soort"],
                rol_op_terrein=data["rol_op_terrein"],
                warm_contact=data["warm_contact"],
                naam=data["naam"],
                rol=data["rol"],
                email=data["email"],
                telefoon=data["telefoon"],
            )

        link, status = _uitvoeren(form, actie)
        if link is not None:
            messages.success(request, _("%(naam)s is gekoppeld aan dit terrein.") % {"naam": link.organisatie.naam})
            return _naar_terrein(terrein, "organisaties")
    return _pagina(request, terrein, _("Organisatie toevoegen"), [("koppelen", form, _("Organisatie toevoegen"))], status)


@login_required
@require_http_methods(["GET", "POST"])
def betrokkenheid_wijzigen(request, rin: int, pk: int):
    """The organisation on this park: its role and warm-contact mark, its name and kind, its people."""
    terrein = _terrein(request, rin)
    link = get_object_or_404(Betrokkenheid.objects.select_related("organisatie"), terrein=terrein, pk=pk)
    organisatie = link.organisatie
    welk = request.POST.get("formulier", "") if request.method == "POST" else None
    koppeling = forms.BetrokkenheidForm(
        request.POST if welk == "koppeling" else None,
        organisatie=organisatie,
        prefix="koppeling",
        initial={
            "versie": link.versie,
            "rol": link.rol,
            "warm_contact": link.warm_contact,
            "contactpersoon": link.contactpersoon_id,
        },
    )
    org_form = forms.OrganisatieForm(
        request.POST if welk == "organisatie" else None,
        prefix="organisatie",
        initial={"versie": organisatie.versie, "naam": organisatie.naam, "soort": organisatie.soort},
    )
    persoon_form = forms.ContactpersoonForm(request.POST if welk == "persoon" else None, prefix="persoon")
    status = 200
    if welk == "koppeling":
        _resultaat, status = _uitvoeren(
            koppeling,
            lambda d: relaties.betrokkenheid_wijzigen(
                betrokkenheid=link,
                user=request.user,
                versie=d["versie"],
                rol=d["rol"],
                warm_contact=d["warm_contact"],
                contactpersoon=d["contactpersoon"],
            ),
        )
    elif welk == "organisatie":
        _resultaat, status = _uitvoeren(
            org_form,
            lambda d: relaties.organisatie_wijzigen(
                organisatie=organisatie, user=request.user, versie=d["versie"], naam=d["naam"], soort=d["soort"]
            ),
        )
    elif welk == "persoon":
        _resultaat, status = _uitvoeren(
            persoon_form, lambda d: relaties.contactpersoon_toevoegen(organisatie=organisatie, user=request.user, **d)
        )
    elif welk is not None:
        status = 400
    if welk and status == 200:
        messages.success(request, _("De gegevens van %(naam)s zijn opgeslagen.") % {"naam": organisatie.naam})
        return redirect(request.path) if welk == "persoon" else _naar_terrein(terrein, "organisaties")
    return _pagina(
        request,
        terrein,
        _("%(naam)s bij %(terrein)s") % {"naam": organisatie.naam, "terrein": terrein.naam},
        [
            ("koppeling", koppeling, _("Rol op dit terrein opslaan")),
            ("organisatie", org_form, _("Organisatie opslaan (geldt voor alle terreinen)")),
            ("persoon", persoon_form, _("Contactpersoon toevoegen")),
        ],
        status,
        betrokkenheid=link,
        personen=organisatie.contactpersonen.order_by("naam", "pk"),
        andere_terreinen=organisatie.betrokkenheden.exclude(terrein=terrein).count(),
    )


@login_required
@require_POST
def betrokkenheid_verwijderen(request, rin: int, pk: int):
    terrein = _terrein(request, rin)
    link = get_object_or_404(Betrokkenheid.objects.select_related("organisatie"), terrein=terrein, pk=pk)
    try:
        relaties.betrokkenheid_verwijderen(betrokkenheid=link, user=request.user, versie=_versie(request))
    except GelijktijdigeWijziging as conflict:
        messages.error(request, conflict.melding)
    else:
        messages.success(request, _("%(naam)s is niet meer gekoppeld aan dit terrein.") % {"naam": link.organisatie.naam})
    return _naar_terrein(terrein, "organisaties")


def _versie(request) -> int:
    waarde = request.POST.get("versie", "")
    if not waarde.isdigit():
        raise BadRequest("versie")
    return int(waarde)


def _persoon(terrein, pk) -> Contactpersoon:
    """A person of an organisation linked to this park; others are not reachable from this park (404)."""
    return get_object_or_404(
        Contactpersoon.objects.select_related("organisatie").filter(organisatie__betrokkenheden__terrein=terrein).distinct(),
        pk=pk,
    )


@login_required
@require_http_methods(["GET", "POST"])
def contactpersoon_wijzigen(request, rin: int, pk: int):
    terrein = _terrein(request, rin)
    persoon = _persoon(terrein, pk)
    form = forms.ContactpersoonWijzigenForm(
        request.POST or None,
        initial={
            "versie": persoon.versie,
            "naam": persoon.naam,
            "rol": persoon.rol,
            "email": persoon.email,
            "telefoon": persoon.telefoon,
        },
    )
    status = 200
    if request.method == "POST":
        resultaat, status = _uitvoeren(form, lambda d: relaties.contactpersoon_wijzigen(persoon=persoon, user=request.user, **d))
        if resultaat is not None:
            messages.success(request, _("Contactpersoon %(naam)s is opgeslagen.") % {"naam": resultaat})
            return _naar_terrein(terrein, "organisaties")
    return _pagina(
        request,
        terrein,
        _("Contactpersoon bij %(organisatie)s") % {"organisatie": persoon.organisatie.naam},
        [("persoon", form, _("Contactpersoon opslaan"))],
        status,
        te_verwijderen=persoon,
        verwijder_url=reverse("contactpersoon-verwijderen", args=[terrein.rin, persoon.pk]),
    )


@login_required
@require_POST
def contactpersoon_verwijderen(request, rin: int, pk: int):
    terrein = _terrein(request, rin)
    persoon = _persoon(terrein, pk)
    try:
        relaties.contactpersoon_verwijderen(persoon=persoon, user=request.user, versie=_versie(request))
    except GelijktijdigeWijziging as conflict:
        messages.error(request, conflict.melding)
    else:
        messages.success(request, _("Contactpersoon %(naam)s is verwijderd.") % {"naam": persoon})
    return _naar_terrein(terrein, "organisaties")


@login_required
@require_http_methods(["GET", "POST"])
def notitie_toevoegen(request, rin: int):
    terrein = _terrein(request, rin)
    form = forms.NotitieForm(request.POST or None)
    status = 200
    if request.method == "POST":
        notitie, status = _uitvoeren(form, lambda d: logboek.notitie_toevoegen(terrein=terrein, user=request.user, **d))
        if notitie is not None:
            messages.success(request, _("De notitie is toegevoegd aan het logboek."))
            return _naar_terrein(terrein, "logboek")
    return _pagina(request, terrein, _("Notitie toevoegen aan het logboek"), [("notitie", form, _("Notitie toevoegen"))], status)


@login_required
@require_http_methods(["GET", "POST"])
def notitie_corrigeren(request, rin: int, pk: int):
    terrein = _terrein(request, rin)
    notitie = get_object_or_404(Notitie, terrein=terrein, pk=pk)
    if not logboek.mag_corrigeren(notitie=notitie, user=request.user):
        raise PermissionDenied(_("Alleen de schrijver van een notitie kan die corrigeren."))
    form = forms.NotitieCorrigerenForm(
        request.POST or None,
        initial={
            "versie": notitie.versie,
            "soort": notitie.soort,
            "datum": notitie.datum,
            "tekst": notitie.tekst,
            "opvolgen_op": notitie.opvolgen_op,
            "opgevolgd": notitie.opgevolgd,
        },
    )
    status = 200
    if request.method == "POST":
        resultaat, status = _uitvoeren(form, lambda d: logboek.notitie_corrigeren(notitie=notitie, user=request.user, **d))
        if resultaat is not None:
            messages.success(request, _("De notitie is gecorrigeerd."))
            return _naar_terrein(terrein, "logboek")
    return _pagina(request, terrein, _("Notitie corrigeren"), [("notitie", form, _("Correctie opslaan"))], status)


@login_required
@require_POST
def opvolging_afronden(request, rin: int, pk: int):
    terrein = _terrein(request, rin)
    notitie = get_object_or_404(Notitie, terrein=terrein, pk=pk)
    try:
        logboek.opvolging_afronden(notitie=notitie, user=request.user, versie=_versie(request))
    except (GelijktijdigeWijziging, ValidationError) as fout:
        messages.error(request, getattr(fout, "melding", None) or " ".join(fout.messages))
    else:
        messages.success(request, _("De opvolging is afgerond."))
    volgende = request.POST.get("volgende", "")
    if volgende == "mijn-terreinen":
        return redirect("mijn-terreinen")
    return _naar_terrein(terrein, "logboek")
