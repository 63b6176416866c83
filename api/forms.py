from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from api.models import Resource
from nal_oost.formulieren import nl_design_klassen


class ApiSleutelForm(forms.Form):
    organisatie = forms.CharField(label=_("Organisatie"), max_length=200)
    omschrijving = forms.CharField(
        label=_("Omschrijving"), max_length=300, required=False, help_text=_("Bijvoorbeeld het doel of de contactpersoon.")
    )
    scope = forms.MultipleChoiceField(
        label=_("Toegang tot"),
        choices=Resource.choices,
        initial=list(Resource.values),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één onderdeel.")},
    )
    verloopt_op = forms.DateField(
        label=_("Verloopt op"),
        required=False,
        help_text=_("Leeg laten voor een sleutel zonder vervaldatum."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nl_design_klassen(self)

    def clean_verloopt_op(self):
        datum = self.cleaned_data["verloopt_op"]
        if datum is not None and datum <= timezone.localdate():
            raise ValidationError(_("De vervaldatum moet na vandaag liggen."))
        return datum
