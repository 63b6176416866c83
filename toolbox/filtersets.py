"""The one FilterSet for instruments, shared by the catalogue page and any API on it."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nal_oost.formulieren import nl_design_klassen
from stappenplan.models import Stap
from toolbox.models import (
    Categorie,
    Doelgroep,
    Instrument,
    InstrumentDoelgroep,
    InstrumentStap,
    InstrumentStatus,
    ziet_eigen_gebruik,
)


class InstrumentFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken in titel, omschrijving en eigenaar"), method="filter_q")
    categorie = django_filters.MultipleChoiceFilter(
        label=_("Categorie"), choices=Categorie.choices, distinct=False, widget=forms.CheckboxSelectMultiple
    )
    stap = django_filters.MultipleChoiceFilter(
        label=_("Stap"), choices=Stap.choices, method="filter_stap", distinct=False, widget=forms.CheckboxSelectMultiple
    )
    doelgroep = django_filters.MultipleChoiceFilter(
        label=_("Doelgroep"),
        choices=Doelgroep.choices,
        method="filter_doelgroep",
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=InstrumentStatus.choices, empty_label=_("Alle"))

    class Meta:
        model = Instrument
        fields: list[str] = []

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and not ziet_eigen_gebruik(user):
            # Do not offer a filter on an audience the user never sees.
            self.filters["doelgroep"].extra["choices"] = [c for c in Doelgroep.choices if c[0] != Doelgroep.EIGEN_GEBRUIK]
        nl_design_klassen(self.form)
        self.form.verberg_niet_verplicht = True  # every filter is optional: no "(niet verplicht)" on each

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(titel__icontains=value) | Q(omschrijving__icontains=value) | Q(eigenaar__icontains=value))

    def filter_stap(self, queryset, name, value):
        # A subquery keeps an instrument that serves two chosen steps listed once.
        return queryset.filter(pk__in=InstrumentStap.objects.filter(stap__in=value).values("instrument_id"))

    def filter_doelgroep(self, queryset, name, value):
        return queryset.filter(pk__in=InstrumentDoelgroep.objects.filter(doelgroep__in=value).values("instrument_id"))
