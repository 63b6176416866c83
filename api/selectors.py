"""Reads of the API, always starting from what the caller may see.

Partners (API key) see every park, with public fields only; logged-in users see what
`Bedrijventerrein.objects.zichtbaar_voor(user)` gives them, so a municipality user gets their own parks.
"""

from collections import defaultdict

from django.db.models import Count, F, QuerySet, Sum

from api.authenticatie import ApiPartner
from api.velden import annotaties
from nal_oost import rechten
from plankaarten.models import ZICHTJAREN, Plankaart, PlankaartVersie
from stappenplan.models import Traject
from terreinen.models import Bedrijventerrein, Gemeente
from toolbox.models import Instrument, InstrumentDoelgroep, InstrumentStap, InstrumentVersie


def terreinen_zichtbaar(*, user) -> QuerySet[Bedrijventerrein]:
    if isinstance(user, ApiPartner):
        return Bedrijventerrein.objects.all()
    return Bedrijventerrein.objects.zichtbaar_voor(user)


def gemeenten_zichtbaar(*, user) -> QuerySet[Gemeente]:
    """All municipalities for partners and provincial roles; a municipality user's own ones otherwise."""
    if isinstance(user, ApiPartner) or rechten.ziet_alles(user):
        return Gemeente.objects.all()
    if rechten.is_gemeente(user):
        return Gemeente.objects.filter(toegang__user=user)
    return Gemeente.objects.none()


def terreinen_met_velden(terreinen: QuerySet[Bedrijventerrein], velden) -> QuerySet[Bedrijventerrein]:
    return terreinen.met_grootteklasse().annotate(**annotaties(velden))


def plankaarten_zichtbaar(*, user, terreinen: QuerySet[Bedrijventerrein], versie: int | None = None) -> QuerySet[Plankaart]:
    """Current rows by default; with `versie`, the rows of that import version."""
    rijen = Plankaart.objects.filter(terrein__in=terreinen.values("pk"))
    return rijen.filter(versie__nummer=versie) if versie is not None else rijen.actueel()


def plankaart_versies() -> QuerySet[PlankaartVersie]:
    return PlankaartVersie.objects.order_by("-nummer")


def trajecten_zichtbaar(*, terreinen: QuerySet[Bedrijventerrein]) -> QuerySet[Traject]:
    return Traject.objects.filter(terrein__in=terreinen.values("pk"))


GROEPEN = {"provincies": "gemeente__provincie", "gemeenten": "gemeente"}


def aggregaten(*, terreinen: QuerySet[Bedrijventerrein], groep: str, scenario: str = "midden") -> list[dict]:
    """Per province or municipality: number of parks, hectares, parks per step and current demand per zichtjaar.

    Three grouped queries whatever the number of parks; joins are kept apart so sums are not multiplied.
    """
    pad = GROEPEN[groep]
    basis = (
        terreinen.order_by()
        .values(groepCode=F(f"{pad}__code"), groepNaam=F(f"{pad}__naam"))
        .annotate(aantal=Count("pk"), bruto=Sum("ha_bruto"), netto=Sum("ha_netto"))
        .order_by("groepCode")
    )
    stappen = defaultdict(list)
    for rij in (
        terreinen.order_by()
        .values(groepCode=F(f"{pad}__code"), stapNummer=F("traject__stap"))
        .annotate(aantal=Count("pk"))
        .order_by("groepCode", "stapNummer")
    ):
        stappen[rij["groepCode"]].append({"stap": rij["stapNummer"], "aantal": rij["aantal"]})
    vraag = defaultdict(dict)
    for rij in (
        Plankaart.objects.actueel()
        .filter(terrein__in=terreinen.values("pk"), scenario=scenario)
        .order_by()
        .values("zichtjaar", groepCode=F(f"terrein__{pad}__code"))
        .annotate(kw=Sum("laadvermogen_kw"), bestel=Sum("bestelwagens"), vracht=Sum("vrachtwagens"), aantal=Count("pk"))
    ):
        vraag[rij["groepCode"]][rij["zichtjaar"]] = rij
    resultaat = []
    for rij in basis:
        per_jaar = vraag.get(rij["groepCode"], {})
        resultaat.append(
            {
                "code": rij["groepCode"],
                "naam": rij["groepNaam"],
                "aantalTerreinen": rij["aantal"],
                "haBruto": rij["bruto"],
                "haNetto": rij["netto"],
                "aantalPerStap": stappen[rij["groepCode"]],
                "laadvraag": [
                    {
                        "zichtjaar": jaar,
                        "scenario": scenario,
                        "aantalTerreinenMetPlankaart": per_jaar.get(jaar, {}).get("aantal", 0),
                        "laadvermogenKw": per_jaar.get(jaar, {}).get("kw") or 0,
                        "bestelwagens": per_jaar.get(jaar, {}).get("bestel") or 0,
                        "vrachtwagens": per_jaar.get(jaar, {}).get("vracht") or 0,
                    }
                    for jaar in ZICHTJAREN
                ],
            }
        )
    return resultaat


def instrumenten_zichtbaar(
    *, user, categorie: str | None = None, stap: int | None = None, doelgroep: str | None = None, status: str | None = None
) -> QuerySet[Instrument]:
    """Partners and municipality users never see instruments for the programme's own use ("eigen gebruik")."""
    rijen = Instrument.objects.openbaar() if isinstance(user, ApiPartner) else Instrument.objects.zichtbaar_voor(user)
    if categorie:
        rijen = rijen.filter(categorie=categorie)
    if status:
        rijen = rijen.filter(status=status)
    if stap is not None:
        rijen = rijen.filter(pk__in=InstrumentStap.objects.filter(stap=stap).values("instrument_id"))
    if doelgroep:
        rijen = rijen.filter(pk__in=InstrumentDoelgroep.objects.filter(doelgroep=doelgroep).values("instrument_id"))
    return rijen


def instrument_koppelingen(instrument_ids: list[int]) -> dict[int, dict]:
    """Steps, audiences and latest document version of a page of instruments, in three queries whatever the page size."""
    uit: dict[int, dict] = {i: {"stappen": [], "doelgroepen": [], "versie": None} for i in instrument_ids}
    for instrument_id, stap in (
        InstrumentStap.objects.filter(instrument_id__in=instrument_ids).order_by("stap").values_list("instrument_id", "stap")
    ):
        uit[instrument_id]["stappen"].append(stap)
    for instrument_id, doelgroep in (
        InstrumentDoelgroep.objects.filter(instrument_id__in=instrument_ids)
        .order_by("doelgroep")
        .values_list("instrument_id", "doelgroep")
    ):
        uit[instrument_id]["doelgroepen"].append(doelgroep)
    for instrument_id, nummer in (
        InstrumentVersie.objects.filter(instrument_id__in=instrument_ids)
        .order_by("nummer")
        .values_list("instrument_id", "nummer")
    ):
        uit[instrument_id]["versie"] = nummer
    return uit
