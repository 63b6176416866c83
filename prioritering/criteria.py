"""The criteria of the afwegingskader (Bijlage 6 and 7): their options and the default points.

Weights are data (stored per Afwegingskader version); this module only says which criteria and
options exist, so a stored version can be validated and shown with readable labels.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# Demand is read from the current plankaart rows of this scenario.
SCENARIO = "midden"
ONBEKEND = "onbekend"


@dataclass(frozen=True)
class Criterium:
    sleutel: str
    label: str
    opties: tuple[tuple[str, str], ...]  # (option key, label), strongest first
    standaard: dict[str, int]

    @property
    def optie_labels(self) -> dict[str, str]:
        return dict(self.opties)


CRITERIA: tuple[Criterium, ...] = (
    Criterium(
        "vraagklasse_2030",
        _("Vermogensvraag 2030"),
        (("hoog", _("hoog")), ("middel", _("middel")), ("laag", _("laag"))),
        {"hoog": 30, "middel": 15, "laag": 0},
    ),
    Criterium(
        "pareto_2035",
        _("2035-vraag in paretoset"),
        (("ja", _("in paretoset")), ("nee", _("buiten paretoset"))),
        {"ja": 30, "nee": 0},
    ),
    Criterium(
        "initiatief_provincie",
        _("Lokale hulpvraag of initiatief met provincie"),
        (("ja", _("ja")), ("nee", _("geen geregistreerd"))),
        {"ja": 15, "nee": 0},
    ),
    Criterium(
        "warme_contacten",
        _("Warme contacten"),
        (("ja", _("ja")), ("nee", _("nee"))),
        {"ja": 10, "nee": 0},
    ),
    Criterium(
        "eigen_initiatief",
        _("Eigen initiatief laadinfra/energiemanagement"),
        (("ja", _("ja")), ("nee", _("nee"))),
        {"ja": 10, "nee": 0},
    ),
    Criterium(
        "netcongestie",
        _("Netcongestie"),
        (("volledig", _("volledig")), ("congestiemanagement", _("congestiemanagement")), ("nee", _("geen"))),
        {"volledig": 15, "congestiemanagement": 8, "nee": 0},
    ),
    Criterium(
        "ze_zone",
        _("Nabijheid ZE-zone"),
        (("dichtbij", _("dichtbij")), ("ver", _("verder weg"))),
        {"dichtbij": 10, "ver": 0},
    ),
    Criterium(
        "bereikbaarheid",
        _("Bereikbaarheid"),
        (("goed", _("goed")), ("redelijk", _("redelijk")), ("slecht", _("slecht"))),
        {"goed": 10, "redelijk": 5, "slecht": 0},
    ),
    Criterium(
        "terrein_vol",
        _("Terrein vol"),
        (("ja", _("vol")), ("nee", _("niet vol"))),
        {"ja": 5, "nee": 0},
    ),
)
CRITERIA_PER_SLEUTEL = {c.sleutel: c for c in CRITERIA}

# The field each criterion reads (nal_oost/zichtbaarheid.py): a breakdown line is shown to whoever may see it.
BRON = {
    "vraagklasse_2030": "plankaarten.Plankaart.laadvermogen_kw",
    "pareto_2035": "plankaarten.Plankaart.laadvermogen_kw",
    "initiatief_provincie": "terreinen.Bedrijventerrein.initiatieven",
    "warme_contacten": "terreinen.Bedrijventerrein.warme_contacten",
    "eigen_initiatief": "terreinen.Bedrijventerrein.eigen_initiatief",
    "netcongestie": "terreinen.Bedrijventerrein.netcongestie",
    "ze_zone": "terreinen.Bedrijventerrein.afstand_ze_zone_km",
    "bereikbaarheid": "terreinen.Bedrijventerrein.bereikbaarheid",
    "terrein_vol": "terreinen.Bedrijventerrein.terrein_vol",
}
MIN_PUNTEN, MAX_PUNTEN = -100, 100


def standaard_gewichten() -> dict[str, dict[str, int]]:
    return {c.sleutel: dict(c.standaard) for c in CRITERIA}


def gewichten_fouten(gewichten) -> list[str]:
    """Dutch messages for everything wrong with a weights mapping; empty when it is valid."""
    if not isinstance(gewichten, dict):
        return [str(_("De gewichten moeten per criterium worden opgegeven."))]
    fouten = []
    onbekend = sorted(set(gewichten) - set(CRITERIA_PER_SLEUTEL))
    if onbekend:
        fouten.append(str(_("Onbekend criterium: %(namen)s")) % {"namen": ", ".join(onbekend)})
    for criterium in CRITERIA:
        punten = gewichten.get(criterium.sleutel)
        if not isinstance(punten, dict):
            fouten.append(str(_("Gewichten ontbreken voor %(criterium)s.")) % {"criterium": criterium.label})
            continue
        for optie, optie_label in criterium.opties:
            waarde = punten.get(optie)
            if isinstance(waarde, bool) or not isinstance(waarde, int):
                fouten.append(
                    str(_("%(criterium)s, %(optie)s: geef een geheel aantal punten op."))
                    % {"criterium": criterium.label, "optie": optie_label}
                )
            elif not MIN_PUNTEN <= waarde <= MAX_PUNTEN:
                fouten.append(
                    str(_("%(criterium)s, %(optie)s: punten moeten tussen %(min)s en %(max)s liggen."))
                    % {"criterium": criterium.label, "optie": optie_label, "min": MIN_PUNTEN, "max": MAX_PUNTEN}
                )
        extra = sorted(set(punten) - set(criterium.optie_labels))
        if extra:
            fouten.append(
                str(_("%(criterium)s: onbekende optie %(opties)s")) % {"criterium": criterium.label, "opties": ", ".join(extra)}
            )
    return fouten


def max_score(gewichten: dict[str, dict[str, int]]) -> int:
    return sum(max(0, *gewichten[c.sleutel].values()) for c in CRITERIA)
