"""/beheer/ (Django admin): the beheerder's; anonymous visitors log in first, for other logged-in users it is
outside their scope: the Dutch 404 page (nal_oost.rechten), never a redirect loop."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from tests.conftest import WACHTWOORD

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_the_login_page_and_back(client):
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("beheer-login"))
    assert client.get(response["Location"])["Location"] == f"{reverse('login')}?next=/beheer/"


@override_settings(DEBUG=False)
@pytest.mark.parametrize("rol", ["regisseur", "medewerker", "gemeente"])
def test_logged_in_users_without_the_role_get_the_dutch_404_page_not_a_redirect_loop(maak_gebruiker, twee_gemeenten, rol):
    user = maak_gebruiker(rol, *(["GM0200"] if rol == "gemeente" else []))
    client = Client()
    assert client.post(reverse("login"), {"username": user.username, "password": WACHTWOORD}).status_code == 302
    for pad in ("/beheer/", "/beheer/terreinen/bedrijventerrein/", "/beheer/bestaat-niet/"):
        response = client.get(pad, follow=True)
        assert response.redirect_chain == []
        assert response.status_code == 404
        assert "Deze pagina bestaat niet" in response.content.decode()


@override_settings(DEBUG=False)
def test_a_staff_flag_without_the_beheerder_role_is_not_enough(client, maak_gebruiker):
    user = maak_gebruiker("regisseur")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    client.force_login(user)
    assert client.get("/beheer/").status_code == 404


def test_the_beheerder_works_in_the_admin(client, maak_gebruiker):
    client.force_login(maak_gebruiker("beheerder"))
    response = client.get("/beheer/")
    assert response.status_code == 200 and "NAL Oost – beheer" in response.content.decode()
