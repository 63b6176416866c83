"""Loading the demo region: real open data when available, else a synthetic region; modelled plankaarten; demo users."""

import os
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from nal_oost import rollen
from nal_oost.importeren import ImportResultaat, rapport
from plankaarten.modellering import plankaarten_modelleren
from stappenplan.models import Traject
from terreinen.services.gebruikers import gebruiker_opslaan
from terreinen.services.geometrie import benaderde_geometrie_toekennen, provinciegrenzen_afleiden
from terreinen.services.importeren import gemeenten_importeren, provinciegrenzen_importeren, terreinen_importeren
from terreinen.services.synthetisch import synthetische_regio_maken

DATA_BESTANDEN = ("gemeenten.csv", "gemeenten.geojson", "provincies.geojson", "bedrijventerreinen.csv")
DEMO_WACHTWOORD = "NAL-oost-demo-2026"
# The demo gemeente user sees Apeldoorn and Zwolle (or the first two municipalities of a synthetic region).
DEMO_GEMEENTEN = ("GM0200", "GM0193")


@dataclass
class DemoVerslag:
    bron: str = ""
    stappen: list[str] = field(default_factory=list)
    gebruikers: list[tuple[str, str, str | None]] = field(default_factory=list)


def data_map() -> Path | None:
    pad = settings.NAL_DATA_DIR
    if not pad:
        return None
    map_ = Path(pad)
    if not all((map_ / b).is_file() for b in DATA_BESTANDEN):
        return None
    return map_


def _import(verslag: DemoVerslag, resultaat: ImportResultaat):
    verslag.stappen.append(rapport(resultaat))
    if not resultaat.geslaagd:
        raise ImproperlyConfigured(rapport(resultaat))


def demo_laden(*, met_gebruikers: bool = True, wachtwoord: str | None = None) -> DemoVerslag:
    verslag = DemoVerslag()
    map_ = data_map()
    if map_:
        verslag.bron = str(map_)
        _import(verslag, gemeenten_importeren(pad=map_ / "gemeenten.csv"))
        _import(verslag, gemeenten_importeren(pad=map_ / "gemeenten.geojson"))
        _import(verslag, provinciegrenzen_importeren(pad=map_ / "provincies.geojson"))
        _import(verslag, terreinen_importeren(pad=map_ / "bedrijventerreinen.csv"))
    else:
        verslag.bron = "synthetisch"
        gemeenten, terreinen = synthetische_regio_maken()
        verslag.stappen.append(f"Synthetische regio: {gemeenten} gemeenten, {terreinen} nieuwe terreinen")
        provinciegrenzen_afleiden()
    verslag.stappen.append(f"Benaderde geometrie toegekend aan {benaderde_geometrie_toekennen()} terreinen")
    _import(verslag, plankaarten_modelleren())
    verslag.stappen.append(f"Stappenplan: {Traject.objects.count()} trajecten")
    if met_gebruikers:
        verslag.gebruikers = demo_gebruikers(wachtwoord=wachtwoord)
    return verslag


def demo_gebruikers(*, wachtwoord: str | None = None) -> list[tuple[str, str, str | None]]:
    """One user per role; the password is set when the user is new or NAL_DEMO_PASSWORD is given."""
    from django.contrib.auth import get_user_model

    from terreinen.models import Gemeente

    expliciet = wachtwoord or os.environ.get("NAL_DEMO_PASSWORD")
    codes = [c for c in DEMO_GEMEENTEN if Gemeente.objects.filter(code=c).exists()]
    if not codes:
        codes = list(Gemeente.objects.order_by("code").values_list("code", flat=True)[:2])
    gebruikers = []
    for rol in rollen.ROLLEN:
        naam = f"demo-{rol}"
        bestaat = get_user_model().objects.filter(username=naam).exists()
        nieuw_wachtwoord = expliciet or (None if bestaat else DEMO_WACHTWOORD)
        gebruiker_opslaan(
            username=naam,
            rol=rol,
            gemeente_codes=codes if rol == rollen.GEMEENTE else (),
            password=nieuw_wachtwoord,
        )
        gebruikers.append((naam, rol, nieuw_wachtwoord))
    return gebruikers
