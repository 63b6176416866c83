"""The password policy refuses common and seasonal patterns, in Dutch, and lets strong passwords through."""

import pytest
from django.contrib.auth.password_validation import password_validators_help_texts, validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from gebruikers.importeren import genereer_wachtwoord
from nal_oost.demo import DEMO_WACHTWOORD
from tests.conftest import WACHTWOORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def meldingen(wachtwoord, user=None) -> list[str]:
    try:
        validate_password(wachtwoord, user)
    except ValidationError as fout:
        return fout.messages
    return []


@pytest.mark.parametrize(
    ("wachtwoord", "reden"),
    [
        ("Zomer2026!!!", "seizoen, maand of dag"),
        ("Welkom2026!!", "'welkom'"),
        ("Wachtwoord123!", "'wachtwoord'"),
        ("Apeldoorn2026!", "een plaatsnaam"),
        ("Oktober2026?!", "seizoen, maand of dag"),
        ("Maandag-2026-04-01", "Jaartallen en datums"),
        ("Zwolle#2026#Winter", "een plaatsnaam"),
        ("Pa$$w0rd2026!", "te algemeen"),
        ("Qwerty123456!", "te algemeen"),
        ("NAL-oost-2026!", "de naam van deze applicatie"),
    ],
)
def test_common_and_seasonal_patterns_are_refused_with_a_dutch_reason(twee_gemeenten, wachtwoord, reden):
    uit = meldingen(wachtwoord)
    assert "Dit wachtwoord is te makkelijk te raden." in uit
    assert any(reden in m for m in uit), uit


def test_a_password_like_the_users_own_name_is_refused(twee_gemeenten):
    user = UserFactory(username="j.jansen", first_name="Jolanda", last_name="Jansen", email="jolanda.jansen@apeldoorn.nl")
    uit = meldingen("Jolanda-Jansen-77", user)
    assert "Het wachtwoord lijkt op uw gebruikersnaam, naam of e-mailadres." in uit


@pytest.mark.parametrize(
    "wachtwoord",
    [WACHTWOORD, DEMO_WACHTWOORD, "Zelf-gekozen-wachtwoord-1", "Herfst-Laadpaal-Gieter-Kast", "paard Batterij nietje 7"],
)
def test_strong_passwords_and_the_ones_the_tests_and_demo_use_pass(twee_gemeenten, wachtwoord):
    assert meldingen(wachtwoord, UserFactory()) == []


def test_generated_passwords_always_pass(twee_gemeenten):
    for _ in range(50):
        assert meldingen(genereer_wachtwoord()) == []


def test_the_policy_is_explained_in_dutch_on_the_form():
    teksten = " ".join(password_validators_help_texts())
    assert "minstens 12 tekens" in teksten and "niet te raden" in teksten


def test_the_change_password_form_refuses_a_seasonal_password(client, maak_gebruiker, twee_gemeenten):
    user = maak_gebruiker("regisseur")
    client.force_login(user)
    response = client.post(
        reverse("wachtwoord-wijzigen"),
        {"old_password": WACHTWOORD, "new_password1": "Zomer2026!!!", "new_password2": "Zomer2026!!!"},
    )
    assert response.status_code == 200 and "te makkelijk te raden" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(WACHTWOORD)


def test_the_municipalities_in_the_database_count_as_predictable_words(db):
    from tests.factories import GemeenteFactory

    assert meldingen("Doetinchem2026!") == []
    GemeenteFactory(code="GM1009", naam="Doetinchem")
    assert "Dit wachtwoord is te makkelijk te raden." in meldingen("Doetinchem2026!")
