"""The one FilterSet for parks, shared by the web list, its exports, the map and the API."""

from decimal import Decimal

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from terreinen.models import (
    GROOTTE_GRENZEN,
    Bedrijventerrein,
    Gemeente,
    Grootteklasse,
    Initiatief,
    LogistiekAandeel,
    Netbeheerder,
    Provincie,
    SbiDiversiteit,
)

# Step and status values, as stored on the park's traject (stappenplan app); listed here so this app imports no other.
STAPPEN = [(i, str(i)) for i in range(7)]
STATUSSEN = [(s, s) for s in ("actief", "volgen", "uitgesteld", "zelfstandig", "gestopt", "afgerond")]
JA_NEE = [("ja", _("Ja")), ("nee", _("Nee")), ("onbekend", _("Onbekend"))]

_KLEIN, _MIDDEL = (grens for grens, _klasse in GROOTTE_GRENZEN)


def _janee_filter(veld: str):
    def filter_(queryset, name, value):
        if value == "onbekend":
            return queryset.filter(**{f"{veld}__isnull": True})
        return queryset.filter(**{veld: value == "ja"})

    return filter_


class BedrijventerreinFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="filter_q")
    provincie = django_filters.ModelMultipleChoiceFilter(
        label=_("Provincie"),
        field_name="gemeente__provincie__code",
        to_field_name="code",
        queryset=Provincie.objects.all(),
        distinct=False,
    )
    gemeente = django_filters.ModelMultipleChoiceFilter(
        label=_("Gemeente"), field_name="gemeente__code", to_field_name="code", queryset=Gemeente.objects.all(), distinct=False
    )
    stap = django_filters.MultipleChoiceFilter(label=_("Stap"), field_name="traject__stap", choices=STAPPEN, distinct=False)
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), field_name="traject__status", choices=STATUSSEN, distinct=False
    )
    regisseur = django_filters.CharFilter(label=_("Regisseur (gebruikersnaam)"), field_name="traject__regisseur__username")
    grootteklasse = django_filters.MultipleChoiceFilter(
        label=_("Grootteklasse"), choices=Grootteklasse.choices, method="filter_grootteklasse", distinct=False
    )
    netcongestie = django_filters.MultipleChoiceFilter(
        label=_("Netcongestie"),
        choices=[("onbekend", _("Onbekend"))] + [c for c in Bedrijventerrein.Netcongestie.choices if c[0]],
        method="filter_netcongestie",
        distinct=False,
    )
    netbeheerder = django_filters.ModelMultipleChoiceFilter(
        label=_("Netbeheerder"), queryset=Netbeheerder.objects.all(), distinct=False
    )
    parkmanagement = django_filters.ChoiceFilter(
        label=_("Parkmanagement"), choices=JA_NEE, method=_janee_filter("parkmanagement")
    )
    logistiek = django_filters.MultipleChoiceFilter(
        label=_("Aandeel logistiek"), choices=LogistiekAandeel.choices, method="filter_logistiek", distinct=False
    )
    sbi_diversiteit = django_filters.MultipleChoiceFilter(
        label=_("SBI-diversiteit"), choices=SbiDiversiteit.choices, method="filter_sbi", distinct=False
    )
    initiatief = django_filters.ModelMultipleChoiceFilter(
        label=_("Initiatief"), queryset=Initiatief.objects.all(), method="filter_initiatief"
    )
    vraag_2025_min = django_filters.NumberFilter(label=_("Laadvraag 2025 vanaf (kW)"), method="filter_vraag")
    vraag_2025_max = django_filters.NumberFilter(label=_("Laadvraag 2025 tot en met (kW)"), method="filter_vraag")
    vraag_2030_min = django_filters.NumberFilter(label=_("Laadvraag 2030 vanaf (kW)"), method="filter_vraag")
    vraag_2030_max = django_filters.NumberFilter(label=_("Laadvraag 2030 tot en met (kW)"), method="filter_vraag")
    vraag_2035_min = django_filters.NumberFilter(label=_("Laadvraag 2035 vanaf (kW)"), method="filter_vraag")
    vraag_2035_max = django_filters.NumberFilter(label=_("Laadvraag 2035 tot en met (kW)"), method="filter_vraag")

    class Meta:
        model = Bedrijventerrein
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        voorwaarde = Q(naam__icontains=value) | Q(gemeente__naam__icontains=value)
        if value.isdigit():
            voorwaarde |= Q(rin=int(value))
        return queryset.filter(voorwaarde)

    def filter_grootteklasse(self, queryset, name, value):
        delen = {
            Grootteklasse.KLEIN: Q(ha_netto__lte=_KLEIN),
            Grootteklasse.MIDDEL: Q(ha_netto__gt=_KLEIN, ha_netto__lte=_MIDDEL),
            Grootteklasse.GROOT: Q(ha_netto__gt=_MIDDEL),
        }
        return queryset.filter(_of(delen[v] for v in value))

    def filter_netcongestie(self, queryset, name, value):
        return queryset.filter(netcongestie__in=["" if v == "onbekend" else v for v in value])

    def filter_logistiek(self, queryset, name, value):
        delen = {
            LogistiekAandeel.WEINIG: Q(aandeel_logistiek__lt=20),
            LogistiekAandeel.GEMIDDELD: Q(aandeel_logistiek__gte=20, aandeel_logistiek__lte=50),
            LogistiekAandeel.VEEL: Q(aandeel_logistiek__gt=50),
        }
        return queryset.filter(_of(delen[v] for v in value))

    def filter_sbi(self, queryset, name, value):
        delen = {
            SbiDiversiteit.LAAG: Q(aantal_sectoren__lt=10),
            SbiDiversiteit.GEMIDDELD: Q(aantal_sectoren__gte=10, aantal_sectoren__lte=20),
            SbiDiversiteit.ZEER_DIVERS: Q(aantal_sectoren__gt=20),
        }
        return queryset.filter(_of(delen[v] for v in value))

    def filter_initiatief(self, queryset, name, value):
        if not value:
            return queryset
        # A subquery instead of a join, so a park in two chosen initiatives is listed once.
        through = queryset.model.initiatieven.through
        return queryset.filter(pk__in=through.objects.filter(initiatief__in=value).values("bedrijventerrein_id"))

    def filter_vraag(self, queryset, name, value):
        if value is None:
            return queryset
        _vraag, jaar, grens = name.split("_")
        lookup = "gte" if grens == "min" else "lte"
        # One current row per park, zichtjaar and scenario: a subquery keeps rows unique.
        return queryset.filter(
            pk__in=queryset.model.plankaarten.rel.related_model.objects.filter(
                actueel=True, zichtjaar=int(jaar), scenario="midden", **{f"laadvermogen_kw__{lookup}": Decimal(value)}
            ).values("terrein_id")
        )


def _of(delen) -> Q:
    resultaat = Q(pk__in=[])
    for deel in delen:
        resultaat |= deel
    return resultaat
