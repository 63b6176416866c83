from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext_lazy as _

from nal_oost import rollen
from nal_oost.formulieren import nl_design_klassen
from nal_oost.meerkeuze import meerkeuze_attrs
from terreinen.models import Gemeente


class GebruikerForm(forms.Form):
    """A beheerder creates or edits a user: role, municipalities (gemeente role), active, password."""

    username = forms.RegexField(
        label=_("Gebruikersnaam"),
        regex=r"^[\w.@+-]{3,150}$",
        error_messages={"invalid": _("Gebruik 3–150 letters, cijfers of . @ + - _ (geen spaties).")},
    )
    voornaam = forms.CharField(label=_("Voornaam"), max_length=150, required=False)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    # No role is preselected: a new account gets the role someone chose, never the strongest by default.
    rol = forms.ChoiceField(label=_("Rol"), choices=[("", _("— kies een rol —")), *rollen.ROLLEN.items()])
    gemeenten = forms.ModelMultipleChoiceField(
        label=_("Gemeenten (alleen voor de rol gemeente)"),
        queryset=Gemeente.objects.filter(geldig_tot__isnull=True).only("code", "naam"),
        to_field_name="code",
        required=False,
        # A type-ahead with chips instead of Ctrl-clicking through 77 names (js/meerkeuze.js; plain without JavaScript).
        widget=forms.SelectMultiple(attrs={"size": 8, **meerkeuze_attrs()}),
    )
    actief = forms.BooleanField(label=_("Actief (mag inloggen)"), required=False, initial=True)
    wachtwoord = forms.CharField(
        label=_("Wachtwoord"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Bij een nieuwe gebruiker verplicht; leeg laten houdt het huidige wachtwoord."),
    )

    def __init__(self, *args, bestaand=None, **kwargs):
        super().__init__(*args, **kwargs)
        nl_design_klassen(self)
        self.bestaand = bestaand
        if bestaand is not None:
            self.fields["username"].disabled = True
        else:
            self.fields["wachtwoord"].required = True

    def clean_username(self):
        username = self.cleaned_data["username"]
        if self.bestaand is None and get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Er bestaat al een gebruiker met deze gebruikersnaam."))
        return username

    def clean_wachtwoord(self):
        wachtwoord = self.cleaned_data["wachtwoord"]
        if wachtwoord:
            gebruiker = self.bestaand or get_user_model()(username=self.data.get("username", ""))
            password_validation.validate_password(wachtwoord, gebruiker)
        return wachtwoord

    def clean(self):
        data = super().clean()
        rol, gemeenten = data.get("rol"), data.get("gemeenten")
        if rol == rollen.GEMEENTE and not gemeenten:
            self.add_error("gemeenten", _("Kies minstens één gemeente voor een gemeentegebruiker."))
        if rol and rol != rollen.GEMEENTE and gemeenten:
            self.add_error("gemeenten", _("Alleen gemeentegebruikers worden aan gemeenten gekoppeld."))
        return data


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Code uit de authenticator-app"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Vul de zes cijfers uit de app in.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nl_design_klassen(self)

    def clean_token(self):
        return self.cleaned_data["token"].strip()


class InlogForm(AuthenticationForm):
    """Django's login form with the NL Design System widgets and one Dutch message for a wrong combination."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("De combinatie van gebruikersnaam en wachtwoord is onjuist."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nl_design_klassen(self)


class WachtwoordWijzigenForm(PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nl_design_klassen(self)
