"""Forms of the park screens: editing a park's criteria and grid data, uploading a criteria sheet, assigning a regisseur."""

from django import forms
from django.core import signing
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from nal_oost.formulieren import nl_design_klassen
from nal_oost.uploads import UploadValidator
from terreinen.models import Bedrijventerrein
from terreinen.services.bewerken import BEWERKBARE_VELDEN

MOMENTOPNAME_SALT = "terreinen.bewerken.momentopname"
JA_NEE_ONBEKEND = [("unknown", _("Onbekend")), ("true", _("Ja")), ("false", _("Nee"))]


class TerreinForm(forms.ModelForm):
    """The Bijlage 7 criteria, grid data and initiatives of one park, with the lock token of the version shown."""

    gezien_op = forms.CharField(widget=forms.HiddenInput)
    momentopname = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Bedrijventerrein
        fields = list(BEWERKBARE_VELDEN)
        widgets = {"initiatieven": forms.CheckboxSelectMultiple}
        help_texts = {
            "aandeel_logistiek": _("Percentage van de gevestigde bedrijven, 0 tot en met 100; leeg is onbekend."),
            "afstand_ze_zone_km": _("In kilometers, bijvoorbeeld 2,5; leeg is onbekend."),
            "aantal_sectoren": _("Aantal verschillende SBI-sectoren op het terrein."),
        }

    def __init__(self, *args, momentopname: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for naam in ("parkmanagement", "terrein_vol", "warme_contacten", "eigen_initiatief"):
            self.fields[naam] = forms.NullBooleanField(
                label=self.fields[naam].label, required=False, widget=forms.NullBooleanSelect
            )
            self.fields[naam].widget.choices = JA_NEE_ONBEKEND
        for naam in ("aandeel_logistiek", "afstand_ze_zone_km"):
            self.fields[naam].localize = True
            self.fields[naam].widget = forms.TextInput(attrs={"inputmode": "decimal"})
        self.fields["aandeel_logistiek"].validators += [MinValueValidator(0), MaxValueValidator(100)]
        self.fields["afstand_ze_zone_km"].validators += [MinValueValidator(0)]
        self.fields["netbeheerder"].empty_label = _("Onbekend")
        if self.instance.pk and not self.is_bound:
            self.initial["gezien_op"] = self.instance.gewijzigd_op.isoformat()
            self.initial["momentopname"] = signing.dumps(momentopname or {}, salt=MOMENTOPNAME_SALT)
        nl_design_klassen(self)

    def clean_gezien_op(self):
        waarde = parse_datetime(self.cleaned_data["gezien_op"] or "")
        if waarde is None:
            raise forms.ValidationError(_("Het formulier is onvolledig; open het terrein opnieuw."))
        return waarde

    def clean_momentopname(self):
        try:
            return signing.loads(self.cleaned_data["momentopname"], salt=MOMENTOPNAME_SALT)
        except signing.BadSignature:
            return None

    def gegevens(self) -> dict:
        return {veld: self.cleaned_data[veld] for veld in BEWERKBARE_VELDEN}


class CriteriaImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("Bestand met criteria (XLSX of CSV)"),
        help_text=_("Eén rij per terrein met het RIN-nummer; download een importbestand vanuit de lijst als voorbeeld."),
        validators=[UploadValidator(soorten=("xlsx", "csv"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nl_design_klassen(self)
