"""Forms for a park's organisations, contact persons and journal; they validate, the services write."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nal_oost.formulieren import nl_design_klassen
from terreinen.models import Contactpersoon, Notitie, Organisatie


class _NlForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nl_design_klassen(self)


class _VersieForm(_NlForm):
    """Carries the version the user saw, so a save over someone else's change is refused."""

    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class OrganisatieKoppelenForm(_NlForm):
    """Link an existing organisation, or a new one by name and kind, with an optional contact person."""

    bestaande = forms.ModelChoiceField(
        label=_("Bestaande organisatie"),
        queryset=Organisatie.objects.order_by("naam"),
        required=False,
        empty_label=_("Kies … (of vul hieronder een nieuwe in)"),
        help_text=_(
            "Kies een organisatie die al bij een ander terrein staat (bijvoorbeeld Liander), of vul hieronder een nieuwe in."
        ),
    )
    organisatie = forms.CharField(label=_("Naam nieuwe organisatie"), max_length=200, required=False)
    soort = forms.ChoiceField(label=_("Soort"), choices=[("", _("Kies …")), *Organisatie.Soort.choices], required=False)
    rol_op_terrein = forms.CharField(
        label=_("Rol op dit terrein"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: eigenaar van de grond, trekker."),
    )
    warm_contact = forms.BooleanField(label=_("Warm contact op dit terrein"), required=False)
    naam = forms.CharField(label=_("Naam contactpersoon"), max_length=200, required=False)
    rol = forms.CharField(label=_("Rol of functie contactpersoon"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    telefoon = forms.CharField(label=_("Telefoon"), max_length=30, required=False)

    def clean(self):
        data = super().clean()
        if not data.get("bestaande"):
            if not (data.get("organisatie") or "").strip():
                self.add_error("organisatie", _("Kies een bestaande organisatie of vul de naam van een nieuwe in."))
            if not data.get("soort"):
                self.add_error("soort", _("Kies de soort van de nieuwe organisatie."))
        return data


class BetrokkenheidForm(_VersieForm):
    rol = forms.CharField(label=_("Rol op dit terrein"), max_length=200, required=False)
    warm_contact = forms.BooleanField(label=_("Warm contact op dit terrein"), required=False)
    contactpersoon = forms.ModelChoiceField(
        label=_("Aanspreekpunt voor dit terrein"), queryset=Contactpersoon.objects.none(), required=False
    )

    def __init__(self, *args, organisatie, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contactpersoon"].queryset = organisatie.contactpersonen.order_by("naam", "pk")


class OrganisatieForm(_VersieForm):
    naam = forms.CharField(label=_("Naam"), max_length=200)
    soort = forms.ChoiceField(label=_("Soort"), choices=Organisatie.Soort.choices)


class ContactpersoonForm(_NlForm):
    naam = forms.CharField(label=_("Naam"), max_length=200, required=False)
    rol = forms.CharField(label=_("Rol of functie"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    telefoon = forms.CharField(label=_("Telefoon"), max_length=30, required=False)

    def clean(self):
        data = super().clean()
        if not any((data.get(v) or "").strip() for v in ("naam", "email", "telefoon")):
            raise forms.ValidationError(_("Vul een naam, e-mailadres of telefoonnummer in."))
        return data


class ContactpersoonWijzigenForm(ContactpersoonForm, _VersieForm):
    pass


class NotitieForm(_NlForm):
    soort = forms.ChoiceField(label=_("Soort"), choices=Notitie.Soort.choices)
    datum = forms.DateField(label=_("Datum"), initial=timezone.localdate)
    tekst = forms.CharField(label=_("Notitie"), widget=forms.Textarea(attrs={"rows": 4}))
    opvolgen_op = forms.DateField(
        label=_("Opvolgen op"),
        required=False,
        help_text=_("Verschijnt op die dag in ‘Mijn terreinen’ en in het dagoverzicht per e-mail."),
    )


class NotitieCorrigerenForm(NotitieForm, _VersieForm):
    opgevolgd = forms.BooleanField(label=_("Opgevolgd"), required=False)
