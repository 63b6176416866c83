from decimal import Decimal

import pytest

from plankaarten.models import Plankaart
from terreinen.models import Provincie
from tests.factories import BedrijventerreinFactory, PlankaartVersieFactory


@pytest.fixture
def plankaart_versie(db):
    return PlankaartVersieFactory()


@pytest.fixture
def maak_terrein(plankaart_versie):
    """maak_terrein(kw_2030=…, kw_2035=…, **park fields) → a park with current midden plankaart rows."""

    def make(kw_2030=None, kw_2035=None, **velden):
        terrein = BedrijventerreinFactory(**velden)
        for jaar, kw in ((2030, kw_2030), (2035, kw_2035)):
            if kw is not None:
                Plankaart.objects.create(
                    terrein=terrein, versie=plankaart_versie, zichtjaar=jaar, scenario="midden", laadvermogen_kw=Decimal(kw)
                )
        return terrein

    return make


@pytest.fixture
def provincies(db):
    """The provinces from the data migration; recreated when an earlier transactional test flushed them.

    After the session-scoped browser has started, Django's serialized rollback no longer restores
    migration data (the test connection loses its serialized contents), so transactional tests that
    run later cannot count on it.
    """
    for code, naam in (("PV25", "Gelderland"), ("PV23", "Overijssel"), ("PV26", "Utrecht")):
        Provincie.objects.get_or_create(code=code, defaults={"naam": naam})
