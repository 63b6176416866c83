"""Every screen for every role: what each role sees, what stays hidden, and 404 outside a gemeente user's scope."""

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from stappenplan.models import Traject
from terreinen.models import Initiatief, Notitie
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, PlankaartFactory, stakeholder_maken, traject_zetten

pytestmark = pytest.mark.django_db

ALLE_ROLLEN = ("beheerder", "regisseur", "medewerker", "gemeente")
GEHEIM = ("geheim@example.nl", "06-12345678", "Vertrouwelijke risiconotitie")


@pytest.fixture
def regio(twee_gemeenten, maak_gebruiker):
    apeldoorn, zwolle = twee_gemeenten
    regisseur = maak_gebruiker("regisseur")
    regisseur.first_name, regisseur.last_name, regisseur.email = "Rita", "Regisseur", "r.regisseur@provincie.example"
    regisseur.save()
    eigen = BedrijventerreinFactory(gemeente=apeldoorn, naam="Ecofactorij", met_geometrie=True, groot=True)
    tweede = BedrijventerreinFactory(gemeente=apeldoorn, naam="Apeldoorn-Noord", met_geometrie=True, klein=True)
    elders = BedrijventerreinFactory(gemeente=zwolle, naam="Hessenpoort", met_geometrie=True)
    traject_zetten(terrein=eigen, stap=2, status="actief", regisseur=regisseur)
    # Every park gets its traject when created; "not started" is a park without one (rows from before that).
    Traject.objects.filter(terrein=tweede).delete()
    traject_zetten(
        terrein=elders, stap=4, status="uitgesteld", uitgesteld_sinds=date(2026, 1, 5), herbeoordelen_op=date(2026, 6, 1)
    )
    for terrein, kw in ((eigen, 1234), (tweede, 80), (elders, 3000)):
        for jaar, factor in ((2025, Decimal("0.5")), (2030, 1), (2035, 2)):
            PlankaartFactory(terrein=terrein, zichtjaar=jaar, laadvermogen_kw=Decimal(kw) * factor, bestelwagens=7)
    stakeholder_maken(terrein=eigen, organisatie="Liander", soort="netbeheerder", email=GEHEIM[0], telefoon=GEHEIM[1])
    Notitie.objects.create(terrein=eigen, soort="risico", datum="2026-01-01", tekst=GEHEIM[2])
    eigen.initiatieven.add(Initiatief.objects.create(naam="Lola Apeldoorn", soort="lola"))
    return {"eigen": eigen, "tweede": tweede, "elders": elders, "regisseur": regisseur}


def gebruiker_voor(rol, maak_gebruiker):
    return maak_gebruiker(rol, "GM0200") if rol == "gemeente" else maak_gebruiker(rol, username=f"{rol}-test")


def login(client, user):
    assert client.login(username=user.username, password=WACHTWOORD)


def pagina(client, naam, *args, **params):
    response = client.get(reverse(naam, args=args), params)
    assert response.status_code == 200, (naam, response.status_code)
    return response.content.decode()


@pytest.mark.parametrize("rol", ALLE_ROLLEN)
def test_every_role_sees_dashboard_list_detail_and_map(client, regio, maak_gebruiker, rol):
    login(client, gebruiker_voor(rol, maak_gebruiker))
    dashboard = pagina(client, "home")
    assert "Terreinen per stap" in dashboard and "Laadvraag per provincie" in dashboard
    lijst = pagina(client, "terrein-lijst")
    assert "Ecofactorij" in lijst and "2. Startsessie" in lijst
    detail = pagina(client, "terrein-detail", regio["eigen"].rin)
    assert "Lola Apeldoorn" in detail and "Plankaart" in detail and "<svg" in detail
    kaart = pagina(client, "kaart")
    assert 'id="kaart"' in kaart and reverse("terrein-lijst") in kaart


@pytest.mark.parametrize("rol", ("beheerder", "regisseur", "medewerker"))
def test_provincial_roles_see_every_park_and_confidential_data(client, regio, maak_gebruiker, rol):
    login(client, gebruiker_voor(rol, maak_gebruiker))
    assert "Hessenpoort" in pagina(client, "terrein-lijst")
    detail = pagina(client, "terrein-detail", regio["eigen"].rin)
    for geheim in GEHEIM:
        assert geheim in detail
    assert pagina(client, "terrein-detail", regio["elders"].rin)


def test_gemeente_user_sees_own_parks_only_everywhere(client, regio, maak_gebruiker):
    login(client, gebruiker_voor("gemeente", maak_gebruiker))
    assert "Hessenpoort" not in pagina(client, "terrein-lijst")
    dashboard = pagina(client, "home")
    assert "Overijssel" not in dashboard  # the only park in Overijssel is out of scope
    assert "in uw gemeente(n)" in dashboard
    kaart = json.loads(pagina(client, "kaart-terreinen"))
    assert {f["properties"]["naam"] for f in kaart["features"]} == {"Ecofactorij", "Apeldoorn-Noord"}
    export = pagina(client, "terrein-export", "csv")
    assert "Hessenpoort" not in export and "Ecofactorij" in export


def test_gemeente_user_gets_404_for_a_park_elsewhere_and_a_missing_one(client, regio, maak_gebruiker):
    login(client, gebruiker_voor("gemeente", maak_gebruiker))
    assert client.get(reverse("terrein-detail", args=[regio["elders"].rin])).status_code == 404
    assert client.get(reverse("terrein-detail", args=[999_999_999])).status_code == 404


def test_gemeente_user_sees_no_confidential_data_nor_edit_controls(client, regio, maak_gebruiker):
    login(client, gebruiker_voor("gemeente", maak_gebruiker))
    teksten = [
        pagina(client, "terrein-detail", regio["eigen"].rin),
        pagina(client, "terrein-lijst"),
        pagina(client, "home"),
        pagina(client, "kaart-terreinen"),
        pagina(client, "terrein-export", "csv"),
    ]
    for tekst in teksten:
        for geheim in GEHEIM:
            assert geheim not in tekst
    detail = teksten[0]
    assert "vertrouwelijk" not in detail.lower()
    assert "bewerken" not in detail.lower() and "/beheer/" not in detail


def test_beheerder_gets_an_edit_link_and_the_regisseur_is_named(client, regio, maak_gebruiker):
    login(client, gebruiker_voor("beheerder", maak_gebruiker))
    detail = pagina(client, "terrein-detail", regio["eigen"].rin)
    assert reverse("admin:terreinen_bedrijventerrein_change", args=[regio["eigen"].pk]) in detail
    # The regisseur as the province's contact person: full name and work e-mail.
    assert "Rita Regisseur" in detail and "r.regisseur@provincie.example" in detail


def test_park_without_traject_shows_not_started(client, regio, maak_gebruiker):
    login(client, gebruiker_voor("medewerker", maak_gebruiker))
    detail = pagina(client, "terrein-detail", regio["tweede"].rin)
    assert "nog niet gestart" in detail
    assert "0. Inventarisatie" in detail


def test_dashboard_funnel_counts_parks_without_traject_as_step_0_and_links_to_the_list(client, regio, maak_gebruiker):
    login(client, gebruiker_voor("regisseur", maak_gebruiker))
    response = client.get(reverse("home"))
    cijfers = response.context["cijfers"]
    assert cijfers["aantal"] == 3
    assert [aantal for _stap, _label, aantal in cijfers["stap_totalen"]] == [1, 0, 1, 0, 1, 0, 0]
    assert {code: n for code, _label, n in cijfers["per_status"]} == {
        "niet_gestart": 1,
        "actief": 1,
        "volgen": 0,
        "uitgesteld": 1,
        "zelfstandig": 0,
        "gestopt": 0,
        "afgerond": 0,
    }
    gelderland = next(r for r in cijfers["vraag"] if r["gemeente__provincie__code"] == "PV25")
    assert (gelderland["kw_2025"], gelderland["kw_2030"], gelderland["kw_2035"]) == (657, 1314, 2628)
    body = response.content.decode()
    assert f"{reverse('terrein-lijst')}?provincie=PV25&amp;stap=2" in body
    assert f"{reverse('terrein-lijst')}?status=uitgesteld" in body
    # The linked list shows exactly the counted parks.
    lijst = client.get(reverse("terrein-lijst"), {"provincie": "PV25", "stap": "0"})
    assert [t.naam for t in lijst.context["terreinen"]] == ["Apeldoorn-Noord"]


def test_list_filters_on_step_status_size_and_demand(client, regio, maak_gebruiker):
    login(client, gebruiker_voor("regisseur", maak_gebruiker))

    def namen(**params):
        return [t.naam for t in client.get(reverse("terrein-lijst"), params).context["terreinen"]]

    assert namen(stap=["2", "4"]) == ["Ecofactorij", "Hessenpoort"]
    assert namen(status="niet_gestart") == ["Apeldoorn-Noord"]
    assert namen(grootteklasse="klein") == ["Apeldoorn-Noord"]
    assert namen(vraag_2030_min="1000", vraag_2030_max="2000") == ["Ecofactorij"]
    assert namen(regisseur=regio["regisseur"].pk) == ["Ecofactorij"]
    assert namen(initiatief=str(Initiatief.objects.get(naam="Lola Apeldoorn").pk)) == ["Ecofactorij"]
    assert namen(provincie="PV23") == ["Hessenpoort"]


def test_list_sorts_by_column_with_empty_values_last(client, regio, maak_gebruiker):
    login(client, gebruiker_voor("regisseur", maak_gebruiker))

    def namen(sortering):
        return [t.naam for t in client.get(reverse("terrein-lijst"), {"sortering": sortering}).context["terreinen"]]

    assert namen("-vraag_2030") == ["Hessenpoort", "Ecofactorij", "Apeldoorn-Noord"]
    assert namen("vraag_2030") == ["Apeldoorn-Noord", "Ecofactorij", "Hessenpoort"]
    assert namen("-stap") == ["Hessenpoort", "Ecofactorij", "Apeldoorn-Noord"]
    assert namen("naam") == ["Apeldoorn-Noord", "Ecofactorij", "Hessenpoort"]
    body = client.get(reverse("terrein-lijst"), {"sortering": "naam"}).content.decode()
    assert 'aria-sort="ascending"' in body


def test_invalid_filter_value_gets_a_dutch_message_and_is_ignored(client, regio, maak_gebruiker):
    login(client, gebruiker_voor("regisseur", maak_gebruiker))
    response = client.get(reverse("terrein-lijst"), {"stap": "9", "vraag_2030_min": "veel"})
    body = response.content.decode()
    assert "Niet alle filters konden worden toegepast" in body
    assert "Voer een getal in" in body and "9 is geen beschikbare keuze" in body
    assert len(response.context["terreinen"]) == 3


def _export_rins_csv(client, params):
    response = client.get(reverse("terrein-export", args=["csv"]), {**params, "kolommen": "alle"})
    assert response["Content-Disposition"].startswith("attachment;")
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0][0] == "RIN-nummer"
    return [int(r[0]) for r in rijen[1:]]


def _export_rins_xlsx(client, params):
    response = client.get(reverse("terrein-export", args=["xlsx"]), {**params, "kolommen": "alle"})
    blad = load_workbook(io.BytesIO(response.content), read_only=True).active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0][0] == "RIN-nummer"
    return [r[0] for r in rijen[1:]]


def _lijst_rins(client, params):
    """Every page of the list, in order."""
    rins, pagina_nr = [], 1
    while True:
        response = client.get(reverse("terrein-lijst"), {**params, "page": pagina_nr})
        rins += [t.rin for t in response.context["terreinen"]]
        if not response.context["page_obj"].has_next():
            return rins
        pagina_nr += 1


@pytest.mark.parametrize("rol", ALLE_ROLLEN)
@pytest.mark.parametrize(
    "params",
    [{}, {"sortering": "-vraag_2030"}, {"provincie": "PV25", "sortering": "naam"}, {"q": "noord"}, {"stap": "0"}],
    ids=["alles", "vraag-aflopend", "gelderland-op-naam", "zoeken", "stap-0"],
)
def test_exports_hold_exactly_the_rows_of_the_filtered_list_in_the_same_order(client, regio, maak_gebruiker, rol, params):
    BedrijventerreinFactory.create_batch(55, gemeente=regio["eigen"].gemeente)  # more than one page
    login(client, gebruiker_voor(rol, maak_gebruiker))
    lijst = _lijst_rins(client, params)
    assert lijst, "the list must not be empty for this comparison to mean something"
    assert _export_rins_csv(client, params) == lijst
    assert _export_rins_xlsx(client, params) == lijst
    if rol == "gemeente":
        assert regio["elders"].rin not in lijst


def test_export_of_an_unknown_format_is_404(client, regio, maak_gebruiker):
    login(client, gebruiker_voor("regisseur", maak_gebruiker))
    assert client.get(reverse("terrein-export", args=["pdf"])).status_code == 404


def test_map_geojson_follows_the_list_filters(client, regio, maak_gebruiker):
    login(client, gebruiker_voor("regisseur", maak_gebruiker))
    data = json.loads(pagina(client, "kaart-terreinen", stap="2"))
    assert [f["id"] for f in data["features"]] == [regio["eigen"].rin]
    eigenschappen = data["features"][0]["properties"]
    assert eigenschappen["stap_nr"] == 2 and eigenschappen["status_code"] == "actief"
    assert eigenschappen["kw_2030"] == 1234
    kaart = pagina(client, "kaart", stap="2", kleur="vraag_2030")
    assert f"{reverse('kaart-terreinen')}?stap=2" in kaart
    assert "kleur=" not in kaart.split('data-terreinen-url="')[1].split('"')[0]


def test_map_base_layers_are_outlines_in_wgs84_with_six_decimals(client, regio, maak_gebruiker):
    login(client, gebruiker_voor("gemeente", maak_gebruiker))
    gemeenten = json.loads(pagina(client, "kaart-gemeenten"))
    assert {f["id"] for f in gemeenten["features"]} >= {"GM0200", "GM0193"}
    punt = gemeenten["features"][0]["geometry"]["coordinates"]
    while isinstance(punt[0], list):
        punt = punt[0]
    lon, lat = punt
    assert 3 < lon < 8 and 50 < lat < 54 and len(str(lon).split(".")[1]) <= 6
    assert pagina(client, "kaart-provincies").startswith('{"type": "FeatureCollection"')


def test_map_data_is_not_served_to_anonymous_users(client, regio):
    for naam in ("kaart-terreinen", "kaart-gemeenten", "kaart-provincies"):
        assert client.get(reverse(naam)).status_code == 403
    assert client.get(reverse("kaart")).status_code == 302
    assert client.get(reverse("terrein-export", args=["csv"])).status_code == 302
