"""Forms of the toolbox: thin input adapters; the rules live in toolbox.services."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nal_oost.formulieren import nl_design_klassen
from nal_oost.uploads import UploadValidator, max_bytes, toegestane_extensies
from stappenplan.models import Stap
from toolbox.models import Categorie, Doelgroep, Instrument, InstrumentStatus


class InstrumentForm(forms.Form):
    titel = forms.CharField(label=_("Titel"), max_length=200)
    categorie = forms.ChoiceField(label=_("Categorie"), choices=Categorie.choices)
    omschrijving = forms.CharField(label=_("Omschrijving"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    doelgroepen = forms.MultipleChoiceField(
        label=_("Doelgroepen"),
        choices=Doelgroep.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("'Eigen gebruik' is alleen zichtbaar voor het programmateam, nooit voor gemeenten."),
    )
    stappen = forms.TypedMultipleChoiceField(
        label=_("Stappen waarin het instrument wordt ingezet"),
        choices=Stap.choices,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.ChoiceField(label=_("Status"), choices=InstrumentStatus.choices)
    eigenaar = forms.CharField(label=_("Eigenaar"), max_length=120, required=False)
    link = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nl_design_klassen(self)

    @staticmethod
    def initial_voor(instrument: Instrument) -> dict:
        return {
            "titel": instrument.titel,
            "categorie": instrument.categorie,
            "omschrijving": instrument.omschrijving,
            "doelgroepen": [d.doelgroep for d in instrument.doelgroepen.all()],
            "stappen": [s.stap for s in instrument.stappen.all()],
            "status": instrument.status,
            "eigenaar": instrument.eigenaar,
            "link": instrument.link,
        }


class VersieForm(forms.Form):
    bestand = forms.FileField(label=_("Document"), validators=[UploadValidator("toolbox")])
    toelichting = forms.CharField(label=_("Wat is er veranderd?"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mb = max_bytes("toolbox") // (1024 * 1024)
        self.fields["bestand"].help_text = _("Maximaal %(mb)s MB; toegestaan: %(lijst)s.") % {
            "mb": mb,
            "lijst": toegestane_extensies("toolbox"),
        }
        self.fields["bestand"].widget.attrs["accept"] = toegestane_extensies("toolbox").replace(" ", "")
        nl_design_klassen(self)


class InzetForm(forms.Form):
    instrument = forms.ModelChoiceField(label=_("Instrument"), queryset=Instrument.objects.none())
    stap = forms.TypedChoiceField(label=_("Stap"), choices=Stap.choices, coerce=int)
    datum = forms.DateField(label=_("Datum"))
    uitkomst = forms.CharField(label=_("Uitkomst"), max_length=300, required=False)
    notitie = forms.CharField(label=_("Notitie (vertrouwelijk)"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    opnieuw_ingezet = forms.BooleanField(
        label=_("Geen goede oplossing gevonden: toolbox opnieuw ingezet (nieuwe ronde, alleen in stap 3)"),
        required=False,
    )

    def __init__(self, *args, instrumenten, huidige_stap: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].queryset = instrumenten
        self.fields["instrument"].empty_label = _("Kies een instrument")
        if not self.is_bound:
            self.initial.setdefault("stap", huidige_stap if huidige_stap is not None else Stap.INVENTARISATIE)
            self.initial.setdefault("datum", timezone.localdate())
        nl_design_klassen(self)
