"""Modelled plankaart figures for the demo: deterministic, from hectares and IBIS type, calibrated on the national outlook.

No per-park plankaart figures are public. The model distributes the region's share of the
national e-truck and e-van fleet at business parks over its parks by weighted net area, and
turns vehicles into a simultaneous peak demand. Every number it uses is an `Aanname` row, shown on
the Aannames page; every figure it writes is marked `gemodelleerd`.
"""

from decimal import ROUND_HALF_EVEN, Decimal

from nal_oost.importeren import ImportResultaat
from plankaarten.models import ZICHTJAREN, Aanname, Plankaart, Scenario
from plankaarten.services import plankaart_versie_opslaan
from terreinen.models import Bedrijventerrein

MODEL_BRON = "NAL Oost demo-model (gemodelleerd uit oppervlakte en type, gekalibreerd op ElaadNL-outlook)"


def aannames() -> dict[str, Decimal]:
    return dict(Aanname.objects.values_list("sleutel", "waarde"))


def typefactor(wloc_type: str, a: dict[str, Decimal]) -> Decimal:
    code = (wloc_type or "").upper()
    if code.startswith("A"):
        return a["typefactor-haven"]
    if code.startswith("C"):
        return a["typefactor-specifiek"]
    return a["typefactor-overig"]


def kalibratiedoelen(aantal_terreinen: int, a: dict[str, Decimal] | None = None) -> dict[int, dict[str, Decimal]]:
    """The region's expected e-trucks and e-vans at parks per zichtjaar: national fleet × share at parks × region share."""
    a = a or aannames()
    regio = Decimal(aantal_terreinen) / a["aantal-terreinen-nl"]
    doelen = {}
    for soort in ("vrachtwagens", "bestelwagens"):
        nl_2030 = a[f"{soort}-nl-2030"]
        nl_2050 = a[f"{soort}-nl-2050"]
        landelijk = {
            2025: nl_2030 * a["factor-2025"],
            2030: nl_2030,
            2035: nl_2030 + (nl_2050 - nl_2030) * a["interpolatie-2035"],
        }
        aandeel = a[f"aandeel-{soort}-op-terrein"] / 100
        for jaar in ZICHTJAREN:
            doelen.setdefault(jaar, {})[soort] = landelijk[jaar] * aandeel * regio
    return doelen


def _verdeel(totaal: Decimal, gewichten: dict[int, Decimal]) -> dict[int, int]:
    """Whole vehicles per park in proportion to weight, summing exactly to round(totaal) (largest remainder)."""
    som = sum(gewichten.values())
    doel = int(totaal.to_integral_value(ROUND_HALF_EVEN))
    exact = {k: totaal * g / som for k, g in gewichten.items()}
    heel = {k: int(v) for k, v in exact.items()}
    rest = doel - sum(heel.values())
    for k in sorted(exact, key=lambda k: (-(exact[k] - heel[k]), k))[:rest]:
        heel[k] += 1
    return heel


def plankaarten_modelleren(*, dry_run: bool = False, alleen_nieuwe_terreinen: bool = False) -> ImportResultaat:
    """Model the midden scenario for every park; stored as a new version only where figures differ.

    With `alleen_nieuwe_terreinen`, parks that already have a current modelled plankaart keep it
    (counted as unchanged): adding parks to a region then leaves the others' figures alone.
    """
    a = aannames()
    resultaat = ImportResultaat(bestand=MODEL_BRON, dry_run=dry_run)
    terreinen = list(Bedrijventerrein.objects.order_by("rin").values_list("pk", "ha_netto", "wloc_type"))
    if not terreinen:
        return resultaat
    gewichten = {pk: max(netto or Decimal(0), a["minimum-ha"]) * typefactor(wloc, a) for pk, netto, wloc in terreinen}
    records = {}
    for jaar, doel in kalibratiedoelen(len(terreinen), a).items():
        vracht = _verdeel(doel["vrachtwagens"], gewichten)
        bestel = _verdeel(doel["bestelwagens"], gewichten)
        for pk in gewichten:
            kw = vracht[pk] * a["piek-kw-vrachtwagen"] + bestel[pk] * a["piek-kw-bestelwagen"]
            records[(pk, jaar, Scenario.MIDDEN.value)] = {
                "laadvermogen_kw": kw.quantize(Decimal("0.1")),
                "bestelwagens": bestel[pk],
                "vrachtwagens": vracht[pk],
                "aandeel_eigen_terrein": a["aandeel-eigen-terrein"].quantize(Decimal("0.01")),
                "netcapaciteit": "",
                "ruimte_collectief": None,
                "behoefte_laadplein": None,
                "bron": MODEL_BRON,
                "gemodelleerd": True,
            }
    if alleen_nieuwe_terreinen:
        bestaand = set(
            Plankaart.objects.actueel().filter(scenario=Scenario.MIDDEN.value).values_list("terrein_id", "zichtjaar", "scenario")
        )
        resultaat.ongewijzigd += len(bestaand & records.keys())
        records = {k: v for k, v in records.items() if k not in bestaand}
    plankaart_versie_opslaan(records=records, resultaat=resultaat, dry_run=dry_run, bron=MODEL_BRON, gemodelleerd=True)
    return resultaat
