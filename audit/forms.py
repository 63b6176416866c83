from django import forms
from django.utils.translation import gettext_lazy as _

from nal_oost.formulieren import nl_design_klassen


class GeschiedenisFilterForm(forms.Form):
    """GET filter of the park's history: person, date range, one action (request id)."""

    gebruiker = forms.ChoiceField(label=_("Gebruiker"), required=False)
    van = forms.DateField(label=_("Van"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    verzoek = forms.RegexField(label=_("Request-id"), regex=r"^[A-Za-z0-9._-]{8,64}$", required=False)

    def __init__(self, *args, actoren=(), met_gebruiker=True, **kwargs):
        super().__init__(*args, **kwargs)
        nl_design_klassen(self)
        if met_gebruiker:
            self.fields["gebruiker"].choices = [("", _("Iedereen"))] + [(a, a) for a in actoren]
        else:
            del self.fields["gebruiker"]

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            raise forms.ValidationError(_("De einddatum ligt vóór de begindatum."))
        return data
