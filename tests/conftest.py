from pathlib import Path

import pytest
from django.conf import settings

from terreinen.services.gebruikers import gebruiker_opslaan
from tests.factories import GemeenteFactory

WACHTWOORD = "Een-lang-test-wachtwoord-9"


@pytest.fixture
def data_dir() -> Path:
    """The real open-data folder (NAL_DATA_DIR)."""
    pad = Path(settings.NAL_DATA_DIR or "")
    if not (pad / "bedrijventerreinen.csv").is_file():
        pytest.fail(f"NAL_DATA_DIR ({pad}) does not hold the open data the tests need")
    return pad


@pytest.fixture
def maak_gebruiker(db):
    """make(rol, *gemeente_codes) → a user of that role with the default test password."""

    def make(rol, *gemeente_codes, username=None):
        user, _ = gebruiker_opslaan(
            username=username or f"{rol}-{'-'.join(gemeente_codes) or 'alle'}",
            rol=rol,
            gemeente_codes=gemeente_codes,
            password=WACHTWOORD,
        )
        return user

    return make


@pytest.fixture
def twee_gemeenten(db):
    return GemeenteFactory(code="GM0200", naam="Apeldoorn"), GemeenteFactory(code="GM0193", naam="Zwolle", overijssel=True)
