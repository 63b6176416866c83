"""Every URL of the app × every role × GET and POST, with the status each cell must answer.

The URLs are discovered from the URL conf, so a new page without a rule fails here. Add one line
to REGELS: the URL name (with namespace), how to fill its path parameters, and the expected
status per role for GET and POST, in the order of ROLNAMEN:

    anoniem, gemeente-eigen, gemeente-ander, medewerker, regisseur, beheerder

LOGIN means a redirect to the login page; 302 any other redirect. Outside a user's scope: 404.
A user who may see an object but not change it gets 403 on the change. A URL whose cells differ per
object (a confidential and a public document) gets a tuple of rules, one per object (`varianten`).
POSTs are empty unless a rule gives `data`. Every answer a gemeente user can open (200) is also
checked for confidential data, and for the other municipality's user also for the own park's name;
every API error is problem+json.
"""

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.beveiliging.conftest import GEMEENTE_ANDER, GEMEENTE_EIGEN, ROLNAMEN
from tests.beveiliging.helpers import assert_geen_vertrouwelijks, inhoud_als_tekst

LOGIN = "login"
ADMIN = "admin"


@dataclass(frozen=True)
class Regel:
    get: tuple
    post: tuple
    # Path parameters from the test environment (see conftest.Omgeving).
    kwargs: Callable = field(default=lambda o: {})
    # The body of the POST, from the test environment.
    data: Callable = field(default=lambda o: {})
    # Which object this rule is about, when a URL has more than one rule.
    naam: str = ""

    def __or__(self, wijzigingen: dict) -> "Regel":
        """The same rule with some cells changed: `terrein() | {"get": (...)}`; fixed data needs no lambda."""
        vast = {k: (lambda o, v=v: v) if k in ("kwargs", "data") and not callable(v) else v for k, v in wijzigingen.items()}
        return replace(self, **vast)


# Presets for the common cases, one per kind of page.
def ingelogd(get=200, post=405, kwargs=lambda o: {}):
    return Regel(get=(LOGIN, get, get, get, get, get), post=(LOGIN, post, post, post, post, post), kwargs=kwargs)


def terrein(get=200, post=405, kwargs=None):
    """A page of the own municipality's park: the other municipality gets 404."""
    return Regel(
        get=(LOGIN, get, 404, get, get, get),
        post=(LOGIN, post, 404 if post != 405 else 405, post, post, post),
        kwargs=kwargs or RIN,
    )


def beheerder(get=200, post=200, kwargs=lambda o: {}):
    return Regel(get=(LOGIN, 404, 404, 404, 404, get), post=(LOGIN, 404, 404, 404, 404, post), kwargs=kwargs)


def iedereen(get, post, kwargs=lambda o: {}):
    return Regel(get=(get,) * 6, post=(post,) * 6, kwargs=kwargs)


def bewerken(get=200, post=200, kwargs=None):
    """A change on the own park: roles that may read but not change it get 403, the other municipality 404."""
    return Regel(
        get=(LOGIN, 403, 404, 403, get, get),
        post=(LOGIN, 403, 404, 403, post, post),
        kwargs=kwargs or RIN,
    )


def onderhoud(get=200, post=200, kwargs=lambda o: {}):
    """Maintenance of a catalogue everyone reads (toolbox, weights): the beheerder only, 403 for the others."""
    return Regel(get=(LOGIN, 403, 403, 403, 403, get), post=(LOGIN, 403, 403, 403, 403, post), kwargs=kwargs)


def provinciaal(get=200, post=405, kwargs=lambda o: {}, gemeente_post=404):
    """Region-wide or confidential: the provincial roles only, the screen does not exist for gemeente users."""
    return Regel(
        get=(LOGIN, 404, 404, get, get, get),
        post=(LOGIN, gemeente_post, gemeente_post, post, post, post),
        kwargs=kwargs,
    )


def api(get=200, post=405, kwargs=lambda o: {}, ander=None):
    """The partner API for a logged-in user (session): anonymous gets a problem+json 401, POST is never allowed."""
    return Regel(
        get=(401, get, get if ander is None else ander, get, get, get),
        post=(401, post, post, post, post, post),
        kwargs=kwargs,
    )


def varianten(**regels: Regel) -> tuple[Regel, ...]:
    return tuple(replace(regel, naam=naam) for naam, regel in regels.items())


def RIN(o):
    return {"rin": o.eigen.rin}


def GEBRUIKER(o):
    return {"pk": o.gebruikers[GEMEENTE_EIGEN].pk}


def INSTRUMENT(o):
    return {"slug": o.instrument.slug}


def INSTRUMENT_INTERN(o):
    return {"slug": o.instrument_intern.slug}


def RONDE(o, formaat=None):
    return {"pk": o.ronde.pk, **({"formaat": formaat} if formaat else {})}


REGELS: dict[str, Regel | tuple[Regel, ...]] = {
    # terreinen: every list, export and map layer holds only the parks the user may see
    "home": ingelogd(),
    "terrein-detail": terrein(),
    "terrein-lijst": ingelogd(),
    "terrein-export": varianten(
        csv=ingelogd(kwargs=lambda o: {"formaat": "csv"}),
        xlsx=ingelogd(kwargs=lambda o: {"formaat": "xlsx"}),
        onbekend=ingelogd(get=404, kwargs=lambda o: {"formaat": "pdf"}),
    ),
    # Saved filters are personal: anyone may save one; someone else's filter is a 404, also for the beheerder.
    "opgeslagen-filter-bewaren": ingelogd(get=405, post=302),
    "opgeslagen-filter-verwijderen": Regel(
        get=(LOGIN, 405, 405, 405, 405, 405),
        post=(LOGIN, 302, 404, 404, 404, 404),
        kwargs=lambda o: {"pk": o.filter_eigen.pk},
    ),
    "kaart": ingelogd(),
    # Map layers are fetched by a script: anonymous gets 403 instead of a login page it cannot read.
    "kaart-terreinen": Regel(get=(403,) + (200,) * 5, post=(403,) + (405,) * 5),
    "kaart-gemeenten": Regel(get=(403,) + (200,) * 5, post=(403,) + (405,) * 5),
    "kaart-provincies": Regel(get=(403,) + (200,) * 5, post=(403,) + (405,) * 5),
    # stappenplan
    "mijn-terreinen": ingelogd(),
    "evaluaties": provinciaal(gemeente_post=405),
    "stap-gegevens": bewerken(post=400, kwargs=lambda o: {"rin": o.eigen.rin, "stap": 1}) | {"data": {"formulier": "evaluatie"}},
    # The regisseur's empty post misses the version: back to the park with the error, nothing moves.
    "stap-overgang": bewerken(get=405, post=302, kwargs=lambda o: {"rin": o.eigen.rin, "actie": "inventarisatie_afronden"})
    | {"get": (LOGIN,) + (405,) * 5},
    "stappenplan-document": varianten(
        openbaar=terrein(kwargs=lambda o: {"pk": o.document_openbaar.pk}),
        vertrouwelijk=provinciaal(gemeente_post=405, kwargs=lambda o: {"pk": o.document_vertrouwelijk.pk}),
    ),
    # toolbox: everyone reads the catalogue (instruments for the programme team's own use: provincial roles
    # only); the beheerder maintains it; regisseur and beheerder record its use on a park.
    "toolbox:instrument-lijst": ingelogd(),
    "toolbox:instrument-nieuw": onderhoud(),
    "toolbox:instrument-detail": varianten(
        openbaar=ingelogd(kwargs=INSTRUMENT),
        intern=provinciaal(gemeente_post=405, kwargs=INSTRUMENT_INTERN),
    ),
    "toolbox:instrument-bewerken": onderhoud(kwargs=INSTRUMENT),
    "toolbox:versie-nieuw": onderhoud(kwargs=INSTRUMENT),
    "toolbox:versie-download": varianten(
        openbaar=ingelogd(kwargs=lambda o: {**INSTRUMENT(o), "nummer": 1}),
        intern=provinciaal(gemeente_post=405, kwargs=lambda o: {**INSTRUMENT_INTERN(o), "nummer": 1}),
    ),
    "toolbox:inzet-vastleggen": bewerken(),
    "toolbox:zelfstandig-overzicht": terrein(),
    # prioritering: the ranking holds the visible parks; weights are public, changed by the beheerder;
    # selection rounds span the region, so they do not exist for gemeente users.
    "prioritering:ranglijst": ingelogd(),
    "prioritering:herberekenen": Regel(get=(LOGIN,) + (405,) * 5, post=(LOGIN, 403, 403, 403, 302, 302)),
    "prioritering:status": ingelogd(),
    "prioritering:kader-lijst": ingelogd(),
    "prioritering:kader-nieuw": onderhoud(),
    "prioritering:kader-detail": ingelogd(kwargs=lambda o: {"versie": o.kader.versie}),
    "prioritering:ronde-lijst": provinciaal(post=400) | {"post": (LOGIN, 404, 404, 403, 400, 400)},
    "prioritering:ronde-detail": provinciaal(gemeente_post=405, kwargs=RONDE),
    "prioritering:ronde-export": varianten(
        csv=provinciaal(gemeente_post=405, kwargs=lambda o: RONDE(o, "csv")),
        xlsx=provinciaal(gemeente_post=405, kwargs=lambda o: RONDE(o, "xlsx")),
    ),
    # factsheets: every role downloads (and may refresh) the factsheets of the parks it sees;
    # generating all of them is for beheerder and medewerker.
    "factsheets:overzicht": ingelogd(),
    "factsheets:download": varianten(
        gerenderd=terrein(kwargs=lambda o: {"rin": o.eigen.rin, "variant": "factsheet"}),
        niet_gerenderd=terrein(get=404, kwargs=lambda o: {"rin": o.eigen.rin, "variant": "plankaart_detail"}),
    ),
    "factsheets:bijwerken": terrein(get=405, post=302) | {"get": (LOGIN,) + (405,) * 5},
    "factsheets:run-starten": Regel(get=(LOGIN,) + (405,) * 5, post=(LOGIN, 404, 404, 302, 404, 302)),
    "factsheets:run-status": Regel(
        get=(LOGIN, 404, 404, 200, 404, 200), post=(LOGIN,) + (405,) * 5, kwargs=lambda o: {"pk": o.factsheet_run.pk}
    ),
    "factsheets:zip": ingelogd(),
    # partner API: public description and documentation, everything else needs a key or a session
    "api:openapi": iedereen(get=200, post=405),
    "api:docs": iedereen(get=200, post=405),
    "api:root": api(),
    "api:bedrijventerrein-list": api(),
    "api:bedrijventerrein-detail": api(ander=404, kwargs=RIN),
    "api:gemeente-list": api(),
    "api:gemeente-detail": api(ander=404, kwargs=lambda o: {"code": o.eigen.gemeente.code}),
    "api:plankaart-list": api(),
    "api:plankaart-versie-list": api(),
    "api:traject-list": api(),
    "api:aggregaat-gemeenten": api(),
    "api:aggregaat-provincies": api(),
    "api:instrument-list": api(),
    "api:instrument-detail": varianten(
        openbaar=api(kwargs=INSTRUMENT),
        intern=api(kwargs=INSTRUMENT_INTERN) | {"get": (401, 404, 404, 200, 200, 200)},
    ),
    "api:ogc-landing": api(),
    "api:ogc-conformance": api(),
    "api:ogc-collecties": api(),
    **{
        naam: varianten(
            terreinen=api(kwargs=lambda o: {"collectie_id": "bedrijventerreinen"}),
            gemeenten=api(kwargs=lambda o: {"collectie_id": "gemeenten"}),
        )
        for naam in ("api:ogc-collectie", "api:ogc-schema", "api:ogc-queryables", "api:ogc-items")
    },
    "api:ogc-items-bedrijventerreinen": api(),
    "api:ogc-items-gemeenten": api(),
    "api:ogc-items-provincies": api(),
    "api:ogc-item-bedrijventerreinen": api(ander=404, kwargs=lambda o: {"feature_id": o.eigen.rin}),
    "api:ogc-item-gemeenten": api(ander=404, kwargs=lambda o: {"feature_id": o.eigen.gemeente.code}),
    "api:ogc-item-provincies": api(ander=404, kwargs=lambda o: {"feature_id": o.eigen.gemeente.provincie.code}),
    "api:ogc-item": varianten(
        terrein=api(ander=404, kwargs=lambda o: {"collectie_id": "bedrijventerreinen", "feature_id": o.eigen.rin}),
        gemeente=api(ander=404, kwargs=lambda o: {"collectie_id": "gemeenten", "feature_id": o.eigen.gemeente.code}),
    ),
    "api:niet-gevonden": iedereen(get=404, post=404),
    # API keys: the beheerder's screens; an empty form is refused with 400
    "api:sleutels": beheerder(get=200, post=400),
    "api:sleutel-intrekken": beheerder(get=405, post=302, kwargs=lambda o: {"pk": o.api_sleutel.pk}),
    # plankaarten
    "aannames": ingelogd(),
    # login, logout, health
    "login": Regel(get=(200, 302, 302, 302, 302, 302), post=(200, 302, 302, 302, 302, 302)),
    "logout": iedereen(get=405, post=302),
    "gezondheid": iedereen(get=200, post=405),
    "beheer-login": iedereen(get=LOGIN, post=LOGIN),
    # gebruikers: management for the beheerder only, the own account for everyone logged in
    "gebruiker-lijst": beheerder(post=405),
    "gebruiker-nieuw": beheerder(),
    "gebruiker-bewerken": beheerder(kwargs=GEBRUIKER),
    "gebruiker-uitloggen": beheerder(get=405, post=302, kwargs=GEBRUIKER),
    "gebruiker-tweefactor-resetten": beheerder(get=405, post=302, kwargs=GEBRUIKER),
    "account": ingelogd(),
    "wachtwoord-wijzigen": ingelogd(get=200, post=200),
    "uitloggen-overal": ingelogd(get=405, post=302),
    "tweefactor-verifieren": ingelogd(get=200, post=200),
    "tweefactor-instellen": ingelogd(get=200, post=200),
    "tweefactor-qr": ingelogd(get=200, post=405),
    # Django admin specials; every other admin URL follows the admin rule below.
    "admin:view_on_site": Regel(
        get=(LOGIN,) * 5 + (404,),
        post=(LOGIN,) * 5 + (404,),
        kwargs=lambda o: {"content_type_id": ContentType.objects.get_for_model(o.eigen).pk, "object_id": o.eigen.pk},
    ),
    # Django's admin sends non-staff users from its logout page to its index, which asks for a login.
    "admin:logout": Regel(get=(302,) * 5 + (405,), post=(302,) * 6),
    "beheer/(?P<url>.*)$": Regel(get=(LOGIN,) * 5 + (404,), post=(LOGIN,) * 5 + (404,)),
}


def _admin_regel(sleutel: str, route: str) -> Regel | None:
    """The admin is for the beheerder (is_staff): everyone else is sent to the login page.

    What the beheerder gets on an admin page is Django's business (200, a redirect after an empty
    POST, 403 on the read-only audit and lockout tables): ADMIN means "inside the admin, not the login".
    """
    if not route.startswith("beheer/"):
        return None
    return Regel(get=(LOGIN,) * 5 + (ADMIN,), post=(LOGIN,) * 5 + (ADMIN,))


def _admin_model(route: str):
    for model in admin.site._registry:
        if route.startswith(f"beheer/{model._meta.app_label}/{model._meta.model_name}/"):
            return model
    return None


# -- discovering the URL conf ------------------------------------------------------------------


@dataclass(frozen=True)
class Adres:
    sleutel: str  # "namespace:name", or the route for unnamed patterns
    route: str

    def pad(self, kwargs: dict) -> str:
        def vervang_route(m):
            return str(kwargs[m.group(2)])

        pad = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(kwargs[m.group(1)]), self.route)
        pad = re.sub(r"<(?:(\w+):)?(\w+)>", vervang_route, pad)
        return "/" + pad.replace("^", "").replace("$", "").replace("\\", "")


def _routes(patronen, prefix="", namespace=""):
    for patroon in patronen:
        route = prefix + str(patroon.pattern)
        if isinstance(patroon, URLResolver):
            ns = patroon.namespace or ""
            yield from _routes(patroon.url_patterns, route, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(patroon, URLPattern):
            sleutel = f"{namespace}{patroon.name}" if patroon.name else route
            yield Adres(sleutel=sleutel, route=route)


def alle_adressen() -> list[Adres]:
    gezien, uit = set(), []
    for adres in _routes(get_resolver().url_patterns):
        if adres.route not in gezien:
            gezien.add(adres.route)
            uit.append(adres)
    return uit


def _admin_kwargs(adres: Adres, omgeving) -> dict:
    kwargs = {}
    if "app_label" in adres.route:
        kwargs["app_label"] = "terreinen"
    if re.search(r"<(\w+:)?(object_id|id|pk)>", adres.route):
        model = _admin_model(adres.route)
        # Only the key: rows such as municipalities carry large geometries.
        pk = model._default_manager.order_by("pk").values_list("pk", flat=True).first() if model else None
        kwargs["object_id"] = kwargs["id"] = kwargs["pk"] = pk or 999_999_999
    if "(?P<url>" in adres.route:
        kwargs["url"] = "bestaat-niet/"
    return kwargs


def _regels(adres: Adres) -> tuple[Regel | None, ...]:
    regel = REGELS.get(adres.sleutel) or _admin_regel(adres.sleutel, adres.route)
    return regel if isinstance(regel, tuple) else (regel,)


GEVALLEN = [(adres, regel) for adres in alle_adressen() for regel in _regels(adres)]


def _delen(response) -> list[tuple[str, bytes]]:
    """The readable parts of an answer as (name, bytes): zip members one by one; PDFs (unreadable) by name only."""
    inhoud = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/pdf"):
        return []
    if not inhoud.startswith(b"PK\x03\x04"):
        return [("", inhoud)]
    with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
        return [(naam, b"" if archief.read(naam).startswith(b"%PDF-") else archief.read(naam)) for naam in archief.namelist()]


def _controleer_inhoud(response, rol: str, omgeving) -> None:
    """Nothing confidential for gemeente users; nothing of the own park for the other municipality."""
    for naam, inhoud in _delen(response):
        assert_geen_vertrouwelijks(inhoud)
        if rol == GEMEENTE_ANDER:
            tekst = f"{naam}\n{inhoud_als_tekst(inhoud)}"
            assert omgeving.eigen.naam.lower() not in tekst.lower(), (
                f"het terrein {omgeving.eigen.naam} buiten de gemeente staat in de uitvoer"
            )


def _controleer_antwoord(adres, regel, rol, methode, pad, response, omgeving) -> None:
    verwacht = dict(zip(ROLNAMEN, getattr(regel, methode), strict=True))[rol]
    locatie = response.get("Location", "")
    naar_login = response.status_code == 302 and ("/inloggen/" in locatie or "/beheer/login/" in locatie)
    if verwacht == LOGIN:
        assert naar_login, f"{methode.upper()} {pad} als {rol}: {response.status_code} {locatie}, verwacht login"
    elif verwacht == ADMIN:
        assert response.status_code in (200, 302, 403, 405) and not naar_login, (
            f"{methode.upper()} {pad} als {rol}: {response.status_code} {locatie}, verwacht toegang tot het beheer"
        )
    else:
        assert response.status_code == verwacht, f"{methode.upper()} {pad} als {rol}: {response.status_code}, verwacht {verwacht}"
    if pad.startswith("/api/v1") and adres.sleutel != "api:docs" and response.status_code >= 400:
        assert response["Content-Type"] == "application/problem+json", f"{methode.upper()} {pad}: {response['Content-Type']}"
    if rol in (GEMEENTE_EIGEN, GEMEENTE_ANDER) and response.status_code == 200:
        _controleer_inhoud(response, rol, omgeving)


@pytest.fixture(scope="module")
def matrix_client():
    """One client for every cell: a new client builds the middleware again (WhiteNoise then indexes every
    static file), which costs more than the request itself."""
    return Client()


@pytest.mark.parametrize("methode", ["get", "post"])
@pytest.mark.parametrize("rol", ROLNAMEN)
@pytest.mark.parametrize(
    "adres,regel", GEVALLEN, ids=[f"{a.sleutel}[{r.naam}]" if r and r.naam else a.sleutel for a, r in GEVALLEN]
)
@pytest.mark.django_db
def test_every_url_answers_each_role_as_the_matrix_says(adres, regel, rol, methode, omgeving, matrix_client):
    assert regel is not None, (
        f"Geen regel voor URL '{adres.sleutel}' (/{adres.route}). Voeg in tests/beveiliging/test_rechtenmatrix.py "
        f"aan REGELS één regel toe met de verwachte status per rol voor GET en POST."
    )
    kwargs = {**_admin_kwargs(adres, omgeving), **regel.kwargs(omgeving)}
    pad = adres.pad(kwargs)
    client = matrix_client
    client.cookies.clear()
    if rol in omgeving.sessies:
        client.cookies["sessionid"] = omgeving.sessies[rol]
    response = client.get(pad) if methode == "get" else client.post(pad, regel.data(omgeving))
    try:
        _controleer_antwoord(adres, regel, rol, methode, pad, response, omgeving)
    finally:
        if response.streaming:
            # Read to the end: the test client then closes the download's file (response.close() itself
            # would also signal the end of a request and close the database connection).
            b"".join(response.streaming_content)
