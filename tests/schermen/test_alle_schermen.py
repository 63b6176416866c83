"""Every screen of every role, at 1280 px and at 390 px, in headless chromium: axe, measured contrast, no sideways scrolling.

The screens are not listed here: they are derived from the URL conf the way the permission matrix does it
(tests/beveiliging/test_rechtenmatrix.py: `alle_adressen`, `_regels`, `_admin_kwargs`), with the objects
of its environment (tests/beveiliging/conftest.py: `omgeving_maken`) and a few more parks, so the lists,
the map, the ranking and the progress pages have something to show. A role visits every URL whose rule
says it may open it and that answers 200 with HTML; a path parameter with a small fixed domain (the step
of the stappenplan) is visited for each value. Besides those: the 403 and 404 page the role meets (the
first URL of the conf that answers it so), the 400 page and the 500 page. The Django admin is one set of
templates for every model: each kind of admin page (index, app, list, add, change, delete, history, …)
is visited once, for the first model that has it.

What is checked on each page: see tests/schermen/schermcontrole.py. One failure lists every finding of
every page. Full-page screenshots of the key pages go to $NAL_SCHERMAFBEELDINGEN (default
var/schermafbeeldingen/), with bevindingen.txt listing the findings; the test summary names the folder.
"""

import os
import re
import time
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, override_settings

from plankaarten.models import PlankaartVersie
from prioritering import services as prioritering_services
from stappenplan.models import Stap, Status
from terreinen.models import Bedrijventerrein, Gemeente
from tests.beveiliging.conftest import ANONIEM, GEMEENTE_EIGEN, omgeving_maken
from tests.beveiliging.test_rechtenmatrix import ADMIN, _admin_kwargs, _admin_model, _regels, alle_adressen
from tests.conftest import SCHERMAFBEELDINGEN
from tests.factories import BedrijventerreinFactory, InstrumentFactory, PlankaartFactory, traject_zetten, vierkant
from tests.schermen.schermcontrole import Bezoek, rondgang
from voortgang.demo import demo_geschiedenis_laden

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BREEDTES = (1280, 390)
# The roles, by the name in messages and screenshots → the user of the permission matrix's environment.
ROLLEN = {
    "anoniem": ANONIEM,
    "gemeente": GEMEENTE_EIGEN,
    "medewerker": "medewerker",
    "regisseur": "regisseur",
    "beheerder": "beheerder",
}
# Key pages: a full-page screenshot per role and width.
SLEUTELPAGINAS = {
    "login",
    "home",
    "terrein-lijst",
    "terrein-detail",
    "kaart",
    "stap-gegevens",
    "prioritering:ranglijst",
    "toolbox:instrument-lijst",
    "voortgang:overzicht",
    "gebruiker-lijst",
}
# Path parameters with a small fixed domain: every value is a screen of its own (each step has its own form).
PARAMETER_WAARDEN = {"stap": [int(s) for s in Stap.values]}
# Pages the URL conf cannot produce on demand: the 400 page (a NUL byte in the query) and the 500 page.
PAD_400 = "/?zoek=%00"
PAD_500 = "/storing/"

# Parks of the region besides the environment's two: name, municipality, step, status, kW in 2025/2030/2035.
PARKEN = (
    ("De Maten", "GM0200", 1, Status.ACTIEF, (300, 900, 1800)),
    ("Zevenhuizen", "GM0200", 2, Status.ACTIEF, (1200, 3100, 5200)),
    ("Kayersdijk", "GM0200", 3, Status.UITGESTELD, (150, 420, 800)),
    ("Stadsdennen", "GM0200", 4, Status.ACTIEF, (900, 2600, 4100)),
    ("Marslanden", "GM0193", 5, Status.VOLGEN, (600, 1500, 2900)),
    ("Voorst", "GM0193", 6, Status.AFGEROND, (2000, 4800, 7600)),
    ("Hessenweg", "GM0193", 0, Status.ZELFSTANDIG, (80, 150, 260)),
    ("Schuurmanswaard", "GM0193", 2, Status.GESTOPT, (40, 90, 120)),
)


def regio_maken():
    """The permission matrix's environment, with eight more parks at several steps, demand data, history and a real round."""
    o = omgeving_maken()
    versie = PlankaartVersie.objects.create(nummer=9001, bron="Plankaart NAL Oost (test)")
    for i, (naam, code, _stap, _status, vraag) in enumerate(PARKEN):
        terrein = BedrijventerreinFactory(
            naam=naam,
            gemeente=Gemeente.objects.get(code=code),
            geometrie=vierkant(201_000 + 1_500 * i, 471_000 + 900 * (i % 3)),
            geometrie_bron="ibis",
            ha_netto=Decimal(12 + 9 * i),
        )
        for jaar, kw in zip((2025, 2030, 2035), vraag, strict=True):
            PlankaartFactory(terrein=terrein, versie=versie, zichtjaar=jaar, laadvermogen_kw=kw, gemodelleerd=True)
    # A history of moves for the parks that have none yet (the demo's generator: deterministic per park).
    demo_geschiedenis_laden()
    uitgesteld = {"uitgesteld_sinds": date(2026, 2, 1), "herbeoordelen_op": date(2026, 9, 1)}
    for naam, _code, stap, status, _vraag in PARKEN:
        traject_zetten(
            terrein=Bedrijventerrein.objects.get(naam=naam),
            stap=stap,
            status=status,
            regisseur=o.gebruikers["regisseur"],
            **(uitgesteld if status == Status.UITGESTELD else {}),
        )
    for titel, categorie, stappen in (
        ("Collectief laadplein", "laadinfra", [3, 4]),
        ("Subsidiewijzer", "financieel", [4]),
        ("Netcongestie-check", "netcapaciteit", [1, 3]),
    ):
        InstrumentFactory(titel=titel, categorie=categorie, stappen=stappen)
    prioritering_services.prioriteiten_berekenen(kader=o.kader)
    o.ronde = prioritering_services.selectieronde_maken(naam="Voorjaarsronde 2026", aantal=3, door=o.gebruikers["regisseur"])
    return o


@dataclass(frozen=True)
class Scherm:
    pad: str
    naam: str
    status: int = 200


def _varianten(adres, kwargs: dict) -> list[tuple[str, dict]]:
    """The path parameters once, or once per value where the parameter has a fixed domain."""
    for parameter, waarden in PARAMETER_WAARDEN.items():
        if re.search(rf"<(\w+:)?{parameter}>", adres.route):
            return [(f"{adres.sleutel}-{w}", {**kwargs, parameter: w}) for w in waarden]
    return [(adres.sleutel, kwargs)]


def _admin_soort(route: str) -> str:
    """The kind of admin page: the route with the model taken out (`beheer/<model>/<path:object_id>/change/`)."""
    model = _admin_model(route)
    if model is None:
        return route
    return route.replace(f"beheer/{model._meta.app_label}/{model._meta.model_name}/", "beheer/<model>/", 1)


def _is_html(response) -> bool:
    return response.get("Content-Type", "").startswith("text/html")


def schermen_ontdekken(o) -> dict[str, list[Scherm]]:
    """Per role, every screen it may open (the matrix's rule says so and the page answers 200 with HTML),
    one page of each kind of the admin, and the error pages it can meet."""
    uit = {}
    for rol, sleutel in ROLLEN.items():
        client = Client()
        if sleutel in o.sessies:
            client.cookies[settings.SESSION_COOKIE_NAME] = o.sessies[sleutel]
        schermen, fouten, admin_soorten = [], {}, set()
        for adres in alle_adressen():
            soort = _admin_soort(adres.route) if adres.route.startswith("beheer/") else None
            if soort in admin_soorten:
                continue
            for regel in _regels(adres):
                if regel is None:
                    continue  # an URL without a rule: the permission matrix fails on it
                verwacht = regel.verwacht("get", sleutel, o)
                if verwacht not in (200, ADMIN, 403, 404) or (verwacht in (403, 404) and verwacht in fouten):
                    continue
                for naam, kwargs in _varianten(adres, {**_admin_kwargs(adres, o), **regel.kwargs(o)}):
                    pad = adres.pad(kwargs)
                    response = client.get(pad)
                    if response.streaming:
                        b"".join(response.streaming_content)
                    if not _is_html(response):
                        continue
                    if response.status_code == 200:
                        schermen.append(Scherm(pad, naam))
                        if soort:
                            admin_soorten.add(soort)
                    elif response.status_code in (403, 404) and response.status_code not in fouten:
                        fouten[response.status_code] = Scherm(
                            pad, f"{response.status_code}-pagina via {naam}", response.status_code
                        )
        uit[rol] = schermen + list(fouten.values()) + [Scherm(PAD_400, "400-pagina", 400), Scherm(PAD_500, "500-pagina", 500)]
    return uit


def pagina_500() -> str:
    """The 500 page exactly as the app answers a failing view (tests/beveiliging/urls_storing.py)."""
    with override_settings(DEBUG=False, ROOT_URLCONF="tests.beveiliging.urls_storing"):
        response = Client(raise_request_exception=False).get(PAD_500)
    assert response.status_code == 500
    return response.content.decode()


def schermafbeeldingen_map() -> Path:
    map_ = Path(os.environ.get("NAL_SCHERMAFBEELDINGEN") or settings.BASE_DIR / "var" / "schermafbeeldingen")
    map_.mkdir(parents=True, exist_ok=True)
    for oud in (*map_.glob("*.png"), map_ / "bevindingen.txt"):
        oud.unlink(missing_ok=True)
    return map_.resolve()


def test_every_screen_of_every_role_passes_axe_contrast_and_fits_a_phone(live_server, request):
    o = regio_maken()
    begin = time.monotonic()
    schermen = schermen_ontdekken(o)
    ontdekken = time.monotonic() - begin
    # The environment and the discovery work: every role has its screens, the key pages among them.
    aantallen = {rol: len(lijst) for rol, lijst in schermen.items()}
    assert aantallen["anoniem"] >= 4 and min(aantallen[r] for r in ROLLEN if r != "anoniem") >= 20, aantallen
    namen = {re.sub(r"-\d+$", "", s.naam) for lijst in schermen.values() for s in lijst}
    assert namen >= SLEUTELPAGINAS, SLEUTELPAGINAS - namen
    assert {f"stap-gegevens-{stap}" for stap in PARAMETER_WAARDEN["stap"]} <= {s.naam for s in schermen["regisseur"]}

    fout_500 = pagina_500()
    bezoeken = [
        Bezoek(
            rol=rol,
            breedte=breedte,
            pad=s.pad,
            naam=s.naam,
            status=s.status,
            schermafbeelding=s.naam in SLEUTELPAGINAS or s.naam.startswith("stap-gegevens-"),
            inhoud=fout_500 if s.pad == PAD_500 else None,
        )
        for rol, lijst in schermen.items()
        for s in lijst
        for breedte in BREEDTES
    ]

    def cookies(rol: str) -> list[dict]:
        sessie = o.sessies.get(ROLLEN[rol])
        return [{"name": settings.SESSION_COOKIE_NAME, "value": sessie, "url": live_server.url}] if sessie else []

    # For working on one screen: NAL_SCHERMEN_ALLEEN="regisseur 390px /terreinen/" (a regular expression).
    if alleen := os.environ.get("NAL_SCHERMEN_ALLEEN"):
        bezoeken = [b for b in bezoeken if re.search(alleen, str(b))]
    map_ = schermafbeeldingen_map()
    parallel = int(os.environ.get("NAL_SCHERMEN_PARALLEL", "3"))
    begin = time.monotonic()
    uitkomsten = rondgang(live_server.url, bezoeken, cookies=cookies, map_=map_, parallel=parallel)
    duur = time.monotonic() - begin

    fout = [u for u in uitkomsten if u.bevindingen]
    regels = [f"{u.bezoek}: {b}" for u in fout for b in u.bevindingen]
    (map_ / "bevindingen.txt").write_text("\n".join(regels) + "\n" if regels else "", encoding="utf-8")
    langzaamst = sorted(uitkomsten, key=lambda u: -u.seconden)[:3]
    request.config.stash[SCHERMAFBEELDINGEN] = {
        "map": str(map_),
        "bestanden": len(list(map_.glob("*.png"))),
        "paginas": len(bezoeken),
        "fout": len(fout),
        "bevindingen": len(regels),
        "seconden": round(duur, 1),
        "ontdekken": round(ontdekken, 1),
        "parallel": parallel,
        "langzaamst": "; ".join(
            f"{u.bezoek} {u.seconden:.1f}s (" + ", ".join(f"{k} {v:.1f}" for k, v in u.fasen.items()) + ")" for u in langzaamst
        ),
    }
    bestand = map_ / "bevindingen.txt"
    kop = f"{len(fout)} van {len(bezoeken)} paginabezoeken voldoen niet ({len(regels)} bevindingen; ook in {bestand})"
    assert not fout, kop + ":\n" + "\n".join(regels)
