import pytest

from tests.conftest import WACHTWOORD
from tests.factories import InstrumentFactory  # noqa: F401 - re-exported for the toolbox tests
from toolbox.models import Instrument


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
