"""Who sees what: public fields only for everyone, municipality users within their scope."""

import pytest

from stappenplan.models import Traject
from terreinen.models import Notitie
from tests.api.conftest import ApiClient
from tests.conftest import WACHTWOORD
from tests.factories import stakeholder_maken, traject_zetten

pytestmark = pytest.mark.django_db

PUBLIEKE_TERREINVELDEN = {
    "rin", "naam", "gemeenteCode", "gemeenteNaam", "provincieCode", "provincieNaam", "peiljaar", "haBruto", "haNetto",
    "haUitgeefbaar", "grootteklasse", "werklocatietype", "geometrieBron", "netbeheerder", "parkmanagement",
    "aantalBedrijven", "aantalSectoren", "aandeelLogistiek", "netcongestie", "bereikbaarheid", "terreinVol",
    "eigenInitiatief", "afstandZeZoneKm", "laadvraag2025Kw", "laadvraag2030Kw", "laadvraag2035Kw", "stap", "status",
    "gewijzigdOp", "bestelwagens2025", "bestelwagens2030", "bestelwagens2035", "vrachtwagens2025", "vrachtwagens2030",
    "vrachtwagens2035",
}  # fmt: skip
VERTROUWELIJK = ("geheim@example.nl", "06-12345678", "Vertrouwelijke risiconotitie", "regisseur-alle", "Onderstation Noord")


@pytest.fixture
def vertrouwelijk(parken, maak_gebruiker):
    terrein = parken[0]
    terrein.onderstation = "Onderstation Noord"
    terrein.warme_contacten = True
    terrein.save()
    stakeholder_maken(
        terrein=terrein, organisatie="Liander", soort="netbeheerder", email="geheim@example.nl", telefoon="06-12345678"
    )
    Notitie.objects.create(terrein=terrein, soort="risico", datum="2026-01-01", tekst="Vertrouwelijke risiconotitie")
    traject_zetten(terrein=terrein, stap=2, status="actief", regisseur=maak_gebruiker("regisseur"))
    return terrein


def _sessie(client, user):
    assert client.login(username=user.username, password=WACHTWOORD)
    return ApiClient(client=client)


def test_partner_sees_exactly_the_public_park_fields(partner, vertrouwelijk):
    for feature in partner.get("/api/v1/bedrijventerreinen").json()["features"]:
        assert set(feature["properties"]) == PUBLIEKE_TERREINVELDEN
    detail = partner.get("/api/v1/bedrijventerreinen/1001").json()
    assert set(detail["properties"]) == PUBLIEKE_TERREINVELDEN
    assert detail["properties"]["stap"] == 2


@pytest.mark.parametrize(
    "pad",
    [
        "/api/v1/bedrijventerreinen",
        "/api/v1/bedrijventerreinen/1001",
        "/api/v1/plankaarten",
        "/api/v1/trajecten",
        "/api/v1/aggregaten/gemeenten",
        "/api/v1/gemeenten",
    ],
)
def test_confidential_data_never_leaves_the_api(partner, client, maak_gebruiker, vertrouwelijk, pad):
    medewerker = _sessie(client, maak_gebruiker("medewerker"))
    for gebruiker in (partner, medewerker):
        body = gebruiker.get(pad).content.decode()
        for geheim in VERTROUWELIJK:
            assert geheim not in body, (pad, geheim)
        assert "warmeContacten" not in body and "regisseur" not in body


def test_trajecten_have_step_and_status_only(partner, vertrouwelijk):
    # Only the park under test: the others' trajecten (created with them, at step 0) are not the point here.
    Traject.objects.exclude(terrein=vertrouwelijk).delete()
    trajecten = partner.get("/api/v1/trajecten").json()["_embedded"]["trajecten"]
    assert trajecten == [
        {
            "terreinRin": 1001,
            "terreinNaam": "Ecofactorij",
            "gemeenteCode": "GM0200",
            "stap": 2,
            "stapNaam": "2. Startsessie",
            "status": "actief",
        }
    ]


def test_municipality_user_uses_the_api_with_their_session_within_their_scope(client, maak_gebruiker, parken):
    gemeente = _sessie(client, maak_gebruiker("gemeente", "GM0200"))
    assert [f["id"] for f in gemeente.get("/api/v1/bedrijventerreinen").json()["features"]] == [1001, 1002]
    assert gemeente.get("/api/v1/bedrijventerreinen/1001").status_code == 200
    assert gemeente.get("/api/v1/bedrijventerreinen/1003").status_code == 404
    assert [f["id"] for f in gemeente.get("/api/v1/gemeenten").json()["features"]] == ["GM0200"]
    assert gemeente.get("/api/v1/gemeenten/GM0193").status_code == 404
    plankaarten = gemeente.get("/api/v1/plankaarten").json()["_embedded"]["plankaarten"]
    assert {p["terreinRin"] for p in plankaarten} == {1001, 1002}
    assert gemeente.get("/api/v1/plankaarten", {"terrein": "1003"}).json()["_embedded"]["plankaarten"] == []
    provincies = gemeente.get("/api/v1/aggregaten/provincies").json()["_embedded"]["provincies"]
    assert [(p["code"], p["aantalTerreinen"]) for p in provincies] == [("PV25", 2)]


def test_out_of_scope_404_looks_like_a_missing_park(client, maak_gebruiker, parken):
    gemeente = _sessie(client, maak_gebruiker("gemeente", "GM0200"))
    elders = gemeente.get("/api/v1/bedrijventerreinen/1003")
    bestaat_niet = gemeente.get("/api/v1/bedrijventerreinen/999999")
    assert elders.status_code == bestaat_niet.status_code == 404
    assert elders.json()["detail"] == bestaat_niet.json()["detail"]


def test_user_without_role_gets_403(client, parken):
    from tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    response = client.get("/api/v1/bedrijventerreinen")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"


def test_provincial_user_sees_all_parks_with_session(client, maak_gebruiker, parken):
    regisseur = _sessie(client, maak_gebruiker("regisseur"))
    assert len(regisseur.get("/api/v1/bedrijventerreinen").json()["features"]) == 3
