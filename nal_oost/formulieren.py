"""Shared form helpers: service errors onto a form, and the NL Design System look of every widget.

Templates render fields with one include, `{% include "nal/_veld.html" with veld=form.x %}`, a whole
form with `{% include "nal/_formulier.html" %}` and the error summary with
`{% include "nal/_foutsamenvatting.html" %}`; the form's `__init__` ends with `nl_design_klassen(self)`.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

# Django's empty choice text ("---------", BLANK_CHOICE_DASH and ModelChoiceField.empty_label).
DJANGO_LEGE_KEUZE = "---------"
LEGE_KEUZE = _("Kies …")

# Widget type (first match wins: subclasses before their parents) → Utrecht component classes.
WIDGET_KLASSEN = (
    (forms.CheckboxSelectMultiple, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.RadioSelect, "utrecht-radio-button utrecht-radio-button--html-input"),
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.SelectMultiple, "utrecht-select utrecht-select--html-select nal-select--meervoudig"),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (forms.FileInput, "utrecht-file-input"),
    (forms.HiddenInput, ""),
)
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


def validatiefouten_tonen(form, fout) -> None:
    """Put a service's ValidationError on the form: per field where the form has it, else on top."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.message_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, fout.messages)


def _klassen_toevoegen(widget: forms.Widget, klassen: str) -> None:
    bestaand = widget.attrs.get("class", "").split()
    widget.attrs["class"] = " ".join(bestaand + [k for k in klassen.split() if k not in bestaand])
    if not widget.attrs["class"]:
        del widget.attrs["class"]


def _lege_keuze(veld: forms.Field) -> None:
    """Replace Django's "---------" by a Dutch prompt; a label a form chose itself stays."""
    if isinstance(veld, forms.ModelChoiceField):
        if veld.empty_label == DJANGO_LEGE_KEUZE:
            veld.empty_label = LEGE_KEUZE
            veld.widget.choices = veld.choices
    elif isinstance(veld, forms.ChoiceField) and not isinstance(veld, forms.MultipleChoiceField):
        keuzes = list(veld.choices)
        if any(waarde == "" and label == DJANGO_LEGE_KEUZE for waarde, label in keuzes):
            veld.choices = [(w, LEGE_KEUZE if w == "" and label == DJANGO_LEGE_KEUZE else label) for w, label in keuzes]


# The same <select> as Django's, its options written in one template (nal_oost/templates): lists of 40–80 choices.
SELECT_TEMPLATE = "nal_oost/widgets/select.html"


def nl_design_klassen(form) -> None:
    """Give every widget its NL Design System classes, dates a date picker, and choices a Dutch empty label.

    aria-invalid and aria-describedby (`<id>_helptext`, `<id>_error`) come from Django's BoundField;
    nal/_veld.html gives the description and the error message those ids.
    """
    for veld in form.fields.values():
        widget = veld.widget
        klassen = next((k for soort, k in WIDGET_KLASSEN if isinstance(widget, soort)), TEXTBOX)
        _klassen_toevoegen(widget, klassen)
        if isinstance(widget, forms.DateInput) and widget.input_type == "text":
            widget.input_type = "date"
        if isinstance(widget, forms.DateInput):
            widget.format = "%Y-%m-%d"  # what <input type="date"> reads and sends
        if isinstance(widget, forms.Select) and widget.template_name == forms.Select.template_name:
            widget.template_name = SELECT_TEMPLATE
        _lege_keuze(veld)
