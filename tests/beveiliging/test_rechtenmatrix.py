"""Every URL of the app × every role × GET and POST, with the status each cell must answer.

The URLs are discovered from the URL conf, so a new page without a rule fails here. Add one line
to REGELS: the URL name (with namespace), how to fill its path parameters, and the expected
status per role for GET and POST, in the order of ROLNAMEN:

    anoniem, gemeente-eigen, gemeente-ander, medewerker, regisseur, beheerder

LOGIN means a redirect to the login page; 302 any other redirect. Outside a user's scope: 404.
Every page a gemeente user can open (200) is also checked for confidential data.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver

from tests.beveiliging.conftest import GEMEENTE_ANDER, GEMEENTE_EIGEN, ROLNAMEN
from tests.beveiliging.helpers import assert_geen_vertrouwelijks

LOGIN = "login"
ADMIN = "admin"


@dataclass(frozen=True)
class Regel:
    get: tuple
    post: tuple
    # Path parameters from the test environment (see conftest.Omgeving).
    kwargs: Callable = field(default=lambda o: {})


# Presets for the common cases, one per kind of page.
def ingelogd(get=200, post=405):
    return Regel(get=(LOGIN, get, get, get, get, get), post=(LOGIN, post, post, post, post, post))


def terrein(get=200, post=405):
    """A page of the own municipality's park: the other municipality gets 404."""
    return Regel(
        get=(LOGIN, get, 404, get, get, get), post=(LOGIN, post, 404 if post != 405 else 405, post, post, post), kwargs=RIN
    )


def beheerder(get=200, post=200, kwargs=lambda o: {}):
    return Regel(get=(LOGIN, 404, 404, 404, 404, get), post=(LOGIN, 404, 404, 404, 404, post), kwargs=kwargs)


def iedereen(get, post, kwargs=lambda o: {}):
    return Regel(get=(get,) * 6, post=(post,) * 6, kwargs=kwargs)


def RIN(o):
    return {"rin": o.eigen.rin}


def GEBRUIKER(o):
    return {"pk": o.gebruikers[GEMEENTE_EIGEN].pk}


REGELS: dict[str, Regel] = {
    # terreinen
    "home": ingelogd(),
    "terrein-detail": terrein(),
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
        obj = model._default_manager.order_by("pk").first() if model else None
        kwargs["object_id"] = kwargs["id"] = kwargs["pk"] = obj.pk if obj else 999_999_999
    if "(?P<url>" in adres.route:
        kwargs["url"] = "bestaat-niet/"
    return kwargs


ADRESSEN = alle_adressen()


@pytest.mark.parametrize("methode", ["get", "post"])
@pytest.mark.parametrize("rol", ROLNAMEN)
@pytest.mark.parametrize("adres", ADRESSEN, ids=[a.sleutel for a in ADRESSEN])
@pytest.mark.django_db
def test_every_url_answers_each_role_as_the_matrix_says(adres, rol, methode, omgeving, client):
    regel = REGELS.get(adres.sleutel) or _admin_regel(adres.sleutel, adres.route)
    assert regel is not None, (
        f"Geen regel voor URL '{adres.sleutel}' (/{adres.route}). Voeg in tests/beveiliging/test_rechtenmatrix.py "
        f"aan REGELS één regel toe met de verwachte status per rol voor GET en POST."
    )
    kwargs = {**_admin_kwargs(adres, omgeving), **regel.kwargs(omgeving)}
    pad = adres.pad(kwargs)
    if rol in omgeving.sessies:
        client.cookies["sessionid"] = omgeving.sessies[rol]
    response = getattr(client, methode)(pad)
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
    if rol in (GEMEENTE_EIGEN, GEMEENTE_ANDER) and response.status_code == 200:
        assert_geen_vertrouwelijks(response)
