"""Every URL of the app × every role × GET and POST, each cell decided by the predicates of nal_oost.rechten.

The URLs are discovered from the URL conf, so a new page without a rule fails here. Add one line
to REGELS: the URL name (with namespace), how to fill its path parameters, the status the page
answers when the user may use it, and which predicates decide who may see (`zien`) and who may
do (`doen`) it. Each cell then asserts the one rule of nal_oost.rechten:

    anonymous → the login page (LOGIN; the API 401, map layers 403)
    not `zien(user)` → 404           (outside the user's scope)
    not `doen(user)` → 403           (inside the scope, the action not allowed)
    otherwise → the page's own status (200, a redirect after a POST, 400 for an empty form…)

A 405 (method not allowed) is answered before the scope is looked at, unless the rule says
`methode_eerst=False` (screens that do not exist for a role). A handful of cells that no predicate
decides (login, logout) are given per role as a tuple, in the order of ROLNAMEN:

    anoniem, gemeente-eigen, gemeente-ander, medewerker, regisseur, beheerder

The Django admin is the beheerder's (`mag_beheren`): anonymous visitors are sent to its login page, for
the other roles it is outside their scope (404). One
representative add, change and delete URL per admin model is checked (GET, and POST on change),
not every admin URL. Every answer a gemeente user can open (200) is also checked for confidential
data, and for the other municipality's user also for the own park's name; every API error is
problem+json. The cells carry the `matrix` marker; the test summary counts them apart from the
behaviour tests.
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

from nal_oost import rechten
from tests.beveiliging.conftest import GEMEENTE_ANDER, GEMEENTE_EIGEN, ROLNAMEN
from tests.beveiliging.helpers import assert_geen_vertrouwelijks, inhoud_als_tekst

LOGIN = "login"
ADMIN = "admin"


def ALTIJD(user, o):
    return True


@dataclass(frozen=True)
class Regel:
    # The status when the user may: a number, LOGIN or ADMIN; or a tuple with one status per role.
    get: int | str | tuple
    post: int | str | tuple
    # Predicates (user, omgeving) → bool from nal_oost.rechten: who may see, and who may do, per method.
    zien: Callable = ALTIJD
    doen_get: Callable = ALTIJD
    doen_post: Callable = ALTIJD
    # What an anonymous user gets, and what a user outside the scope gets.
    anoniem: int | str = LOGIN
    buiten_scope: int | str = 404
    methode_eerst: bool = True
    # Path parameters from the test environment (see conftest.Omgeving).
    kwargs: Callable = field(default=lambda o: {})
    # The body of the POST, from the test environment.
    data: Callable = field(default=lambda o: {})
    # Which object this rule is about, when a URL has more than one rule.
    naam: str = ""

    def __or__(self, wijzigingen: dict) -> "Regel":
        """The same rule with some fields changed: `terrein() | {"get": 405}`; fixed data needs no lambda."""
        vast = {k: (lambda o, v=v: v) if k in ("kwargs", "data") and not callable(v) else v for k, v in wijzigingen.items()}
        return replace(self, **vast)

    def verwacht(self, methode: str, rol: str, omgeving) -> int | str:
        """The status of one cell: the rule of nal_oost.rechten applied to this rule's predicates."""
        status = getattr(self, methode)
        if isinstance(status, tuple):
            return dict(zip(ROLNAMEN, status, strict=True))[rol]
        user = omgeving.gebruikers[rol]
        if user is None:
            return self.anoniem
        if status == 405 and self.methode_eerst:
            return 405
        if not self.zien(user, omgeving):
            return self.buiten_scope
        doen = self.doen_get if methode == "get" else self.doen_post
        if not doen(user, omgeving):
            return 403
        return status


def _van_user(predicaat):
    """A predicate of the user alone, as a predicate of (user, omgeving)."""
    return lambda user, o: predicaat(user)


BEHEREN = _van_user(rechten.mag_beheren)
BEWERKEN = _van_user(rechten.mag_bewerken)
VERTROUWELIJK = _van_user(rechten.ziet_vertrouwelijk)


def EIGEN_TERREIN_ZIEN(user, o):
    return rechten.mag_terrein_zien(user, o.eigen)


def EIGEN_TERREIN_BEWERKEN(user, o):
    return rechten.mag_terrein_bewerken(user, o.eigen)


# Presets for the common cases, one per kind of page.
def ingelogd(get=200, post=405, kwargs=lambda o: {}):
    return Regel(get=get, post=post, kwargs=kwargs)


def terrein(get=200, post=405, kwargs=None, zien=EIGEN_TERREIN_ZIEN):
    """A page of the own municipality's park: the other municipality gets 404."""
    return Regel(get=get, post=post, zien=zien, kwargs=kwargs or RIN)


def beheerder(get=200, post=200, kwargs=lambda o: {}):
    """A screen of the beheerder: it does not exist for the other roles (404), whatever the method."""
    return Regel(get=get, post=post, zien=BEHEREN, methode_eerst=False, kwargs=kwargs)


def iedereen(get, post, kwargs=lambda o: {}):
    """Public: no predicate decides, every role (anonymous included) gets the same answer."""
    return Regel(get=(get,) * 6, post=(post,) * 6, kwargs=kwargs)


def bewerken(get=200, post=200, kwargs=None):
    """A change on the own park: roles that may read but not change it get 403, the other municipality 404."""
    return Regel(
        get=get,
        post=post,
        zien=EIGEN_TERREIN_ZIEN,
        doen_get=EIGEN_TERREIN_BEWERKEN,
        doen_post=EIGEN_TERREIN_BEWERKEN,
        kwargs=kwargs or RIN,
    )


def onderhoud(get=200, post=200, kwargs=lambda o: {}):
    """Maintenance of a catalogue everyone reads (toolbox, weights): the beheerder only, 403 for the others."""
    return Regel(get=get, post=post, doen_get=BEHEREN, doen_post=BEHEREN, kwargs=kwargs)


def provinciaal(get=200, post=405, kwargs=lambda o: {}, zien=VERTROUWELIJK):
    """Region-wide or confidential: the provincial roles only, the screen does not exist for gemeente users."""
    return Regel(get=get, post=post, zien=zien, kwargs=kwargs)


def api(get=200, post=405, kwargs=lambda o: {}, zien=ALTIJD):
    """The partner API for a logged-in user (session): anonymous gets a problem+json 401, POST is never allowed."""
    return Regel(get=get, post=post, zien=zien, anoniem=401, kwargs=kwargs)


def varianten(**regels: Regel) -> tuple[Regel, ...]:
    return tuple(replace(regel, naam=naam) for naam, regel in regels.items())


def RIN(o):
    return {"rin": o.eigen.rin}


def BETROKKENHEID(o):
    from terreinen.models import Betrokkenheid

    return Betrokkenheid.objects.get(terrein=o.eigen)


def NOTITIE(o):
    from terreinen.models import Notitie

    return Notitie.objects.get(terrein=o.eigen)


def GEBRUIKER(o):
    return {"pk": o.gebruikers[GEMEENTE_EIGEN].pk}


def INSTRUMENT(o):
    return {"slug": o.instrument.slug}


def INSTRUMENT_INTERN(o):
    return {"slug": o.instrument_intern.slug}


def RONDE(o, formaat=None):
    return {"pk": o.ronde.pk, **({"formaat": formaat} if formaat else {})}


def RAPPORT(o):
    """A quarterly report asked for by the medewerker (not rendered: its PDF is a 404 for everyone)."""
    from voortgang.models import Kwartaalrapport

    rapport, _nieuw = Kwartaalrapport.objects.get_or_create(aangevraagd_door=o.gebruikers["medewerker"], kwartaal="2026-3")
    return {"pk": rapport.pk}


def DOCUMENT_ZIEN(attribuut):
    return lambda user, o: rechten.mag_document_zien(user, getattr(o, attribuut))


def INSTRUMENT_ZIEN(attribuut):
    return lambda user, o: rechten.mag_instrument_zien(user, getattr(o, attribuut))


def FACTSHEET_ZIEN(user, o):
    return rechten.mag_factsheet_downloaden(user, o.eigen)


GENEREREN = _van_user(rechten.mag_alle_factsheets_genereren)


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
    # The list's columns are personal too: anyone may choose theirs (an empty post keeps only the name).
    "terrein-kolommen": ingelogd(get=405, post=302),
    "opgeslagen-filter-verwijderen": Regel(
        get=405,
        post=302,
        zien=lambda user, o: rechten.mag_opgeslagen_filter_beheren(user, o.filter_eigen),
        kwargs=lambda o: {"pk": o.filter_eigen.pk},
    ),
    "kaart": ingelogd(),
    # Map layers are fetched by a script: anonymous gets 403 instead of a login page it cannot read.
    "kaart-terreinen": ingelogd() | {"anoniem": 403},
    "kaart-gemeenten": ingelogd() | {"anoniem": 403},
    "kaart-provincies": ingelogd() | {"anoniem": 403},
    # The regisseur's workbench: editing a park and importing criteria are for the editing roles only.
    "terrein-bewerken": bewerken(post=400),
    "volledigheid": ingelogd(),
    "terrein-importblad": Regel(get=200, post=405, doen_get=BEWERKEN),
    # An empty upload is a form error for the editing roles.
    "criteria-import": Regel(get=200, post=400, doen_get=BEWERKEN, doen_post=BEWERKEN),
    # stappenplan
    "mijn-terreinen": ingelogd(),
    "terrein-oppakken": bewerken(get=405, post=302),
    "terrein-teruggeven": bewerken(get=405, post=302),
    # Assigning in bulk from the list is the beheerder's; an empty post goes back to the list with a message.
    "regisseur-toewijzen": Regel(get=405, post=302, doen_post=_van_user(rechten.mag_regisseurs_toewijzen)),
    "evaluaties": provinciaal(),
    "stap-gegevens": bewerken(post=400, kwargs=lambda o: {"rin": o.eigen.rin, "stap": 1}) | {"data": {"formulier": "evaluatie"}},
    # The regisseur's empty post misses the version: back to the park with the error, nothing moves.
    "stap-overgang": bewerken(get=405, post=302, kwargs=lambda o: {"rin": o.eigen.rin, "actie": "inventarisatie_afronden"}),
    # organisations, contact persons and the journal of a park: confidential, changed by regisseur and beheerder;
    # an empty post is refused (400), a delete needs the version the user saw.
    "organisatie-koppelen": bewerken(post=400),
    "betrokkenheid-wijzigen": bewerken(post=400, kwargs=lambda o: {**RIN(o), "pk": BETROKKENHEID(o).pk}),
    "betrokkenheid-verwijderen": bewerken(get=405, post=400, kwargs=lambda o: {**RIN(o), "pk": BETROKKENHEID(o).pk}),
    "contactpersoon-wijzigen": bewerken(post=400, kwargs=lambda o: {**RIN(o), "pk": BETROKKENHEID(o).contactpersoon_id}),
    "contactpersoon-verwijderen": bewerken(
        get=405, post=400, kwargs=lambda o: {**RIN(o), "pk": BETROKKENHEID(o).contactpersoon_id}
    ),
    "notitie-toevoegen": bewerken(post=400),
    # Only the author (the regisseur here) corrects a note; the beheerder may not either.
    "notitie-corrigeren": Regel(
        get=(LOGIN, 403, 404, 403, 200, 403),
        post=(LOGIN, 403, 404, 403, 400, 403),
        kwargs=lambda o: {**RIN(o), "pk": NOTITIE(o).pk},
    ),
    "opvolging-afronden": bewerken(get=405, post=400, kwargs=lambda o: {**RIN(o), "pk": NOTITIE(o).pk}),
    "stappenplan-document": varianten(
        openbaar=terrein(kwargs=lambda o: {"pk": o.document_openbaar.pk}, zien=DOCUMENT_ZIEN("document_openbaar")),
        vertrouwelijk=terrein(kwargs=lambda o: {"pk": o.document_vertrouwelijk.pk}, zien=DOCUMENT_ZIEN("document_vertrouwelijk")),
    ),
    # toolbox: everyone reads the catalogue (instruments for the programme team's own use: provincial roles
    # only); the beheerder maintains it; regisseur and beheerder record its use on a park.
    "toolbox:instrument-lijst": ingelogd(),
    "toolbox:instrument-nieuw": onderhoud(),
    "toolbox:instrument-detail": varianten(
        openbaar=provinciaal(kwargs=INSTRUMENT, zien=INSTRUMENT_ZIEN("instrument")),
        intern=provinciaal(kwargs=INSTRUMENT_INTERN, zien=INSTRUMENT_ZIEN("instrument_intern")),
    ),
    "toolbox:instrument-bewerken": onderhoud(kwargs=INSTRUMENT),
    "toolbox:versie-nieuw": onderhoud(kwargs=INSTRUMENT),
    "toolbox:versie-download": varianten(
        openbaar=provinciaal(kwargs=lambda o: {**INSTRUMENT(o), "nummer": 1}, zien=INSTRUMENT_ZIEN("instrument")),
        intern=provinciaal(kwargs=lambda o: {**INSTRUMENT_INTERN(o), "nummer": 1}, zien=INSTRUMENT_ZIEN("instrument_intern")),
    ),
    "toolbox:inzet-vastleggen": bewerken(),
    "toolbox:zelfstandig-overzicht": terrein(),
    # prioritering: the ranking holds the visible parks; weights are public, changed by the beheerder;
    # selection rounds span the region, so they do not exist for gemeente users.
    "prioritering:ranglijst": ingelogd(),
    "prioritering:herberekenen": ingelogd(get=405, post=302) | {"doen_post": _van_user(rechten.mag_prioriteiten_herberekenen)},
    "prioritering:status": ingelogd(),
    "prioritering:kader-lijst": ingelogd(),
    "prioritering:kader-nieuw": onderhoud(),
    "prioritering:kader-detail": ingelogd(kwargs=lambda o: {"versie": o.kader.versie}),
    "prioritering:ronde-lijst": provinciaal(post=400) | {"doen_post": _van_user(rechten.mag_selectieronde_maken)},
    "prioritering:ronde-detail": provinciaal(kwargs=RONDE),
    "prioritering:ronde-export": varianten(
        csv=provinciaal(kwargs=lambda o: RONDE(o, "csv")),
        xlsx=provinciaal(kwargs=lambda o: RONDE(o, "xlsx")),
    ),
    # factsheets: every role downloads (and may refresh) the factsheets of the parks it sees;
    # generating all of them is for beheerder and medewerker (the screen does not exist for the others).
    "factsheets:overzicht": ingelogd(),
    "factsheets:download": varianten(
        gerenderd=terrein(kwargs=lambda o: {"rin": o.eigen.rin, "variant": "factsheet"}, zien=FACTSHEET_ZIEN),
        niet_gerenderd=terrein(get=404, kwargs=lambda o: {"rin": o.eigen.rin, "variant": "plankaart_detail"}),
    ),
    "factsheets:bijwerken": terrein(get=405, post=302, zien=FACTSHEET_ZIEN),
    "factsheets:run-starten": provinciaal(get=405, post=302, zien=GENEREREN),
    "factsheets:run-status": provinciaal(zien=GENEREREN, kwargs=lambda o: {"pk": o.factsheet_run.pk}),
    "factsheets:zip": ingelogd(),
    # voortgang: every role sees the programme views over its own parks; a quarterly report belongs to
    # the user who asked for it (the medewerker here), for everyone else it does not exist.
    "voortgang:overzicht": ingelogd(),
    "voortgang:rapport-aanvragen": Regel(get=(LOGIN,) + (405,) * 5, post=(LOGIN,) + (302,) * 5),
    "voortgang:rapport": Regel(get=(LOGIN, 404, 404, 200, 404, 404), post=(LOGIN,) + (405,) * 5, kwargs=RAPPORT),
    "voortgang:rapport-pdf": Regel(get=(LOGIN,) + (404,) * 5, post=(LOGIN,) + (405,) * 5, kwargs=RAPPORT),
    "voortgang:rapport-xlsx": Regel(get=(LOGIN, 404, 404, 200, 404, 404), post=(LOGIN,) + (405,) * 5, kwargs=RAPPORT),
    # partner API: public description and documentation, everything else needs a key or a session
    "api:openapi": iedereen(get=200, post=405),
    "api:docs": iedereen(get=200, post=405),
    "api:root": api(),
    "api:bedrijventerrein-list": api(),
    "api:bedrijventerrein-detail": api(zien=EIGEN_TERREIN_ZIEN, kwargs=RIN),
    "api:gemeente-list": api(),
    "api:gemeente-detail": api(zien=EIGEN_TERREIN_ZIEN, kwargs=lambda o: {"code": o.eigen.gemeente.code}),
    "api:plankaart-list": api(),
    "api:plankaart-versie-list": api(),
    "api:traject-list": api(),
    "api:aggregaat-gemeenten": api(),
    "api:aggregaat-provincies": api(),
    "api:instrument-list": api(),
    "api:instrument-detail": varianten(
        openbaar=api(kwargs=INSTRUMENT, zien=INSTRUMENT_ZIEN("instrument")),
        intern=api(kwargs=INSTRUMENT_INTERN, zien=INSTRUMENT_ZIEN("instrument_intern")),
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
    "api:ogc-item-bedrijventerreinen": api(zien=EIGEN_TERREIN_ZIEN, kwargs=lambda o: {"feature_id": o.eigen.rin}),
    "api:ogc-item-gemeenten": api(zien=EIGEN_TERREIN_ZIEN, kwargs=lambda o: {"feature_id": o.eigen.gemeente.code}),
    "api:ogc-item-provincies": api(zien=EIGEN_TERREIN_ZIEN, kwargs=lambda o: {"feature_id": o.eigen.gemeente.provincie.code}),
    "api:ogc-item": varianten(
        terrein=api(zien=EIGEN_TERREIN_ZIEN, kwargs=lambda o: {"collectie_id": "bedrijventerreinen", "feature_id": o.eigen.rin}),
        gemeente=api(
            zien=EIGEN_TERREIN_ZIEN, kwargs=lambda o: {"collectie_id": "gemeenten", "feature_id": o.eigen.gemeente.code}
        ),
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
        get=404,
        post=404,
        zien=BEHEREN,
        kwargs=lambda o: {"content_type_id": ContentType.objects.get_for_model(o.eigen).pk, "object_id": o.eigen.pk},
    ),
    # Django's admin sends non-staff users from its logout page to its index, which asks for a login.
    "admin:logout": Regel(get=(302,) + (404,) * 4 + (405,), post=(302,) + (404,) * 4 + (302,)),
    "beheer/(?P<url>.*)$": Regel(get=404, post=404, zien=BEHEREN),
}

# Per admin model, the representative URLs checked (with the methods): add, change and delete.
ADMIN_MODEL_ROUTES = {"add/": ("get",), "change/": ("get", "post"), "delete/": ("get",)}


def _admin_regel(sleutel: str, route: str) -> Regel | None:
    """The admin is the beheerder's (`mag_beheren`): anonymous visitors are sent to the login page, for
    everyone else it is outside their scope (404; the login page would send them straight back).

    What the beheerder gets on an admin page is Django's business (200, a redirect after an empty
    POST, 403 on the read-only audit and lockout tables): ADMIN means "inside the admin, not the login".
    """
    if not route.startswith("beheer/"):
        return None
    return Regel(get=ADMIN, post=ADMIN, zien=BEHEREN)


def _admin_methoden(route: str) -> tuple[str, ...]:
    """The methods checked for an admin route: per model only the representative URLs, the rest of the admin once."""
    if _admin_model(route) is None:
        return ("get", "post")
    for einde, methoden in ADMIN_MODEL_ROUTES.items():
        if route.endswith(einde):
            return methoden
    return ()


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


def _methoden(adres: Adres) -> tuple[str, ...]:
    return _admin_methoden(adres.route) if adres.route.startswith("beheer/") and adres.sleutel not in REGELS else ("get", "post")


GEVALLEN = [
    (adres, regel, rol, methode)
    for adres in alle_adressen()
    for regel in _regels(adres)
    for methode in _methoden(adres)
    for rol in ROLNAMEN
]


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
    verwacht = regel.verwacht(methode, rol, omgeving)
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


@pytest.mark.matrix
@pytest.mark.parametrize(
    "adres,regel,rol,methode",
    GEVALLEN,
    ids=[f"{a.sleutel}{f'[{r.naam}]' if r and r.naam else ''}-{rol}-{m}" for a, r, rol, m in GEVALLEN],
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
