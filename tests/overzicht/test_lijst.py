"""The park list as a user arranges it: their own columns (list and exports), the filters in use as removable chips,
and the municipality multi-selects that the type-ahead script takes over."""

import csv
import html
import io
import re
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from gebruikers.forms import GebruikerForm
from nal_oost import zichtbaarheid
from overzicht.kolommen import STANDAARD
from overzicht.models import Kolomkeuze
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, PlankaartFactory, traject_zetten

pytestmark = pytest.mark.django_db

LIJST = reverse("terrein-lijst")
KOLOMMEN_URL = reverse("terrein-kolommen")


@pytest.fixture
def regio(twee_gemeenten, maak_gebruiker):
    apeldoorn, zwolle = twee_gemeenten
    regisseur = maak_gebruiker("regisseur")
    regisseur.first_name, regisseur.last_name = "Rita", "Regisseur"
    regisseur.save()
    ecofactorij = BedrijventerreinFactory(gemeente=apeldoorn, naam="Ecofactorij", rin=101, aandeel_logistiek=42)
    noord = BedrijventerreinFactory(gemeente=apeldoorn, naam="Apeldoorn-Noord", rin=102)
    hessenpoort = BedrijventerreinFactory(gemeente=zwolle, naam="Hessenpoort", rin=103)
    traject_zetten(terrein=ecofactorij, stap=2, status="actief", regisseur=regisseur)
    traject_zetten(terrein=noord, stap=3, status="actief")
    traject_zetten(terrein=hessenpoort, stap=2, status="actief")
    PlankaartFactory(terrein=ecofactorij, zichtjaar=2030, laadvermogen_kw=Decimal("1234.5"))
    return {"ecofactorij": ecofactorij, "noord": noord, "hessenpoort": hessenpoort, "regisseur": regisseur}


def login(client, user):
    assert client.login(username=user.username, password=WACHTWOORD)
    return user


def sleutels(response) -> list[str]:
    return [k.sleutel for k in response.context["kolommen"]]


def csv_rijen(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


# -- the column choice -------------------------------------------------------------------------------


def test_a_new_user_sees_the_standard_columns_with_the_name_first(client, regio):
    login(client, regio["regisseur"])
    response = client.get(LIJST)
    assert sleutels(response) == list(STANDAARD)
    assert not response.context["eigen_kolommen"]


def test_chosen_columns_are_saved_in_the_typed_order_and_shown(client, regio):
    user = login(client, regio["regisseur"])
    response = client.post(
        KOLOMMEN_URL,
        {
            "kolom": ["gemeente", "vraag_2030", "aandeel_logistiek"],
            "positie-gemeente": "3",
            "positie-vraag_2030": "1",
            "positie-aandeel_logistiek": "2",
            # Not ticked: a position alone does not add a column.
            "positie-stap": "1",
            "querystring": "stap=2&sortering=naam",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{LIJST}?stap=2&sortering=naam#resultaat"
    assert Kolomkeuze.objects.get(user=user).kolommen == ["vraag_2030", "aandeel_logistiek", "gemeente"]

    lijst = client.get(LIJST, {"sortering": "naam"})
    assert sleutels(lijst) == ["naam", "vraag_2030", "aandeel_logistiek", "gemeente"]
    assert lijst.context["eigen_kolommen"]
    body = lijst.content.decode()
    # The cells follow the headings: the name, then 1.234 kW (Dutch grouping), 42 %, Apeldoorn.
    rij = re.search(r"Ecofactorij</a></th>(.*?)</tr>", body, re.S).group(1)
    assert re.findall(r"<td[^>]*>([^<]*)</td>", rij) == ["1.234", "42", "Apeldoorn"]
    # The chooser lists the shown columns first, ticked and numbered in their order.
    keuze = lijst.context["kolomkeuze"]
    assert [(r["kolom"].sleutel, r["gekozen"], r["positie"]) for r in keuze[:4]] == [
        ("vraag_2030", True, 1),
        ("aandeel_logistiek", True, 2),
        ("gemeente", True, 3),
        (keuze[3]["kolom"].sleutel, False, 4),
    ]


def test_wrong_or_equal_positions_keep_the_order_of_the_form(client, regio):
    user = login(client, regio["regisseur"])
    client.post(
        KOLOMMEN_URL,
        {"kolom": ["stap", "status", "rang"], "positie-stap": "twee", "positie-status": "1", "positie-rang": "1"},
    )
    assert Kolomkeuze.objects.get(user=user).kolommen == ["status", "rang", "stap"]


@pytest.mark.parametrize(
    ("sleutel", "plaats", "verwacht"),
    [("status", "1", ["status", "gemeente", "stap"]), ("gemeente", "3", ["stap", "status", "gemeente"])],
    ids=["omhoog", "omlaag"],
)
def test_a_place_typed_onto_another_column_inserts_the_column_there(client, regio, sleutel, plaats, verwacht):
    user = login(client, regio["regisseur"])
    formulier = {"kolom": ["gemeente", "stap", "status"]}
    for i, kolom in enumerate(formulier["kolom"], start=1):
        formulier[f"positie-{kolom}"] = formulier[f"was-{kolom}"] = str(i)
    formulier[f"positie-{sleutel}"] = plaats
    client.post(KOLOMMEN_URL, formulier)
    assert Kolomkeuze.objects.get(user=user).kolommen == verwacht


def test_standaard_herstellen_removes_the_choice(client, regio):
    user = login(client, regio["regisseur"])
    client.post(KOLOMMEN_URL, {"kolom": ["stap"]})
    assert sleutels(client.get(LIJST)) == ["naam", "stap"]
    response = client.post(KOLOMMEN_URL, {"actie": "standaard", "kolom": ["stap"]})
    assert response.status_code == 302
    assert not Kolomkeuze.objects.filter(user=user).exists()
    assert sleutels(client.get(LIJST)) == list(STANDAARD)


def test_each_user_has_their_own_columns(client, regio, maak_gebruiker):
    login(client, regio["regisseur"])
    client.post(KOLOMMEN_URL, {"kolom": ["stap"]})
    login(client, maak_gebruiker("medewerker"))
    assert sleutels(client.get(LIJST)) == list(STANDAARD)


def test_exports_follow_the_chosen_columns_and_alle_kolommen_gives_every_column(client, regio):
    login(client, regio["regisseur"])
    client.post(KOLOMMEN_URL, {"kolom": ["vraag_2030", "gemeente"], "positie-vraag_2030": "1", "positie-gemeente": "2"})
    rijen = csv_rijen(client.get(reverse("terrein-export", args=["csv"]), {"sortering": "naam"}))
    assert rijen[0] == ["Naam", "Laadvraag 2030 (kW, scenario midden)", "Gemeente"]
    assert rijen[1:] == [
        ["Apeldoorn-Noord", "", "Apeldoorn"],
        ["Ecofactorij", "1234,5", "Apeldoorn"],
        ["Hessenpoort", "", "Zwolle"],
    ]

    blad = load_workbook(io.BytesIO(client.get(reverse("terrein-export", args=["xlsx"])).content), read_only=True).active
    kop, *_rest = blad.iter_rows(values_only=True)
    assert kop == ("Naam", "Laadvraag 2030 (kW, scenario midden)", "Gemeente")

    alle = csv_rijen(client.get(reverse("terrein-export", args=["csv"]), {"kolommen": "alle"}))
    assert alle[0][:2] == ["RIN-nummer", "Naam"] and "Score (prioritering)" in alle[0] and len(alle[0]) > 20


def test_a_stored_column_the_register_closes_is_neither_shown_nor_exported(client, regio, maak_gebruiker, monkeypatch):
    gemeente = login(client, maak_gebruiker("gemeente", "GM0200"))
    Kolomkeuze.objects.create(user=gemeente, lijst="terreinen", kolommen=["aandeel_logistiek", "stap"])
    assert sleutels(client.get(LIJST)) == ["naam", "aandeel_logistiek", "stap"]

    monkeypatch.setitem(zichtbaarheid.REGISTER, "terreinen.Bedrijventerrein.aandeel_logistiek", zichtbaarheid.VERTROUWELIJK)
    response = client.get(LIJST)
    assert sleutels(response) == ["naam", "stap"]
    assert "aandeel_logistiek" not in {r["kolom"].sleutel for r in response.context["kolomkeuze"]}
    body = response.content.decode()
    assert "Aandeel logistiek" not in body and 'value="aandeel_logistiek"' not in body
    for params in ({}, {"kolommen": "alle"}):
        kop = csv_rijen(client.get(reverse("terrein-export", args=["csv"]), params))[0]
        assert "Aandeel logistiek (%)" not in kop
    # Posting the closed column does not store it either.
    client.post(KOLOMMEN_URL, {"kolom": ["aandeel_logistiek", "status"]})
    assert Kolomkeuze.objects.get(user=gemeente).kolommen == ["status"]


def test_hidden_columns_are_never_offered_to_a_gemeente_user(client, regio, maak_gebruiker, monkeypatch):
    monkeypatch.setitem(zichtbaarheid.REGISTER, "prioritering.Prioriteit.score", zichtbaarheid.VERTROUWELIJK)
    login(client, maak_gebruiker("gemeente", "GM0200"))
    aangeboden = {r["kolom"].sleutel for r in client.get(LIJST).context["kolomkeuze"]}
    assert "score" not in aangeboden and "rang" in aangeboden
    login(client, maak_gebruiker("medewerker"))
    assert "score" in {r["kolom"].sleutel for r in client.get(LIJST).context["kolomkeuze"]}


@pytest.mark.parametrize("scherm", ["lijst", "export"])
def test_chosen_columns_need_as_many_queries_for_30_parks_as_for_3(client, twee_gemeenten, maak_gebruiker, scherm):
    user = login(client, maak_gebruiker("regisseur"))
    alle = [r["kolom"].sleutel for r in client.get(LIJST).context["kolomkeuze"]]
    client.post(KOLOMMEN_URL, {"kolom": alle})
    url = LIJST if scherm == "lijst" else reverse("terrein-export", args=["csv"])

    def tel():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for i in range(3):
        traject_zetten(terrein=BedrijventerreinFactory(gemeente=twee_gemeenten[i % 2]), regisseur=user)
    drie = tel()
    for i in range(27):
        traject_zetten(terrein=BedrijventerreinFactory(gemeente=twee_gemeenten[i % 2]), regisseur=user)
    assert tel() == drie


# -- the filters in use ------------------------------------------------------------------------------


def chips(response) -> dict[str, str]:
    """Chip text → its link."""
    patroon = r'<a class="nal-filterchip" href="([^"]*)"><span class="nal-filterchip__tekst">([^<]*)</span>'
    return {html.unescape(tekst): html.unescape(href) for href, tekst in re.findall(patroon, response.content.decode())}


def test_each_filter_value_is_a_chip_whose_link_removes_just_that_value(client, regio):
    login(client, regio["regisseur"])
    response = client.get(
        LIJST,
        {
            "gemeente": ["GM0200", "GM0193"],
            "stap": ["2", "3"],
            "q": "poort",
            "regisseur": str(regio["regisseur"].pk),
            "sortering": "naam",
            "page": "1",
        },
    )
    gevonden = chips(response)
    assert set(gevonden) == {
        "Zoeken: poort",
        "Gemeente: Apeldoorn",
        "Gemeente: Zwolle",
        "Stap: 2. Startsessie",
        "Stap: 3. Bepalen oplossingsrichting",
        "Regisseur: Rita Regisseur",
    }
    zonder_zwolle = parse_qs(urlsplit(gevonden["Gemeente: Zwolle"]).query)
    assert zonder_zwolle == {
        "gemeente": ["GM0200"],
        "stap": ["2", "3"],
        "q": ["poort"],
        "regisseur": [str(regio["regisseur"].pk)],
        "sortering": ["naam"],
    }
    zonder_stap_2 = parse_qs(urlsplit(gevonden["Stap: 2. Startsessie"]).query)
    assert zonder_stap_2["stap"] == ["3"] and zonder_stap_2["gemeente"] == ["GM0200", "GM0193"]


def test_following_a_chip_removes_the_value_from_the_list(client, regio):
    login(client, regio["regisseur"])
    response = client.get(LIJST, {"gemeente": ["GM0200", "GM0193"], "stap": "3"})
    assert [t.naam for t in response.context["terreinen"]] == ["Apeldoorn-Noord"]
    zonder_stap = client.get(chips(response)["Stap: 3. Bepalen oplossingsrichting"])
    assert [t.naam for t in zonder_stap.context["terreinen"]] == ["Apeldoorn-Noord", "Ecofactorij", "Hessenpoort"]
    assert set(chips(zonder_stap)) == {"Gemeente: Apeldoorn", "Gemeente: Zwolle"}
    alleen_zwolle = client.get(chips(zonder_stap)["Gemeente: Apeldoorn"])
    assert [t.naam for t in alleen_zwolle.context["terreinen"]] == ["Hessenpoort"]


def test_alle_filters_wissen_keeps_only_the_sorting(client, regio):
    login(client, regio["regisseur"])
    body = client.get(LIJST, {"stap": "2", "gemeente": "GM0200", "sortering": "-naam"}).content.decode()
    assert f'href="{LIJST}?sortering=-naam">Alle filters wissen' in body
    assert body.count("Alle filters wissen") == 1


def test_no_chips_without_filters_and_refused_values_are_not_chips(client, regio):
    login(client, regio["regisseur"])
    assert chips(client.get(LIJST, {"sortering": "naam"})) == {}
    assert "Actieve filters" not in client.get(LIJST, {"sortering": "naam"}).content.decode()
    response = client.get(LIJST, {"stap": ["2", "9"], "gemeente": "GM9999"})
    assert set(chips(response)) == set()
    assert "Alle filters wissen" in response.content.decode()


# -- multi-selects for municipalities ------------------------------------------------------------------


@pytest.mark.parametrize("pad", [reverse("terrein-lijst"), reverse("kaart"), reverse("voortgang:overzicht")])
def test_every_municipality_filter_is_a_type_ahead_multi_select(client, regio, pad):
    login(client, regio["regisseur"])
    body = client.get(pad).content.decode()
    select = re.search(r'<select name="gemeente"[^>]*>', body).group(0)
    assert "multiple" in select and "data-meerkeuze" in select and "data-meerkeuze-teksten" in select
    assert "js/meerkeuze.js" in body


def test_the_user_forms_municipality_access_is_a_type_ahead_multi_select(twee_gemeenten):
    select = str(GebruikerForm()["gemeenten"])
    assert "multiple" in select and "data-meerkeuze" in select
    assert "Typ om te zoeken" in html.unescape(re.search(r'data-meerkeuze-teksten="([^"]*)"', select).group(1))
