from decimal import Decimal

import pytest

from plankaarten.models import Plankaart
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
