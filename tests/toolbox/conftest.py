import factory
import pytest

from tests.conftest import WACHTWOORD
from toolbox.models import Instrument, InstrumentDoelgroep, InstrumentStap


class InstrumentFactory(factory.django.DjangoModelFactory):
    """An instrument with audiences and steps: InstrumentFactory(doelgroepen=["eigen_gebruik"], stappen=[3])."""

    class Meta:
        model = Instrument
        skip_postgeneration_save = True

    titel = factory.Sequence(lambda n: f"Testinstrument {n}")
    slug = factory.Sequence(lambda n: f"testinstrument-{n}")
    categorie = "samenwerking"
    status = "beschikbaar"
    omschrijving = "Een instrument voor de test."

    @factory.post_generation
    def doelgroepen(self, create, extracted, **kwargs):
        for d in extracted if extracted is not None else ["bedrijven", "gemeenten"]:
            InstrumentDoelgroep.objects.create(instrument=self, doelgroep=d)

    @factory.post_generation
    def stappen(self, create, extracted, **kwargs):
        for s in extracted if extracted is not None else [3]:
            InstrumentStap.objects.create(instrument=self, stap=s)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def zonder_seed(db):
    """An empty catalogue, for tests that count or list exactly what they create."""
    Instrument.objects.all().delete()


def inloggen(client, user):
    assert client.login(username=user.username, password=WACHTWOORD)
    return client
