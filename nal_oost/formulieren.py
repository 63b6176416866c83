"""Shared form helpers."""

from django import forms


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
