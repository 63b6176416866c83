"""Factories with traits for the domain model."""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.gis.geos import MultiPolygon, Polygon

from plankaarten.models import Plankaart, PlankaartVersie
from stappenplan.models import Traject
from terreinen.models import RD_NEW, Bedrijventerrein, Gemeente, Provincie
from toolbox.models import Instrument, InstrumentDoelgroep, InstrumentStap


def vierkant(x=200_000, y=470_000, zijde=1_000):
    return MultiPolygon(
        Polygon(((x, y), (x + zijde, y), (x + zijde, y + zijde), (x, y + zijde), (x, y)), srid=RD_NEW), srid=RD_NEW
    )


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"GM{8000 + n:04d}")
    naam = factory.Sequence(lambda n: f"Testgemeente {n}")
    provincie = factory.LazyFunction(lambda: Provincie.objects.get(code="PV25"))
    geometrie = factory.LazyFunction(lambda: vierkant(zijde=10_000))

    class Params:
        overijssel = factory.Trait(provincie=factory.LazyFunction(lambda: Provincie.objects.get(code="PV23")))


class BedrijventerreinFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bedrijventerrein

    rin = factory.Sequence(lambda n: 500_000 + n)
    naam = factory.Sequence(lambda n: f"Testterrein {n}")
    gemeente = factory.SubFactory(GemeenteFactory)
    ha_bruto = Decimal("25.0")
    ha_netto = Decimal("20.0")
    ha_uitgeefbaar = Decimal("1.0")
    wloc_type = "B1"

    class Params:
        klein = factory.Trait(ha_bruto=Decimal("8"), ha_netto=Decimal("6"))
        groot = factory.Trait(ha_bruto=Decimal("90"), ha_netto=Decimal("75"))
        met_geometrie = factory.Trait(geometrie=factory.LazyFunction(vierkant), geometrie_bron="ibis")


class PlankaartVersieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlankaartVersie

    nummer = factory.Sequence(lambda n: 1000 + n)
    bron = "test"


class PlankaartFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plankaart

    terrein = factory.SubFactory(BedrijventerreinFactory)
    versie = factory.SubFactory(PlankaartVersieFactory)
    zichtjaar = 2030
    scenario = "midden"
    laadvermogen_kw = Decimal("500.0")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"gebruiker{n}")


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


def stakeholder_maken(*, terrein, organisatie: str, soort: str, warm_contact=False, rol_op_terrein="", **persoon):
    """An organisation linked to `terrein`, with a contact person when name, e-mail or phone is given."""
    from terreinen.models import Betrokkenheid, Contactpersoon, Organisatie

    org, _ = Organisatie.objects.get_or_create(naam=organisatie, soort=soort)
    contact = None
    if any(persoon.get(v) for v in ("naam", "email", "telefoon")):
        contact = Contactpersoon.objects.create(organisatie=org, **persoon)
    return Betrokkenheid.objects.create(
        terrein=terrein, organisatie=org, warm_contact=warm_contact, rol=rol_op_terrein, contactpersoon=contact
    )


def traject_zetten(*, terrein, **velden) -> Traject:
    """The park's Traject (every park gets one when it is created) put in a given state for a test.

    Test setup only: it writes with `update()`, so it leaves no audit row of its own.
    """
    Traject.objects.filter(terrein=terrein).update(**velden)
    return Traject.objects.get(terrein=terrein)
