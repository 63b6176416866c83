"""Shared form helpers."""

from django import forms


def validatiefouten_tonen(form, fout) -> None:
    """Put a service's ValidationError on the form: per field where the form has it, else on top."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.message_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, fout.messages)


def nl_design_klassen(form) -> None:
    """Give form widgets the NL Design System classes (text boxes, selects, checkboxes)."""
    for veld in form.fields.values():
        widget = veld.widget
        if isinstance(widget, forms.CheckboxInput):
            klasse = "utrecht-checkbox"
        elif isinstance(widget, forms.Select):
            klasse = "utrecht-select"
        else:
            klasse = "utrecht-textbox"
        widget.attrs.setdefault("class", klasse)
