"""The one FilterSet for parks, shared by the web list, its exports, the map, progress and the API.

It reads from several apps (steps and status from stappenplan, demand from plankaarten, scores from prioritering);
that is why it lives here, above them, and not in terreinen.
"""

from decimal import Decimal

import django_filters
from django import forms
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from nal_oost import zichtbaarheid
from plankaarten.models import ZICHTJAREN
from plankaarten.selectors import actuele_vraag
from prioritering.models import Vraagklasse
from prioritering.selectors import actuele_prioriteit
from stappenplan.models import Stap, Status
from terreinen.criteria import CRITERIA, CRITERIA_PER_VELD, bekend_expressie, openbare_criteria
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
from terreinen.zoeken import zoekvoorwaarde

# Parks without a traject have not started the stappenplan: they count as step 0 and get this pseudo-status.
NIET_GESTART = "niet_gestart"
STAPPEN = list(Stap.choices)
STATUSSEN = [(NIET_GESTART, _("Nog niet gestart")), *Status.choices]
JA_NEE = [("ja", _("Ja")), ("nee", _("Nee")), ("onbekend", _("Onbekend"))]

_KLEIN, _MIDDEL = (grens for grens, _klasse in GROOTTE_GRENZEN)


STAP_EXPRESSIE = Coalesce(F("traject__stap"), 0)
# The demand class 2030 of the newest score, and parks without one.
PRIORITEITSKLASSEN = [*Vraagklasse.choices, ("onbekend", _("Onbekend"))]


class SorteringFilter(django_filters.OrderingFilter):
    """Sorting by column; expressions instead of annotations, so any park queryset (web, export, API) can be sorted.

    Empty values sort last in both directions, and the RIN breaks ties so pages and exports are stable.
    """

    SLEUTELS = {
        "naam": lambda: F("naam"),
        "gemeente": lambda: F("gemeente__naam"),
        "provincie": lambda: F("gemeente__provincie__naam"),
        "ha_netto": lambda: F("ha_netto"),
        "stap": lambda: STAP_EXPRESSIE,
        "status": lambda: F("traject__status"),
        **{f"vraag_{jaar}": (lambda jaar=jaar: actuele_vraag(jaar)) for jaar in ZICHTJAREN},
        "rang": lambda: actuele_prioriteit("rang"),
        # Counted over the criteria everyone may see, so the order tells nothing about confidential ones.
        "criteria_bekend": lambda: bekend_expressie(openbare_criteria()),
        "rin": lambda: F("rin"),
    }

    def __init__(self, *args, **kwargs):
        labels = {
            "naam": _("naam"),
            "gemeente": _("gemeente"),
            "provincie": _("provincie"),
            "ha_netto": _("netto oppervlakte"),
            "stap": _("stap"),
            "status": _("status"),
            "vraag_2025": _("laadvraag 2025"),
            "vraag_2030": _("laadvraag 2030"),
            "vraag_2035": _("laadvraag 2035"),
            "rang": _("rang in de prioritering"),
            "criteria_bekend": _("criteria bekend"),
            "rin": _("RIN-nummer"),
        }
        keuzes = []
        for sleutel, label in labels.items():
            keuzes.append((sleutel, _("%(kolom)s, oplopend") % {"kolom": label}))
            keuzes.append((f"-{sleutel}", _("%(kolom)s, aflopend") % {"kolom": label}))
        kwargs.setdefault("choices", keuzes)
        kwargs.setdefault("label", _("Sorteren op"))
        kwargs.setdefault("empty_label", _("gemeente en naam (standaard)"))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in django_filters.constants.EMPTY_VALUES:
            return qs
        volgorde = []
        for param in value:
            aflopend = param.startswith("-")
            expressie = self.SLEUTELS[param.lstrip("-")]()
            volgorde.append(expressie.desc(nulls_last=True) if aflopend else expressie.asc(nulls_last=True))
        if not any(p.lstrip("-") == "rin" for p in value):
            volgorde.append(F("rin").asc())
        return qs.order_by(*volgorde)


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
        widget=forms.CheckboxSelectMultiple,
    )
    gemeente = django_filters.ModelMultipleChoiceFilter(
        label=_("Gemeente"), field_name="gemeente__code", to_field_name="code", queryset=Gemeente.objects.all(), distinct=False
    )
    stap = django_filters.MultipleChoiceFilter(
        label=_("Stap"), choices=STAPPEN, method="filter_stap", distinct=False, widget=forms.CheckboxSelectMultiple
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=STATUSSEN, method="filter_status", distinct=False, widget=forms.CheckboxSelectMultiple
    )
    regisseur = django_filters.NumberFilter(label=_("Regisseur"), field_name="traject__regisseur")
    grootteklasse = django_filters.MultipleChoiceFilter(
        label=_("Grootteklasse"),
        choices=Grootteklasse.choices,
        method="filter_grootteklasse",
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
    )
    netcongestie = django_filters.MultipleChoiceFilter(
        label=_("Netcongestie"),
        choices=[("onbekend", _("Onbekend"))] + [c for c in Bedrijventerrein.Netcongestie.choices if c[0]],
        method="filter_netcongestie",
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
    )
    netbeheerder = django_filters.ModelMultipleChoiceFilter(
        label=_("Netbeheerder"), queryset=Netbeheerder.objects.all(), distinct=False
    )
    parkmanagement = django_filters.ChoiceFilter(
        label=_("Parkmanagement"), choices=JA_NEE, method=_janee_filter("parkmanagement"), empty_label=_("Alle")
    )
    logistiek = django_filters.MultipleChoiceFilter(
        label=_("Aandeel logistiek"),
        choices=LogistiekAandeel.choices,
        method="filter_logistiek",
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sbi_diversiteit = django_filters.MultipleChoiceFilter(
        label=_("SBI-diversiteit"),
        choices=SbiDiversiteit.choices,
        method="filter_sbi",
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
    )
    initiatief = django_filters.ModelMultipleChoiceFilter(
        label=_("Initiatief"), queryset=Initiatief.objects.all(), method="filter_initiatief"
    )
    onbekend = django_filters.MultipleChoiceFilter(
        label=_("Criterium onbekend"),
        choices=[(c.veld, c.label) for c in CRITERIA],
        method="filter_onbekend",
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
    )
    prioriteitsklasse = django_filters.MultipleChoiceFilter(
        label=_("Prioriteitsklasse (vermogensvraag 2030)"),
        choices=PRIORITEITSKLASSEN,
        method="filter_prioriteitsklasse",
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
    )
    vraag_2025_min = django_filters.NumberFilter(label=_("Laadvraag 2025 vanaf (kW)"), method="filter_vraag")
    vraag_2025_max = django_filters.NumberFilter(label=_("Laadvraag 2025 tot en met (kW)"), method="filter_vraag")
    vraag_2030_min = django_filters.NumberFilter(label=_("Laadvraag 2030 vanaf (kW)"), method="filter_vraag")
    vraag_2030_max = django_filters.NumberFilter(label=_("Laadvraag 2030 tot en met (kW)"), method="filter_vraag")
    vraag_2035_min = django_filters.NumberFilter(label=_("Laadvraag 2035 vanaf (kW)"), method="filter_vraag")
    vraag_2035_max = django_filters.NumberFilter(label=_("Laadvraag 2035 tot en met (kW)"), method="filter_vraag")
    sortering = SorteringFilter()

    class Meta:
        model = Bedrijventerrein
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(zoekvoorwaarde(value))

    def filter_stap(self, queryset, name, value):
        stappen = [int(v) for v in value]
        voorwaarde = Q(traject__stap__in=stappen)
        if 0 in stappen:
            voorwaarde |= Q(traject__isnull=True)
        return queryset.filter(voorwaarde)

    def filter_status(self, queryset, name, value):
        voorwaarde = Q(traject__status__in=[v for v in value if v != NIET_GESTART])
        if NIET_GESTART in value:
            voorwaarde |= Q(traject__isnull=True)
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

    def filter_onbekend(self, queryset, name, value):
        for veld in value:
            queryset = queryset.filter(CRITERIA_PER_VELD[veld].onbekend)
        return queryset

    def filter_prioriteitsklasse(self, queryset, name, value):
        klassen = ["" if v == "onbekend" else v for v in value]
        return queryset.annotate(_prioriteitsklasse=Coalesce(actuele_prioriteit("vraagklasse"), Value(""))).filter(
            _prioriteitsklasse__in=klassen
        )

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


# The field each park filter reads (nal_oost/zichtbaarheid.py). A filter answers questions about its field,
# so a viewer gets only the filters over fields it may see (`filters_voor`).
FILTER_BRON = {
    "q": "terreinen.Bedrijventerrein.naam",
    "provincie": "terreinen.Gemeente.provincie",
    "gemeente": "terreinen.Bedrijventerrein.gemeente",
    "stap": "stappenplan.Traject.stap",
    "status": "stappenplan.Traject.status",
    "regisseur": "stappenplan.Traject.regisseur",
    "grootteklasse": "terreinen.Bedrijventerrein.ha_netto",
    "netcongestie": "terreinen.Bedrijventerrein.netcongestie",
    "netbeheerder": "terreinen.Bedrijventerrein.netbeheerder",
    "parkmanagement": "terreinen.Bedrijventerrein.parkmanagement",
    "logistiek": "terreinen.Bedrijventerrein.aandeel_logistiek",
    "sbi_diversiteit": "terreinen.Bedrijventerrein.aantal_sectoren",
    "initiatief": "terreinen.Bedrijventerrein.initiatieven",
    # Its choices are the criteria the viewer may see, each by its own field (terreinen.criteria.criteria_voor).
    "onbekend": "terreinen.Bedrijventerrein",
    "prioriteitsklasse": "prioritering.Prioriteit.vraagklasse",
    **{f"vraag_{jaar}_{grens}": "plankaarten.Plankaart.laadvermogen_kw" for jaar in ZICHTJAREN for grens in ("min", "max")},
}


def filters_voor(kijker) -> list[str]:
    """The park filters the viewer may use: those over fields it may see (sorting is no filter and always there).

    A filter without a line in FILTER_BRON is an error, not a default.
    """
    return [
        naam
        for naam in BedrijventerreinFilterSet.base_filters
        if naam == "sortering" or zichtbaarheid.mag_zien(kijker, FILTER_BRON[naam])
    ]


def _of(delen) -> Q:
    resultaat = Q(pk__in=[])
    for deel in delen:
        resultaat |= deel
    return resultaat
