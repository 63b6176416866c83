import pytest

from terreinen.models import Bedrijventerrein
from tests.factories import BedrijventerreinFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def terreinen(twee_gemeenten):
    apeldoorn, zwolle = twee_gemeenten
    return BedrijventerreinFactory(gemeente=apeldoorn), BedrijventerreinFactory(gemeente=zwolle)


@pytest.mark.parametrize("rol", ["beheerder", "regisseur", "medewerker"])
def test_provincial_roles_see_every_park(rol, terreinen, maak_gebruiker):
    user = maak_gebruiker(rol)
    assert set(Bedrijventerrein.objects.zichtbaar_voor(user)) == set(terreinen)


def test_gemeente_user_sees_only_parks_of_linked_municipalities(terreinen, maak_gebruiker):
    apeldoorn_terrein, zwolle_terrein = terreinen
    user = maak_gebruiker("gemeente", "GM0200")
    assert list(Bedrijventerrein.objects.zichtbaar_voor(user)) == [apeldoorn_terrein]


def test_gemeente_user_with_two_municipalities_sees_both_without_duplicates(terreinen, maak_gebruiker):
    user = maak_gebruiker("gemeente", "GM0200", "GM0193")
    assert sorted(t.pk for t in Bedrijventerrein.objects.zichtbaar_voor(user)) == sorted(t.pk for t in terreinen)


def test_user_without_role_and_anonymous_see_nothing(terreinen):
    from django.contrib.auth.models import AnonymousUser

    assert not Bedrijventerrein.objects.zichtbaar_voor(UserFactory()).exists()
    assert not Bedrijventerrein.objects.zichtbaar_voor(AnonymousUser()).exists()


def test_deactivated_user_sees_nothing(terreinen, maak_gebruiker):
    user = maak_gebruiker("regisseur")
    user.is_active = False
    user.save()
    assert not Bedrijventerrein.objects.zichtbaar_voor(user).exists()


def test_superuser_counts_as_beheerder(terreinen):
    user = UserFactory(is_superuser=True)
    assert Bedrijventerrein.objects.zichtbaar_voor(user).count() == 2
