"""Reads of the prioritisation, always starting from what the user may see."""

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404

from nal_oost import zichtbaarheid
from prioritering.models import Afwegingskader, Berekening, Prioriteit, Selectieronde
from terreinen.models import Bedrijventerrein
from terreinen.zoeken import zoekvoorwaarde


def actuele_prioriteit(veld: str, terrein_ref: str = "pk") -> Subquery:
    """The park's `score`, `rang` or `vraagklasse` under the newest afwegingskader it was scored with.

    `terrein_ref` points at the park's id from the outer query ("pk" for parks, "terrein_id" for rows of a park).
    """
    return Subquery(Prioriteit.objects.filter(terrein=OuterRef(terrein_ref)).order_by("-kader__versie").values(veld)[:1])


def kader_laatste() -> Afwegingskader | None:
    return Afwegingskader.objects.order_by("-versie").first()


def kader_lijst() -> QuerySet[Afwegingskader]:
    return Afwegingskader.objects.select_related("aangemaakt_door").order_by("-versie")


def kader_detail(*, versie: int) -> Afwegingskader:
    return get_object_or_404(Afwegingskader.objects.select_related("aangemaakt_door"), versie=versie)


def berekening_status() -> dict:
    """The last finished run (when scores were computed) and whether one is waiting or running now."""
    laatste = Berekening.objects.filter(status=Berekening.Status.KLAAR).select_related("kader").order_by("-klaar_op").first()
    lopend = (
        Berekening.objects.filter(status__in=(Berekening.Status.WACHTRIJ, Berekening.Status.BEZIG))
        .order_by("-aangevraagd_op")
        .first()
    )
    mislukt = Berekening.objects.filter(status=Berekening.Status.MISLUKT).order_by("-aangevraagd_op").first()
    if mislukt and laatste and mislukt.aangevraagd_op < laatste.aangevraagd_op:
        mislukt = None
    return {"laatste": laatste, "lopend": lopend, "mislukt": mislukt}


def prioriteit_lijst(
    *, user, kader: Afwegingskader, provincie: str = "", vraagklasse: str = "", alleen_pareto: bool = False, zoek: str = ""
) -> QuerySet[Prioriteit]:
    """Scores under `kader` of the parks `user` may see, best first."""
    qs = (
        Prioriteit.objects.filter(kader=kader, terrein__in=Bedrijventerrein.objects.zichtbaar_voor(user).values("pk"))
        .select_related("terrein__gemeente__provincie")
        .defer("terrein__geometrie", "terrein__gemeente__geometrie", "terrein__gemeente__provincie__geometrie")
    )
    if provincie:
        qs = qs.filter(terrein__gemeente__provincie__code=provincie)
    if vraagklasse == "onbekend":
        qs = qs.filter(vraagklasse="")
    elif vraagklasse:
        qs = qs.filter(vraagklasse=vraagklasse)
    if alleen_pareto:
        qs = qs.filter(in_paretoset=True)
    if zoek:
        qs = qs.filter(zoekvoorwaarde(zoek, pad="terrein__"))
    return qs.order_by("rang")


def prioriteit_van_terrein(*, terrein: Bedrijventerrein, kader: Afwegingskader | None) -> Prioriteit | None:
    if kader is None:
        return None
    return Prioriteit.objects.filter(terrein=terrein, kader=kader).first()


def prioriteiten_top(
    *, terreinen: QuerySet[Bedrijventerrein], aantal: int = 10
) -> tuple[Afwegingskader | None, list[Prioriteit]]:
    kader = kader_laatste()
    if kader is None:
        return None, []
    top = (
        Prioriteit.objects.filter(kader=kader, terrein__in=terreinen.values("pk"))
        .select_related("terrein__gemeente")
        .only(
            "score",
            "rang",
            "vraagklasse",
            "in_paretoset",
            "zonder_plankaart",
            "terrein__naam",
            "terrein__rin",
            "terrein__gemeente__naam",
        )
        .order_by("rang")[:aantal]
    )
    return kader, list(top)


def selectieronde_lijst(*, user) -> QuerySet[Selectieronde]:
    """Rounds span the whole region: confidential (nal_oost/zichtbaarheid.py)."""
    if not zichtbaarheid.mag_zien(user, Selectieronde):
        return Selectieronde.objects.none()
    return Selectieronde.objects.select_related("kader", "aangemaakt_door").order_by("-aangemaakt_op", "-pk")


def selectieronde_detail(*, user, pk: int) -> Selectieronde:
    if not zichtbaarheid.mag_zien(user, Selectieronde):
        raise Http404
    return get_object_or_404(Selectieronde.objects.select_related("kader", "aangemaakt_door", "vorige"), pk=pk)


def selectierondes_vergelijken(*, ronde: Selectieronde, andere: Selectieronde) -> dict:
    """Which parks `ronde` added, dropped and kept compared to `andere` (an earlier round)."""
    nu = {k.rin: k for k in ronde.keuzes.all()}
    toen = {k.rin: k for k in andere.keuzes.all()}
    return {
        "andere": andere,
        "nieuw": [nu[r] for r in nu if r not in toen],
        "vervallen": [toen[r] for r in toen if r not in nu],
        "gebleven": [(toen[r], nu[r]) for r in nu if r in toen],
        "ander_kader": ronde.kader_id != andere.kader_id,
    }
