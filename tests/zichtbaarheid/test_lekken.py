"""Every URL as a gemeente user and every API endpoint with a partner key: no marker of a closed class in any body.

The fields are those of the visibility register (see lekken.py); the URLs those the permission matrix
discovers, with its path parameters. The last test proves the search can fail: with one field
declassified by mistake, its marker is found on the park page.
"""

import json
import re
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from api.models import ApiSleutel
from api.services import api_sleutel_aanmaken
from factsheets.models import FactsheetRun, FactsheetRunItem, Variant
from factsheets.services import factsheet_renderen
from nal_oost import zichtbaarheid
from nal_oost.models import UitgesteldeTaak
from prioritering.models import SelectieKeuze, Selectieronde
from stappenplan.models import Oplossingsrichting, StapOvergang, Traject
from terreinen.services.gebruikers import gebruiker_opslaan
from tests.beveiliging.conftest import GEMEENTE_ANDER, GEMEENTE_EIGEN, omgeving_maken, omgeving_opruimen
from tests.beveiliging.helpers import inhoud_als_tekst, vertrouwelijks_zaaien
from tests.beveiliging.test_rechtenmatrix import _admin_kwargs, _regels, alle_adressen
from tests.factories import traject_zetten
from tests.zichtbaarheid import lekken
from voortgang.models import Kwartaalrapport

pytestmark = pytest.mark.django_db

METINGEN: dict = {}


class Lekomgeving:
    def __init__(self, omgeving, merktekens, partner_sleutel, buiten):
        self.omgeving = omgeving
        self.merktekens = merktekens
        self.partner_sleutel = partner_sleutel
        self.buiten = buiten


@pytest.fixture(scope="module")
def lekomgeving(django_db_setup, django_db_blocker, tmp_path_factory):
    """The permission matrix's environment, with a marker in every closed field and fresh factsheet PDFs."""
    with override_settings(MEDIA_ROOT=Path(tmp_path_factory.mktemp("media"))), django_db_blocker.unblock():
        omgeving = omgeving_maken()
        # A transition with a reason, so the history's reasons carry a marker too.
        traject = Traject.objects.get(terrein=omgeving.eigen)
        StapOvergang.objects.create(
            traject=traject,
            actie="uitstellen",
            van_stap=0,
            naar_stap=0,
            van_status="actief",
            naar_status="actief",
            versie=traject.versie + 1000,
            door=omgeving.gebruikers["regisseur"],
            op=timezone.now(),
            reden="reden",
        )
        # The park elsewhere has a regisseur of its own: not a contact person for the own municipality.
        regisseur_elders, _nieuw = gebruiker_opslaan(username="matrix-regisseur-elders", rol="regisseur", gemeente_codes=[])
        traject_zetten(terrein=omgeving.elders, regisseur=regisseur_elders)
        # The park elsewhere has its own organisations, contacts and journal, so its pages are crawled with them.
        vertrouwelijks_zaaien(omgeving.elders, auteur=regisseur_elders)
        # One row of each model the environment has none of, so its fields carry markers too.
        Oplossingsrichting.objects.create(traject=traject, ronde=1, titel="richting", omschrijving="omschrijving")
        SelectieKeuze.objects.create(
            ronde=omgeving.ronde,
            terrein=omgeving.eigen,
            volgorde=1,
            rin=omgeving.eigen.rin,
            naam="naam",
            gemeente="gemeente",
            provincie="provincie",
            score=1,
            rang=1,
            klassen={},
            reden="reden",
        )
        FactsheetRunItem.objects.create(
            run=omgeving.factsheet_run, terrein=omgeving.eigen, variant=Variant.FACTSHEET, fout="fout"
        )
        Kwartaalrapport.objects.create(
            aangevraagd_door=omgeving.gebruikers["medewerker"], kwartaal="2026-3", filters={"q": "filter"}, fout="fout"
        )
        taak = UitgesteldeTaak.objects.create(taak="taak", args=[], kwargs={}, fout="fout")
        lekken.personen_invullen(omgeving.gebruikers["medewerker"])
        merktekens = lekken.markeren()
        # A change of regisseur after the names carry markers: the history holds (marked) usernames.
        traject.refresh_from_db()
        for regisseur in (omgeving.gebruikers["medewerker"], omgeving.gebruikers["regisseur"]):
            traject.regisseur = regisseur
            traject.save(update_fields=["regisseur"])
        # Both parks' names carry a marker: each municipality may see its own, never the other's.
        buiten = [lekken.buiten_bereik_markeren(merktekens, terrein) for terrein in (omgeving.eigen, omgeving.elders)]
        omgeving.eigen.refresh_from_db()
        for variant in Variant.values:
            factsheet_renderen(terrein_id=omgeving.eigen.pk, variant=variant, forceren=True)
        _sleutel, partner_sleutel = api_sleutel_aanmaken(organisatie="Lektest partner")
        try:
            yield Lekomgeving(omgeving, merktekens, partner_sleutel, buiten)
        finally:
            Selectieronde.objects.filter(pk=omgeving.ronde.pk).delete()
            FactsheetRun.objects.filter(pk=omgeving.factsheet_run.pk).delete()
            ApiSleutel.objects.filter(pk__in=[omgeving.api_sleutel.pk, _sleutel.pk]).delete()
            UitgesteldeTaak.objects.filter(pk=taak.pk).delete()
            omgeving_opruimen(omgeving)


def _paden(omgeving, *, alleen_api: bool = False) -> list[str]:
    """Every path of the URL conf, its parameters filled in as the permission matrix does (one per rule variant)."""
    paden = []
    for adres in alle_adressen():
        for regel in _regels(adres):
            kwargs = {**_admin_kwargs(adres, omgeving), **(regel.kwargs(omgeving) if regel else {})}
            pad = adres.pad(kwargs)
            if alleen_api and not pad.startswith("/api/v1/"):
                continue
            if pad not in paden:
                paden.append(pad)
    return paden


def _tekst(response) -> str:
    if not hasattr(response, "_lektekst"):
        kop = "\n".join(f"{k}: {v}" for k, v in response.items())
        inhoud = lekken.body_van(response)
        response._soort = lekken.soort_van(inhoud, response.get("Content-Type", ""))
        response._lektekst = kop + "\n" + inhoud_als_tekst(inhoud)
    return response._lektekst


def _doorzoek(response, pad: str, verboden: dict) -> list[str]:
    tekst = _tekst(response)
    return [f"GET {pad} ({response.status_code}): {t}" for t in lekken.gevonden(tekst, verboden)]


def _regisseurs(terrein) -> list[int]:
    return list(Traject.objects.filter(terrein=terrein).values_list("regisseur_id", flat=True))


@pytest.mark.parametrize("rol", [GEMEENTE_EIGEN, GEMEENTE_ANDER])
def test_gemeente_user_meets_no_marker_it_may_not_see_on_any_url(lekomgeving, rol):
    """Nothing confidential, and nothing at all of parks in other municipalities (not even their names)."""
    o, m = lekomgeving.omgeving, lekomgeving.merktekens
    gebruiker = o.gebruikers[rol]
    eigen_park = o.eigen if rol == GEMEENTE_EIGEN else o.elders
    verboden = lekken.verboden_merktekens(m, kijker=gebruiker)
    assert len(verboden) > 100, "te weinig merktekens geplant"
    assert any(v.startswith("terreinen.Bedrijventerrein.naam") for v in verboden.values()), "geen terrein buiten bereik"
    # Control: what the municipality may see (its step outputs) does reach it, so markers are planted and rendered.
    toegestaan = lekken.toegestane_merktekens(m, kijker=gebruiker, klasse=zichtbaarheid.GEMEENTE)
    gezien_toegestaan = set()
    client = Client()
    client.cookies["sessionid"] = o.sessies[rol]
    begin = time.monotonic()
    # Control for PDFs: the park's regisseur is its contact person on the factsheet, found in the PDF's text.
    contact = {mk: "contactpersoon" for uid in _regisseurs(eigen_park) for mk in m.contact.get(uid, ())}
    lekken_gevonden, bodies, statussen, soorten, contact_in_pdf = [], 0, {}, {}, set()
    # Every path twice where it names a park: once for each municipality's park (one is out of scope: 404).
    paden = _paden(o)
    paden += [p for p in _paden(SimpleNamespace(**{**vars(o), "eigen": o.elders})) if p not in paden]
    for pad in paden:
        response = client.get(pad)
        statussen[response.status_code] = statussen.get(response.status_code, 0) + 1
        lekken_gevonden += _doorzoek(response, pad, verboden)
        gezien_toegestaan |= {t.split(" ")[0] for t in lekken.gevonden(_tekst(response), toegestaan)}
        soorten[response._soort] = soorten.get(response._soort, 0) + 1
        if response._soort in ("pdf", "zip"):
            contact_in_pdf |= {t.split(" ")[0] for t in lekken.gevonden(_tekst(response), contact)}
        bodies += 1
    METINGEN[rol] = {
        "urls": bodies,
        "statussen": statussen,
        "soorten": soorten,
        "merktekens": len(verboden),
        "seconden": round(time.monotonic() - begin, 1),
    }
    print(f"\nlektest {rol}: {METINGEN[rol]}, gemeente-merktekens gezien: {len(gezien_toegestaan)}")
    assert statussen.get(200, 0) > 20, statussen
    assert any(toegestaan[g].startswith("stappenplan.Traject.probleemstelling") for g in gezien_toegestaan), gezien_toegestaan
    if rol == GEMEENTE_EIGEN:
        # The paths' parameters point at the own park of this user: every kind of body is fetched and read.
        assert {"html", "csv", "xlsx", "pdf", "zip", "json"} <= set(soorten), soorten
        assert contact_in_pdf, "de naam van de regisseur staat niet in de tekst van de factsheet-PDF"
    assert not lekken_gevonden, f"Gegevens die {rol} niet mag zien:\n" + "\n".join(lekken_gevonden)


_API_LINK = re.compile(r"https?://testserver(/api/v1/[^\"\s?#]*(?:\?[^\"\s#]*)?)")


def test_partner_key_meets_no_gemeente_or_confidential_marker_on_any_endpoint(lekomgeving):
    o, m = lekomgeving.omgeving, lekomgeving.merktekens
    verboden = lekken.verboden_merktekens(m, kijker=zichtbaarheid.PARTNER)
    assert {k for _s, _pk, k in (m.waarden[v] for v in verboden)} == {zichtbaarheid.GEMEENTE, zichtbaarheid.VERTROUWELIJK}
    client = Client(HTTP_X_API_KEY=lekomgeving.partner_sleutel)
    begin = time.monotonic()
    te_doen = _paden(o, alleen_api=True)
    # Pages of one item, so every list hands out `next` links to follow.
    te_doen += [f"{pad}?pageSize=1" for pad in list(te_doen)]
    gezien, lekken_gevonden, statussen, soorten = set(), [], {}, {}
    while te_doen and len(gezien) < 400:
        pad = te_doen.pop(0)
        if pad in gezien:
            continue
        gezien.add(pad)
        response = client.get(pad)
        statussen[response.status_code] = statussen.get(response.status_code, 0) + 1
        lekken_gevonden += _doorzoek(response, pad, verboden)
        soorten[response._soort] = soorten.get(response._soort, 0) + 1
        if response.get("Content-Type", "").endswith("json"):
            # Follow the links of lists to their items and next pages.
            te_doen += [link for link in _API_LINK.findall(response.content.decode()) if link not in gezien]
    METINGEN["partner"] = {
        "urls": len(gezien),
        "statussen": statussen,
        "soorten": soorten,
        "merktekens": len(verboden),
        "seconden": round(time.monotonic() - begin, 1),
    }
    print(f"\nlektest partner: {METINGEN['partner']}")
    assert statussen.get(200, 0) > 10, statussen
    # The list's links were followed to the items.
    assert any(p.startswith(f"/api/v1/bedrijventerreinen/{o.eigen.rin}") for p in gezien), sorted(gezien)
    assert not lekken_gevonden, "Gegevens van gemeente of programma voor een API-partner:\n" + "\n".join(lekken_gevonden)


def test_a_field_declassified_by_mistake_is_caught(lekomgeving, monkeypatch):
    """The search can fail: with `warm_contact_via` made public, its marker shows on the park page."""
    o, m = lekomgeving.omgeving, lekomgeving.merktekens
    sleutel = "stappenplan.Traject.warm_contact_via"
    verboden = lekken.verboden_merktekens(m, kijker=o.gebruikers[GEMEENTE_EIGEN])
    merkteken = next(k for k, (s, _pk, _kl) in m.waarden.items() if s == sleutel)
    client = Client()
    client.cookies["sessionid"] = o.sessies[GEMEENTE_EIGEN]
    pad = f"/terreinen/{o.eigen.rin}/"
    assert not _doorzoek(client.get(pad), pad, verboden)
    monkeypatch.setitem(zichtbaarheid.REGISTER, sleutel, zichtbaarheid.OPENBAAR)
    treffers = _doorzoek(client.get(pad), pad, verboden)
    assert any(merkteken in t and sleutel in t for t in treffers), treffers


def test_markers_reach_every_text_field_of_a_closed_class(lekomgeving):
    """Say which closed fields could not carry a marker, and check every other one did get one."""
    m = lekomgeving.merktekens
    gemarkeerd = {s for s, _pk, _k in m.waarden.values()}
    gesloten = [s for k in (zichtbaarheid.VERTROUWELIJK, zichtbaarheid.GEMEENTE) for s in zichtbaarheid.per_klasse()[k]]
    zonder = [s for s in gesloten if s not in gemarkeerd and s not in m.niet_gemarkeerd]
    # Models without rows in the environment cannot carry markers; name them, but the core ones must be there.
    for kern in (
        "terreinen.Contactpersoon.naam",
        "terreinen.Contactpersoon.email",
        "terreinen.Organisatie.naam",
        "terreinen.Betrokkenheid.rol",
        "terreinen.Notitie.tekst",
        "stappenplan.Traject.projectteam",
        "stappenplan.Traject.kartrekker",
        "stappenplan.Traject.probleemstelling",
        "stappenplan.StapOvergang.reden",
        "stappenplan.Evaluatienotitie.tekst",
        "toolbox.InstrumentInzet.notitie",
        "auth.User.username",
        "auth.User.first_name",
        "audit.Wijziging.actor_naam",
        "prioritering.Selectieronde.naam",
    ):
        assert kern in gemarkeerd, kern
    # Only many-to-many relations (a user's groups and permissions) carry no value of their own.
    assert zonder == ["auth.User.groups", "auth.User.user_permissions"], zonder
    print("gesloten velden die geen merkteken kunnen dragen:", json.dumps(m.niet_gemarkeerd, indent=1, ensure_ascii=False))
