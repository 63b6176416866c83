"""Forms for the step outputs; they only validate input, the services write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from nal_oost.formulieren import nl_design_klassen
from nal_oost.uploads import UPLOADSOORTEN, UploadValidator, max_bytes
from stappenplan.models import (
    CHECKLIST_ACHTERGROND,
    CHECKLIST_FINANCIAL_CLOSE,
    LOKALE_AFWEGINGEN,
    Document,
    Evaluatienotitie,
    Stap,
    Traject,
)
from stappenplan.services import OUTPUT_VELDEN
from terreinen.models import Organisatie


class StapGegevensForm(forms.ModelForm):
    """The outputs of one step; which fields depends on the step."""

    checklist_achtergrond = forms.MultipleChoiceField(
        label=_("Achtergrondinformatie is beschikbaar over"),
        choices=CHECKLIST_ACHTERGROND,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    checklist_financial_close = forms.MultipleChoiceField(
        label=_("Financial close: geregeld zijn"),
        choices=CHECKLIST_FINANCIAL_CLOSE,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Traject
        fields = [veld for velden in OUTPUT_VELDEN.values() for veld in velden]
        widgets = {
            "probleemstelling": forms.Textarea(attrs={"rows": 4}),
            "projectteam": forms.Textarea(attrs={"rows": 3}),
            "realisatie": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, stap: int, **kwargs):
        super().__init__(*args, **kwargs)
        houden = set(OUTPUT_VELDEN[stap])
        for naam in list(self.fields):
            if naam not in houden:
                del self.fields[naam]
        nl_design_klassen(self)


class StakeholderForm(forms.Form):
    """An organisation of the park with an optional contact person (written by terreinen.services.relaties)."""

    organisatie = forms.CharField(label=_("Organisatie"), max_length=200)
    soort = forms.ChoiceField(label=_("Soort"), choices=Organisatie.Soort.choices)
    naam = forms.CharField(label=_("Naam contactpersoon"), max_length=200, required=False)
    rol = forms.CharField(label=_("Rol contactpersoon"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    telefoon = forms.CharField(label=_("Telefoon"), max_length=30, required=False)
    warm_contact = forms.BooleanField(label=_("Warm contact"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nl_design_klassen(self)


class DocumentForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort document"), choices=Document.Soort.choices)
    bestand = forms.FileField(
        validators=[UploadValidator("document")],
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f".{e}" for e in UPLOADSOORTEN["document"])}),
    )
    vertrouwelijk = forms.BooleanField(label=_("Vertrouwelijk (niet zichtbaar voor gemeenten)"), required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bestand"].label = _("Bestand (PDF, DOCX, XLSX, ODT, PNG of JPG, hoogstens %(mb)s MB)") % {
            "mb": max_bytes("document") // (1024 * 1024)
        }
        nl_design_klassen(self)


class DocumentVersieForm(forms.Form):
    """A new version of a current document; the old one stays in the history."""

    document = forms.IntegerField(widget=forms.HiddenInput)
    bestand = forms.FileField(
        label=_("Nieuwe versie"),
        validators=[UploadValidator("document")],
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f".{e}" for e in UPLOADSOORTEN["document"])}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nl_design_klassen(self)


class OplossingsrichtingForm(forms.Form):
    titel = forms.CharField(label=_("Oplossingsrichting"), max_length=200)
    omschrijving = forms.CharField(label=_("Omschrijving"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    afwegingen = forms.MultipleChoiceField(
        label=_("Gewogen tegen de lokale context"),
        choices=LOKALE_AFWEGINGEN,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nl_design_klassen(self)


class EvaluatieForm(forms.ModelForm):
    stap = forms.TypedChoiceField(label=_("Na stap"), choices=Stap.choices, coerce=int)

    class Meta:
        model = Evaluatienotitie
        fields = ["stap", "soort", "tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nl_design_klassen(self)


class OvergangForm(forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    reden = forms.CharField(label=_("Reden"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    herbeoordelen_op = forms.DateField(label=_("Opnieuw beoordelen op"), required=False)


class OplossingsrichtingWijzigenForm(OplossingsrichtingForm):
    richting = forms.IntegerField(widget=forms.HiddenInput)
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
