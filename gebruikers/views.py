"""Account screens: user management for the beheerder, the own account, two-factor enrolment and login."""

import base64
import io

from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.qr import write_qrcode_image

from audit.models import Gebeurtenis
from audit.services import account_object, gebeurtenis_vastleggen
from gebruikers import services
from gebruikers.forms import GebruikerForm, TokenForm, WachtwoordWijzigenForm
from nal_oost import rechten, rollen
from nal_oost.middleware import tweefactor_apparaat_gewijzigd, tweefactor_verplicht
from terreinen.services.gebruikers import gebruiker_opslaan

TE_VAAK = _lazy("Te veel verkeerde codes achter elkaar. Wacht een halve minuut en probeer de nieuwste code.")


class BeheerderMixin(LoginRequiredMixin, rechten.RechtVereistMixin):
    """User management is for the beheerder; for everyone else these pages do not exist (404)."""

    recht = staticmethod(rechten.mag_beheren)
    buiten_scope = True


def _veilige_next(request, standaard: str) -> str:
    doel = request.POST.get("next") or request.GET.get("next") or ""
    if doel and url_has_allowed_host_and_scheme(doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return doel
    return standaard


class GebruikerLijstView(BeheerderMixin, View):
    def get(self, request):
        gebruikers = services.gebruikers_lijst()
        met_2fa = set(services.TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
        rijen = []
        for user in gebruikers:
            groepen = [g.name for g in user.groups.all()]
            rijen.append(
                {
                    "user": user,
                    "rol": "beheerder" if user.is_superuser else next((r for r in rollen.ROLLEN if r in groepen), ""),
                    "gemeenten": [t.gemeente for t in user.gemeente_toegang.all()],
                    "tweefactor": user.pk in met_2fa,
                }
            )
        return render(request, "gebruikers/gebruiker_lijst.html", {"rijen": rijen})


class GebruikerBewerkenView(BeheerderMixin, View):
    template_name = "gebruikers/gebruiker_form.html"

    def _user(self, pk):
        if pk is None:
            return None
        return get_object_or_404(get_user_model(), pk=pk)

    def _initial(self, user):
        if user is None:
            return {"actief": True}
        return {
            "username": user.username,
            "voornaam": user.first_name,
            "achternaam": user.last_name,
            "email": user.email,
            "rol": rollen.rol_van(user) if user.is_active else (user.groups.values_list("name", flat=True).first() or ""),
            "gemeenten": [t.gemeente.code for t in user.gemeente_toegang.select_related("gemeente")],
            "actief": user.is_active,
        }

    def _render(self, request, form, user):
        context = {"form": form, "bewerkt": user}
        if user is not None:
            context["tweefactor"] = services.heeft_tweefactor(user)
            context["sessies"] = user.sessies.all()
        return render(request, self.template_name, context)

    def get(self, request, pk=None):
        user = self._user(pk)
        return self._render(request, GebruikerForm(initial=self._initial(user), bestaand=user), user)

    def post(self, request, pk=None):
        user = self._user(pk)
        form = GebruikerForm(request.POST, initial=self._initial(user), bestaand=user)
        if form.is_valid():
            data = form.cleaned_data
            if user is not None and user.pk == request.user.pk and (not data["actief"] or data["rol"] != rollen.BEHEERDER):
                form.add_error(None, _("U kunt uw eigen account niet deactiveren of uw eigen beheerdersrol afnemen."))
                return self._render(request, form, user)
            try:
                opgeslagen, created = gebruiker_opslaan(
                    username=data["username"],
                    rol=data["rol"],
                    gemeente_codes=[g.code for g in data["gemeenten"]],
                    password=data["wachtwoord"] or None,
                    actief=data["actief"],
                    email=data["email"],
                    voornaam=data["voornaam"],
                    achternaam=data["achternaam"],
                )
            except ValidationError as exc:
                for fout in exc.messages:
                    form.add_error(None, fout)
                return self._render(request, form, user)
            services.gebruiker_vastgelegd(user=opgeslagen, created=created, request=request)
            messages.success(
                request,
                (_("Gebruiker %(naam)s aangemaakt.") if created else _("Gebruiker %(naam)s opgeslagen."))
                % {"naam": opgeslagen.username},
            )
            return redirect("gebruiker-bewerken", pk=opgeslagen.pk)
        return self._render(request, form, user)


class GebruikerActieView(BeheerderMixin, View):
    """POST-only actions of the beheerder on a user: end all sessions, remove the 2FA device."""

    actie = ""

    def post(self, request, pk):
        user = get_object_or_404(get_user_model(), pk=pk)
        if self.actie == "uitloggen":
            aantal = services.overal_uitloggen(user=user, request=request)
            messages.success(request, _("%(n)d sessie(s) van %(naam)s beëindigd.") % {"n": aantal, "naam": user.username})
        elif self.actie == "tweefactor":
            services.tweefactor_resetten(user=user, request=request)
            messages.success(
                request,
                _("Tweestapsverificatie van %(naam)s verwijderd; bij de volgende login opnieuw instellen.")
                % {"naam": user.username},
            )
        return redirect("gebruiker-bewerken", pk=user.pk)


class AccountView(LoginRequiredMixin, View):
    def get(self, request):
        return render(
            request,
            "gebruikers/account.html",
            {
                "tweefactor": services.heeft_tweefactor(request.user),
                "tweefactor_verplicht": tweefactor_verplicht(request.user),
                "sessies": request.user.sessies.all(),
                "huidige_sessie": request.session.session_key,
            },
        )


class UitloggenOveralView(LoginRequiredMixin, View):
    """Ends every session of the current user, this one included."""

    def post(self, request):
        services.overal_uitloggen(user=request.user, request=request)
        logout(request)
        messages.success(request, _("U bent op alle apparaten uitgelogd."))
        return redirect("login")


class WachtwoordWijzigenView(auth_views.PasswordChangeView):
    template_name = "gebruikers/wachtwoord.html"
    form_class = WachtwoordWijzigenForm
    success_url = reverse_lazy("account")

    def form_valid(self, form):
        response = super().form_valid(form)
        # Other sessions keep the old password's hash and are thus ended by Django; forget them here too.
        services.sessies_beeindigen(user=self.request.user, behalve=self.request.session.session_key)
        services.sessie_registreren(request=self.request, user=self.request.user)
        gebeurtenis_vastleggen(
            actie=Gebeurtenis.Actie.WACHTWOORD,
            object=account_object(self.request.user.get_username()),
            resultaat=Gebeurtenis.Resultaat.GELUKT,
            request=self.request,
        )
        messages.success(self.request, _("Uw wachtwoord is gewijzigd."))
        return response


@method_decorator(never_cache, name="dispatch")
class TweeFactorInstellenView(LoginRequiredMixin, View):
    """Enrolment: a QR code (and the key as text) for an authenticator app, then a first code."""

    def _render(self, request, form, apparaat):
        sleutel = apparaat.bin_key
        tekst = base64.b32encode(sleutel).decode().rstrip("=")
        groepjes = " ".join(tekst[i : i + 4] for i in range(0, len(tekst), 4))
        return render(
            request,
            "gebruikers/tweefactor_instellen.html",
            {
                "form": form,
                "sleutel": groepjes,
                "next": _veilige_next(request, ""),
                "heeft": services.heeft_tweefactor(request.user),
            },
        )

    def dispatch(self, request, *args, **kwargs):
        # Replacing a device needs the current one first: a password alone must not enrol a new phone.
        if request.user.is_authenticated and not request.user.is_verified() and services.heeft_tweefactor(request.user):
            return redirect(f"{reverse('tweefactor-verifieren')}?next={reverse('tweefactor-instellen')}")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self._render(request, TokenForm(), services.tweefactor_apparaat(user=request.user))

    def post(self, request):
        apparaat = services.tweefactor_apparaat(user=request.user)
        form = TokenForm(request.POST)
        if form.is_valid() and not apparaat.verify_is_allowed()[0]:
            form.add_error("token", TE_VAAK)
        elif form.is_valid():
            token = form.cleaned_data["token"]
            if services.tweefactor_bevestigen(user=request.user, apparaat=apparaat, token=token, request=request):
                otp_login(request, apparaat)
                tweefactor_apparaat_gewijzigd(request)
                messages.success(request, _("Tweestapsverificatie is ingesteld."))
                return redirect(_veilige_next(request, reverse("account")))
            form.add_error("token", _("Deze code klopt niet. Controleer de tijd op uw telefoon en probeer de nieuwste code."))
        return self._render(request, form, apparaat)


@method_decorator(never_cache, name="dispatch")
class TweeFactorQrView(LoginRequiredMixin, View):
    """The enrolment QR code as an SVG image (an <img> on the enrolment page, no inline script)."""

    def get(self, request):
        if not request.user.is_verified() and services.heeft_tweefactor(request.user):
            raise Http404
        apparaat = services.tweefactor_apparaat(user=request.user)
        uit = io.BytesIO()
        write_qrcode_image(apparaat.config_url, uit)
        response = HttpResponse(uit.getvalue(), content_type="image/svg+xml")
        response["Cache-Control"] = "no-store"
        return response


@method_decorator(never_cache, name="dispatch")
class TweeFactorVerifierenView(LoginRequiredMixin, View):
    def get(self, request):
        return render(request, "gebruikers/tweefactor_verifieren.html", {"form": TokenForm(), "next": _veilige_next(request, "")})

    def post(self, request):
        form = TokenForm(request.POST)
        geremd = all(not a.verify_is_allowed()[0] for a in devices_for_user(request.user, confirmed=True))
        if form.is_valid() and geremd:
            form.add_error("token", TE_VAAK)
        elif form.is_valid():
            apparaat = services.tweefactor_controleren(user=request.user, token=form.cleaned_data["token"], request=request)
            if apparaat is not None:
                otp_login(request, apparaat)
                return redirect(_veilige_next(request, reverse("home")))
            form.add_error("token", _("Deze code klopt niet of is verlopen. Probeer de nieuwste code uit de app."))
        return render(request, "gebruikers/tweefactor_verifieren.html", {"form": form, "next": _veilige_next(request, "")})
