"""The filters in use, one entry per chosen value, each with the link that removes just that value."""

from dataclasses import dataclass

from django import forms
from django.http import QueryDict

# Query keys that are state of the screen, not filters: never shown as a filter in use.
GEEN_FILTERWAARDE = ("sortering", "page", "kleur", "formaat")


@dataclass(frozen=True)
class ActiefFilter:
    veld: str
    label: str
    waarde: str
    # The query string without this one value (and without the page number): the link that removes it.
    zonder: str


def _labels(veld: forms.Field, opgeschoond) -> dict[str, str]:
    """Submitted value → its label, for the values the form accepted."""
    if isinstance(veld, forms.ModelMultipleChoiceField | forms.ModelChoiceField):
        sleutel = veld.to_field_name or "pk"
        # The cleaned queryset was evaluated by the form's validation: no further query.
        objecten = opgeschoond if isinstance(veld, forms.ModelMultipleChoiceField) else [opgeschoond]
        return {str(getattr(o, sleutel)): str(o) for o in objecten if o is not None}
    if isinstance(veld, forms.ChoiceField):
        return {str(w): str(label) for w, label in veld.choices if str(w) != ""}
    return {}


def actieve_filters(
    form: forms.Form, params: QueryDict, *, labels: dict[str, dict[str, str]] | None = None
) -> list[ActiefFilter]:
    """Every accepted filter value of the bound, validated `form`, in the form's order.

    `labels` gives the labels of fields whose choices the form does not hold itself (name → value → label).
    A value the form refused is not listed: "Alle filters wissen" removes it.
    """
    opgeschoond = getattr(form, "cleaned_data", {})
    actief = []
    for naam, veld in form.fields.items():
        if naam in GEEN_FILTERWAARDE or naam not in opgeschoond or opgeschoond[naam] in (None, "", [], ()):
            continue
        bekend = (labels or {}).get(naam) or _labels(veld, opgeschoond[naam])
        for waarde in dict.fromkeys(w for w in params.getlist(naam) if w.strip()):
            if isinstance(veld, forms.ChoiceField | forms.ModelChoiceField) and waarde not in bekend:
                continue
            zonder = params.copy()
            zonder.setlist(naam, [w for w in params.getlist(naam) if w != waarde])
            zonder.pop("page", None)
            actief.append(
                ActiefFilter(
                    veld=naam, label=str(veld.label), waarde=bekend.get(waarde, waarde.strip()), zonder=zonder.urlencode()
                )
            )
    return actief


def alles_wissen(params: QueryDict) -> str:
    """The query string without any filter: the sorting stays."""
    over = QueryDict(mutable=True)
    if params.get("sortering"):
        over["sortering"] = params["sortering"]
    return over.urlencode()
