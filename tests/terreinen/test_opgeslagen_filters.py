import pytest
from django.urls import reverse

from terreinen.models import OpgeslagenFilter
from tests.conftest import WACHTWOORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def regisseur(client, maak_gebruiker):
    user = maak_gebruiker("regisseur")
    assert client.login(username=user.username, password=WACHTWOORD)
    return user


def bewaar(client, naam, querystring):
    return client.post(reverse("opgeslagen-filter-bewaren"), {"naam": naam, "querystring": querystring}, follow=True)


def test_saving_a_filter_keeps_only_filters_and_sorting_and_lists_it_for_its_owner(client, regisseur):
    response = bewaar(client, "Grote in Gelderland", "provincie=PV25&grootteklasse=groot&page=3&kleur=stap&onzin=1&q=")
    filter_ = OpgeslagenFilter.objects.get(user=regisseur)
    assert filter_.querystring == "provincie=PV25&grootteklasse=groot"
    assert response.redirect_chain[-1][0] == reverse("terrein-lijst") + "?provincie=PV25&grootteklasse=groot"
    body = response.content.decode()
    assert "Filter ‘Grote in Gelderland’ opgeslagen." in body
    assert 'href="/terreinen/?provincie=PV25&amp;grootteklasse=groot">Grote in Gelderland</a>' in body


def test_saving_under_an_existing_name_replaces_the_filter(client, regisseur):
    bewaar(client, "Mijn filter", "stap=1")
    response = bewaar(client, "Mijn filter", "stap=2")
    assert list(OpgeslagenFilter.objects.values_list("querystring", flat=True)) == ["stap=2"]
    assert "bijgewerkt" in response.content.decode()


@pytest.mark.parametrize(
    ("naam", "melding"), [("   ", "Geef het filter een naam."), ("x" * 101, "De naam is te lang: maximaal 100 tekens.")]
)
def test_a_filter_without_a_valid_name_is_refused_with_a_dutch_message(client, regisseur, naam, melding):
    response = bewaar(client, naam, "stap=1")
    assert melding in response.content.decode()
    assert not OpgeslagenFilter.objects.exists()


def test_saved_filters_are_private_and_only_the_owner_can_delete_them(client, regisseur, maak_gebruiker):
    ander = maak_gebruiker("medewerker")
    vreemd = OpgeslagenFilter.objects.create(user=ander, naam="Van een ander", querystring="stap=3")
    body = client.get(reverse("terrein-lijst")).content.decode()
    assert "Van een ander" not in body
    assert client.post(reverse("opgeslagen-filter-verwijderen", args=[vreemd.pk])).status_code == 404
    assert OpgeslagenFilter.objects.filter(pk=vreemd.pk).exists()
    eigen = OpgeslagenFilter.objects.create(user=regisseur, naam="Eigen", querystring="stap=1")
    response = client.post(reverse("opgeslagen-filter-verwijderen", args=[eigen.pk]), follow=True)
    assert "Filter ‘Eigen’ verwijderd." in response.content.decode()
    assert not OpgeslagenFilter.objects.filter(pk=eigen.pk).exists()


def test_deleting_needs_a_post(client, regisseur):
    eigen = OpgeslagenFilter.objects.create(user=regisseur, naam="Eigen", querystring="stap=1")
    assert client.get(reverse("opgeslagen-filter-verwijderen", args=[eigen.pk])).status_code == 405
