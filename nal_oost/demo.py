"""Loading the demo region: real open data when available, else a synthetic region; modelled plankaarten; demo users."""

import os
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext as _

from nal_oost import rollen
from nal_oost.importeren import ImportResultaat, rapport
from plankaarten.modellering import plankaarten_modelleren
from stappenplan.models import Traject
from terreinen.services.gebruikers import gebruiker_opslaan
from terreinen.services.geometrie import benaderde_geometrie_toekennen, provinciegrenzen_afleiden
from terreinen.services.importeren import gemeenten_importeren, provinciegrenzen_importeren, terreinen_importeren
from terreinen.services.netbeheerders import netbeheerders_importeren
from terreinen.services.synthetisch import synthetische_regio_maken
from voortgang.demo import demo_geschiedenis_laden

DATA_BESTANDEN = ("gemeenten.csv", "gemeenten.geojson", "provincies.geojson", "bedrijventerreinen.csv")
# Loaded when present: real IBIS outlines of some parks, and the grid operator per municipality.
IBIS_GEOMETRIE = "ibis_geometrie_rijssen-holten.geojson"
NETBEHEERDERS = "netbeheerder_per_gemeente.csv"
DEMO_WACHTWOORD = "Kraanvogel-Zonnebloem-47"
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


class DemoGeweigerd(Exception):
    """The demo may not be loaded here (production without explicit consent, or no password for its users)."""


def demo_toegestaan(*, met_gebruikers: bool, wachtwoord: str | None, in_productie: bool) -> None:
    """Refuse the demo in production unless asked for explicitly; there its users need an explicit password.

    Checked before anything is written. An explicit password must pass the password policy.
    """
    if settings.NAL_PRODUCTIE and not in_productie:
        raise DemoGeweigerd(
            _(
                "Dit is een productieomgeving: de demo maakt demogebruikers (ook een beheerder) en demogegevens aan. "
                "Voor een bewuste proef in productie: load_demo --ook-in-productie."
            )
        )
    expliciet = wachtwoord or os.environ.get("NAL_DEMO_PASSWORD")
    if settings.NAL_PRODUCTIE and met_gebruikers and not expliciet:
        raise DemoGeweigerd(
            _(
                "In productie krijgen demogebruikers nooit een standaardwachtwoord: zet NAL_DEMO_PASSWORD, "
                "of gebruik --zonder-gebruikers."
            )
        )
    if met_gebruikers and expliciet:
        try:
            validate_password(expliciet)
        except ValidationError as fout:
            raise DemoGeweigerd(_("NAL_DEMO_PASSWORD voldoet niet: %(fouten)s") % {"fouten": " ".join(fout.messages)}) from fout


def demo_laden(*, met_gebruikers: bool = True, wachtwoord: str | None = None, in_productie: bool = False) -> DemoVerslag:
    demo_toegestaan(met_gebruikers=met_gebruikers, wachtwoord=wachtwoord, in_productie=in_productie)
    verslag = DemoVerslag()
    map_ = data_map()
    if map_:
        verslag.bron = str(map_)
        _import(verslag, gemeenten_importeren(pad=map_ / "gemeenten.csv"))
        _import(verslag, gemeenten_importeren(pad=map_ / "gemeenten.geojson"))
        _import(verslag, provinciegrenzen_importeren(pad=map_ / "provincies.geojson"))
        _import(verslag, terreinen_importeren(pad=map_ / "bedrijventerreinen.csv"))
        if (map_ / IBIS_GEOMETRIE).is_file():
            # Same RIN numbers and attribute values as the CSV: only the outline of these parks changes.
            _import(verslag, terreinen_importeren(pad=map_ / IBIS_GEOMETRIE))
        if (map_ / NETBEHEERDERS).is_file():
            _import(verslag, netbeheerders_importeren(pad=map_ / NETBEHEERDERS))
    else:
        verslag.bron = "synthetisch"
        gemeenten, terreinen = synthetische_regio_maken()
        verslag.stappen.append(f"Synthetische regio: {gemeenten} gemeenten, {terreinen} nieuwe terreinen")
        provinciegrenzen_afleiden()
    verslag.stappen.append(f"Benaderde geometrie toegekend aan {benaderde_geometrie_toekennen()} terreinen")
    # Parks that have plankaarten keep them: a re-run on an existing database only models the new parks.
    _import(verslag, plankaarten_modelleren(alleen_nieuwe_terreinen=True))
    verslag.stappen.append(f"Stappenplan: {Traject.objects.count()} trajecten")
    if met_gebruikers:
        verslag.gebruikers = demo_gebruikers(wachtwoord=wachtwoord)
    verslag.stappen.append(f"Demogeschiedenis stappenplan: {demo_geschiedenis_laden()} terreinen met een verloop")
    return verslag


def demo_gebruikers(*, wachtwoord: str | None = None) -> list[tuple[str, str, str | None]]:
    """One user per role; the password is set when the user is new or NAL_DEMO_PASSWORD is given.

    The default password is for trials on a laptop only: in production (NAL_PRODUCTIE) it is never used.
    """
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
        standaard = None if bestaat or settings.NAL_PRODUCTIE else DEMO_WACHTWOORD
        nieuw_wachtwoord = expliciet or standaard
        gebruiker_opslaan(
            username=naam,
            rol=rol,
            gemeente_codes=codes if rol == rollen.GEMEENTE else (),
            password=nieuw_wachtwoord,
        )
        gebruikers.append((naam, rol, nieuw_wachtwoord))
    return gebruikers
