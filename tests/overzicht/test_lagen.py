"""terreinen knows only itself: the overviews over several apps live in overzicht (import-linter checks the imports)."""

import re
from pathlib import Path

from django.conf import settings

TERREINEN = Path(settings.BASE_DIR) / "terreinen"
# Relations that other apps hang on a park (stappenplan's traject, plankaarten, prioritering's scores).
VREEMDE_RELATIES = re.compile(r"\b(traject|trajecten|plankaarten|prioriteiten)(__\w+|\.rel\b)")


def test_terreinen_does_not_reach_into_other_apps_relations():
    treffers = [
        f"{pad.relative_to(settings.BASE_DIR)}:{nr}: {regel.strip()}"
        for pad in sorted(TERREINEN.rglob("*.py"))
        if "migrations" not in pad.parts
        for nr, regel in enumerate(pad.read_text().splitlines(), 1)
        if VREEMDE_RELATIES.search(regel)
    ]
    assert treffers == []


def test_the_scan_finds_a_reach_in():
    assert VREEMDE_RELATIES.search("qs.filter(traject__stap=3)")
    assert VREEMDE_RELATIES.search("Bedrijventerrein.plankaarten.rel.related_model")
    assert not VREEMDE_RELATIES.search('qs.filter(gemeente__naam="Epe")')
