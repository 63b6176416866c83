"""Reads for the overviews (dashboard, list, exports, map, completeness), always starting from what the user may see."""

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, Concat, Trim
from django.utils.translation import gettext as _

from nal_oost import rechten, rollen, zichtbaarheid
from overzicht.filtersets import (
    NIET_GESTART,
    STAP_EXPRESSIE,
    STAPPEN,
    STATUSSEN,
    BedrijventerreinFilterSet,
    filters_voor,
)
from overzicht.kolommen import Kolom, gekozen_kolommen
from overzicht.models import Kolomkeuze
from plankaarten.models import ZICHTJAREN
from plankaarten.selectors import actuele_vraag
from prioritering.selectors import actuele_prioriteit
from terreinen.criteria import bekend_expressie, criteria_voor
from terreinen.models import Bedrijventerrein, Gemeente, OpgeslagenFilter, Provincie
from terreinen.zoeken import zoekvoorwaarde

# Query keys that are not filters: kept out of saved filters and off the map's park query.
GEEN_FILTER = ("page", "kleur", "formaat")


def terrein_lijst(*, user, zoek: str = "") -> QuerySet[Bedrijventerrein]:
    """Visible parks with municipality, size class, step, status, regisseur, current demand per zichtjaar,
    newest score and rank, and how many criteria are known, for lists and exports."""
    qs = (
        Bedrijventerrein.objects.zichtbaar_voor(user)
        .select_related("gemeente__provincie", "netbeheerder")
        .defer("geometrie", "gemeente__geometrie", "gemeente__provincie__geometrie")
        .met_grootteklasse()
        .annotate(
            stap_nr=STAP_EXPRESSIE,
            status_code=Coalesce(F("traject__status"), Value(NIET_GESTART)),
            # The regisseur as the park's contact person: the full name, never the username.
            regisseur_naam=Trim(Concat(F("traject__regisseur__first_name"), Value(" "), F("traject__regisseur__last_name"))),
            **{f"kw_{jaar}": actuele_vraag(jaar) for jaar in ZICHTJAREN},
            prio_score=actuele_prioriteit("score"),
            prio_rang=actuele_prioriteit("rang"),
            prio_klasse=actuele_prioriteit("vraagklasse"),
            criteria_bekend=bekend_expressie(criteria_voor(user)),
        )
    )
    if zoek:
        qs = qs.filter(zoekvoorwaarde(zoek))
    return qs.order_by("gemeente__naam", "naam", "rin")


def terrein_filterset(*, user, params, queryset: QuerySet | None = None) -> BedrijventerreinFilterSet:
    """The park FilterSet bound to `params` over the user's visible parks; choices limited to what the user may see.

    Its `.qs` is exactly what the list shows (before pagination), what the exports write and what the map draws.
    """
    filterset = BedrijventerreinFilterSet(data=params, queryset=queryset if queryset is not None else terrein_lijst(user=user))
    for naam in set(filterset.filters) - set(filters_voor(user)):
        del filterset.filters[naam]
    # Criteria the user may not see are no filter for them.
    if "onbekend" in filterset.filters:
        filterset.filters["onbekend"].extra["choices"] = [(c.veld, c.label) for c in criteria_voor(user)]
    if not rechten.ziet_alles(user):
        filterset.filters["gemeente"].queryset = Gemeente.objects.filter(toegang__user=user).defer("geometrie")
        filterset.filters["provincie"].queryset = (
            Provincie.objects.filter(gemeenten__toegang__user=user).distinct().defer("geometrie")
        )
    else:
        filterset.filters["gemeente"].queryset = Gemeente.objects.defer("geometrie")
        filterset.filters["provincie"].queryset = Provincie.objects.defer("geometrie")
    return filterset


def regisseur_keuzes(*, user) -> list[tuple[str, str]]:
    """The regisseurs of the parks `user` may see, as their contact person (full name), for the regisseur filter.

    A regisseur is public only as a park's contact person: someone leading only parks elsewhere is not listed.
    """
    if not zichtbaarheid.mag_zien(user, "stappenplan.Traject.regisseur"):
        return []
    users = (
        get_user_model()
        .objects.filter(trajecten__terrein__in=Bedrijventerrein.objects.zichtbaar_voor(user))
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )
    keuzes = []
    for regisseur in users:
        contact = zichtbaarheid.contactpersoon(regisseur)
        keuzes.append((str(regisseur.pk), contact["naam"] or contact["email"] or _("Regisseur %(nr)s") % {"nr": regisseur.pk}))
    return keuzes


def mogelijke_regisseurs() -> list[tuple[int, str]]:
    """Active users who may lead a park (the editing roles), for assigning a regisseur."""
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name__in=rollen.BEWERKENDE_ROLLEN) | Q(is_superuser=True))
        .distinct()
        .order_by("username")
        .values_list("pk", "username", "first_name", "last_name")
    )
    return [(pk, f"{v} {a}".strip() or u) for pk, u, v, a in users]


def dashboard_cijfers(*, user) -> dict:
    """The dashboard's figures over the user's visible parks, in a fixed number of queries.

    - `trechter`: per province a row of counts per step (parks without a traject count as step 0);
    - `per_status`: counts per status (NIET_GESTART for parks without a traject);
    - `vraag`: per province the summed current demand (scenario midden) per zichtjaar, and the totals.
    """
    zichtbaar = Bedrijventerrein.objects.zichtbaar_voor(user)
    provincies = {}
    for rij in (
        zichtbaar.values("gemeente__provincie__code", "gemeente__provincie__naam")
        .annotate(stap_nr=STAP_EXPRESSIE)
        .values("gemeente__provincie__code", "gemeente__provincie__naam", "stap_nr")
        .annotate(aantal=Count("pk"))
        .order_by()
    ):
        provincie = provincies.setdefault(
            rij["gemeente__provincie__code"],
            {"code": rij["gemeente__provincie__code"], "naam": rij["gemeente__provincie__naam"], "stappen": {}, "totaal": 0},
        )
        provincie["stappen"][rij["stap_nr"]] = rij["aantal"]
        provincie["totaal"] += rij["aantal"]
    trechter = []
    for provincie in sorted(provincies.values(), key=lambda p: p["naam"]):
        provincie["per_stap"] = [(stap, label, provincie["stappen"].get(stap, 0)) for stap, label in STAPPEN]
        trechter.append(provincie)
    stap_totalen = [(stap, label, sum(p["stappen"].get(stap, 0) for p in trechter)) for stap, label in STAPPEN]

    status_telling = dict(
        zichtbaar.annotate(status_code=Coalesce(F("traject__status"), Value(NIET_GESTART)))
        .values("status_code")
        .annotate(aantal=Count("pk"))
        .order_by()
        .values_list("status_code", "aantal")
    )
    per_status = [(code, label, status_telling.get(code, 0)) for code, label in STATUSSEN]

    vraag_filter = {
        jaar: Q(plankaarten__actueel=True, plankaarten__zichtjaar=jaar, plankaarten__scenario="midden") for jaar in ZICHTJAREN
    }
    vraag = list(
        zichtbaar.values("gemeente__provincie__code", "gemeente__provincie__naam")
        .annotate(**{f"kw_{jaar}": Sum("plankaarten__laadvermogen_kw", filter=vraag_filter[jaar]) for jaar in ZICHTJAREN})
        .order_by("gemeente__provincie__naam")
    )
    vraag_totaal = {f"kw_{jaar}": sum((r[f"kw_{jaar}"] or 0) for r in vraag) for jaar in ZICHTJAREN}
    return {
        "aantal": sum(p["totaal"] for p in trechter),
        "trechter": trechter,
        "stap_totalen": stap_totalen,
        "per_status": per_status,
        "vraag": vraag,
        "vraag_totaal": vraag_totaal,
    }


def opgeslagen_filters(*, user) -> QuerySet[OpgeslagenFilter]:
    return OpgeslagenFilter.objects.filter(user=user).order_by("naam")


def lijst_kolommen(*, user, lijst: str = Kolomkeuze.Lijst.TERREINEN) -> tuple[tuple[Kolom, ...], bool]:
    """The columns the list shows `user` (their own choice, else the standard ones), and whether they chose them."""
    sleutels = Kolomkeuze.objects.filter(user=user, lijst=lijst).values_list("kolommen", flat=True).first()
    return gekozen_kolommen(user, sleutels), sleutels is not None


def volledigheid(*, user) -> dict:
    """Per criterion how many visible parks do not know it: in total, per municipality and per regisseur.

    Three grouped queries whatever the number of parks; confidential criteria only for those who may see them.
    """
    criteria = criteria_voor(user)
    zichtbaar = Bedrijventerrein.objects.zichtbaar_voor(user).order_by()
    tellingen = {f"onbekend_{c.veld}": Count("pk", filter=c.onbekend) for c in criteria}

    def rijen(qs):
        return [{**r, "onbekend": [(c, r[f"onbekend_{c.veld}"]) for c in criteria]} for r in qs]

    totaal = zichtbaar.aggregate(aantal=Count("pk"), **tellingen)
    return {
        "criteria": criteria,
        "totaal": {"aantal": totaal["aantal"], "onbekend": [(c, totaal[f"onbekend_{c.veld}"]) for c in criteria]},
        "per_gemeente": rijen(
            zichtbaar.values("gemeente__code", "gemeente__naam")
            .annotate(aantal=Count("pk"), **tellingen)
            .order_by("gemeente__naam")
        ),
        "per_regisseur": rijen(
            # The regisseur as the park's contact person (full name), filtered on by id as the list does.
            zichtbaar.filter(traject__regisseur__isnull=False)
            .values("traject__regisseur")
            .annotate(
                regisseur_naam=Trim(Concat(F("traject__regisseur__first_name"), Value(" "), F("traject__regisseur__last_name"))),
                aantal=Count("pk"),
                **tellingen,
            )
            .order_by("regisseur_naam", "traject__regisseur")
        ),
    }
