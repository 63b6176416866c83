import pytest
from django.test import Client

from api.services import api_sleutel_aanmaken
from tests.factories import BedrijventerreinFactory, PlankaartFactory


class ApiClient:
    """A test client that sends an API key (or none) and reads JSON bodies."""

    def __init__(self, sleutel: str | None = None, client: Client | None = None):
        self.sleutel = sleutel
        self.client = client or Client()

    def get(self, pad, params=None, **extra):
        if self.sleutel is not None:
            extra.setdefault("HTTP_X_API_KEY", self.sleutel)
        return self.client.get(pad, params or {}, **extra)


@pytest.fixture
def maak_sleutel(db):
    """maak_sleutel(scope=..., verloopt_op=...) → (row, plain key)."""

    def make(organisatie="Netbeheerder Oost", **kwargs):
        return api_sleutel_aanmaken(organisatie=organisatie, **kwargs)

    return make


@pytest.fixture
def partner(maak_sleutel):
    _sleutel, ruw = maak_sleutel()
    return ApiClient(ruw)


@pytest.fixture
def parken(twee_gemeenten):
    """Three parks with geometry and current plankaarten: two in Apeldoorn, one in Zwolle."""
    apeldoorn, zwolle = twee_gemeenten
    eerste = BedrijventerreinFactory(gemeente=apeldoorn, naam="Ecofactorij", rin=1001, met_geometrie=True)
    tweede = BedrijventerreinFactory(gemeente=apeldoorn, naam="Stadspoort", rin=1002, met_geometrie=True, klein=True)
    derde = BedrijventerreinFactory(
        gemeente=zwolle,
        naam="Hessenpoort",
        rin=1003,
        met_geometrie=True,
        groot=True,
    )
    for terrein, kw in ((eerste, 100), (tweede, 200), (derde, 400)):
        PlankaartFactory(terrein=terrein, zichtjaar=2030, laadvermogen_kw=kw, bestelwagens=3, vrachtwagens=1)
    return eerste, tweede, derde
