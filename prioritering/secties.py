"""The park page's score section and the dashboard's top priorities."""

from prioritering import selectors
from prioritering.criteria import CRITERIA


def terrein_sectie(request, terrein) -> dict:
    """The park page is already limited to what the user may see; this adds the score and its why."""
    kader = selectors.kader_laatste()
    prioriteit = selectors.prioriteit_van_terrein(terrein=terrein, kader=kader)
    return {"kader": kader, "prioriteit": prioriteit, "status": selectors.berekening_status(), "criteria": CRITERIA}


def dashboard_sectie(request, zichtbare_terreinen) -> dict:
    kader, top = selectors.prioriteiten_top(terreinen=zichtbare_terreinen, aantal=10)
    return {"kader": kader, "top": top}
