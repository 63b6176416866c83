"""Forms for the weights (one field per criterion and value) and for a selection round."""

from django import forms
from django.utils.translation import gettext_lazy as _

from nal_oost.formulieren import nl_design_klassen
from prioritering.criteria import CRITERIA, MAX_PUNTEN, MIN_PUNTEN
from prioritering.models import Afwegingskader, Selectieronde


def _veldnaam(criterium: str, optie: str) -> str:
    return f"punten__{criterium}__{optie}"


class AfwegingskaderForm(forms.Form):
    vraagklasse_methode = forms.ChoiceField(label=_("Indeling vermogensvraag 2030"), choices=Afwegingskader.Methode.choices)
    drempel_middel_kw = forms.DecimalField(
        label=_("Ondergrens klasse middel (kW)"), required=False, min_value=0, max_digits=12, decimal_places=1
    )
    drempel_hoog_kw = forms.DecimalField(
        label=_("Ondergrens klasse hoog (kW)"), required=False, min_value=0, max_digits=12, decimal_places=1
    )
    pareto_aandeel = forms.IntegerField(label=_("Paretoset: aandeel van de regionale 2035-vraag (%)"), min_value=1, max_value=100)
    ze_zone_afstand_km = forms.DecimalField(
        label=_("ZE-zone 'dichtbij' tot en met (km)"), min_value=0, max_digits=6, decimal_places=2
    )
    toelichting = forms.CharField(label=_("Reden van deze nieuwe versie"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, kader: Afwegingskader | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.groepen = []
        for criterium in CRITERIA:
            namen = []
            for optie, label in criterium.opties:
                naam = _veldnaam(criterium.sleutel, optie)
                self.fields[naam] = forms.IntegerField(label=label, min_value=MIN_PUNTEN, max_value=MAX_PUNTEN)
                namen.append(naam)
            self.groepen.append((criterium, namen))
        if kader is not None and not self.is_bound:
            for criterium in CRITERIA:
                for optie, _label in criterium.opties:
                    self.initial[_veldnaam(criterium.sleutel, optie)] = kader.gewichten.get(criterium.sleutel, {}).get(optie)
            for veld in ("vraagklasse_methode", "drempel_middel_kw", "drempel_hoog_kw", "pareto_aandeel", "ze_zone_afstand_km"):
                self.initial[veld] = getattr(kader, veld)
        nl_design_klassen(self)

    def groep_velden(self):
        return [(criterium, [self[naam] for naam in namen]) for criterium, namen in self.groepen]

    def gewichten(self) -> dict:
        return {c.sleutel: {optie: self.cleaned_data[_veldnaam(c.sleutel, optie)] for optie, _l in c.opties} for c in CRITERIA}


class SelectierondeForm(forms.Form):
    naam = forms.CharField(label=_("Naam van de ronde"), max_length=200)
    aantal = forms.IntegerField(label=_("Aantal terreinen (N)"), min_value=1, max_value=200, initial=10)
    vorige = forms.ModelChoiceField(
        label=_("Vergelijken met ronde"), queryset=Selectieronde.objects.none(), required=False, empty_label=_("(geen)")
    )
    toelichting = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, rondes=None, **kwargs):
        super().__init__(*args, **kwargs)
        if rondes is not None:
            self.fields["vorige"].queryset = rondes
        nl_design_klassen(self)
