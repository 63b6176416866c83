from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from audit.models import Gebeurtenis
from gebruikers.models import Sessie
from nal_oost.middleware import SESSIE_BEGIN, SESSIE_LAATST
from tests.conftest import WACHTWOORD

pytestmark = pytest.mark.django_db


def inloggen(client, username, wachtwoord, ip="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": wachtwoord}, REMOTE_ADDR=ip)


def test_five_wrong_passwords_lock_the_account_even_with_the_right_password(client, maak_gebruiker):
    user = maak_gebruiker("regisseur")
    for _ in range(4):
        assert inloggen(client, user.username, "fout").status_code == 200
    assert inloggen(client, user.username, "fout").status_code == 429
    response = inloggen(client, user.username, WACHTWOORD)
    assert response.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_locked_account_still_gets_in_from_another_address(client, maak_gebruiker):
    # Counted per username and address: someone guessing elsewhere cannot lock the owner out.
    user = maak_gebruiker("medewerker")
    for _ in range(5):
        inloggen(client, user.username, "fout", ip="203.0.113.66")
    assert inloggen(client, user.username, WACHTWOORD, ip="203.0.113.66").status_code == 429
    assert inloggen(client, user.username, WACHTWOORD, ip="10.9.9.9").status_code == 302


def test_five_wrong_passwords_for_one_account_do_not_lock_out_colleagues_behind_the_same_address(client, maak_gebruiker):
    pechvogel, collega = maak_gebruiker("medewerker"), maak_gebruiker("regisseur")
    for _ in range(5):
        inloggen(client, pechvogel.username, "fout", ip="10.0.2.1")
    assert inloggen(client, pechvogel.username, WACHTWOORD, ip="10.0.2.1").status_code == 429
    assert inloggen(client, collega.username, WACHTWOORD, ip="10.0.2.1").status_code == 302


@override_settings(NAL_INLOGFOUTEN_PER_ADRES=12)
def test_one_address_spraying_many_accounts_is_locked_out_for_every_account(client, maak_gebruiker):
    user = maak_gebruiker("medewerker")
    # Few tries per account, many accounts: below the per-account limit, so only the address limit stops it.
    pogingen = [f"geraden-{i}" for i in range(6) for _ in range(2)]
    for naam in pogingen[:-1]:
        assert inloggen(client, naam, "fout", ip="10.0.3.1").status_code == 200
    # The twelfth failure from the address reaches its limit, like the fifth for one account.
    assert inloggen(client, pogingen[-1], "fout", ip="10.0.3.1").status_code == 429
    assert inloggen(client, user.username, WACHTWOORD, ip="10.0.3.1").status_code == 429
    assert inloggen(client, "geraden-99", "fout", ip="10.0.3.1").status_code == 429
    assert inloggen(client, user.username, WACHTWOORD, ip="10.0.3.2").status_code == 302


@override_settings(NAL_INLOGFOUTEN_PER_ADRES=12)
def test_the_address_limit_ends_after_the_cool_off_period(client, maak_gebruiker):
    user = maak_gebruiker("medewerker")
    for i in range(12):
        inloggen(client, f"geraden-{i}", "fout", ip="10.0.4.1")
    assert inloggen(client, user.username, WACHTWOORD, ip="10.0.4.1").status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert inloggen(client, user.username, WACHTWOORD, ip="10.0.4.1").status_code == 302


def test_lockout_ends_after_the_cool_off_period(client, maak_gebruiker):
    user = maak_gebruiker("regisseur")
    for _ in range(5):
        inloggen(client, user.username, "fout")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert inloggen(client, user.username, WACHTWOORD).status_code == 302


def test_axes_reset_unlocks_an_account(client, maak_gebruiker):
    user = maak_gebruiker("regisseur")
    for _ in range(5):
        inloggen(client, user.username, "fout")
    call_command("axes_reset_username", user.username, stdout=None)
    assert inloggen(client, user.username, WACHTWOORD).status_code == 302


def test_a_successful_login_resets_the_failure_count(client, maak_gebruiker):
    user = maak_gebruiker("regisseur")
    for _ in range(4):
        inloggen(client, user.username, "fout")
    assert inloggen(client, user.username, WACHTWOORD).status_code == 302
    client.post(reverse("logout"))
    for _ in range(4):
        inloggen(client, user.username, "fout")
    assert inloggen(client, user.username, WACHTWOORD).status_code == 302


def test_logins_are_logged_with_the_bio2_fields(client, maak_gebruiker):
    user = maak_gebruiker("regisseur")
    inloggen(client, user.username, "fout", ip="192.0.2.7")
    inloggen(client, user.username, WACHTWOORD, ip="192.0.2.7")
    mislukt, gelukt = Gebeurtenis.objects.filter(actie="inloggen").order_by("tijdstip", "id")
    assert (mislukt.resultaat, mislukt.object, mislukt.herkomst, mislukt.actor_naam, mislukt.actor) == (
        "mislukt",
        f"account {user.username}",
        "192.0.2.7",
        user.username,
        None,
    )
    assert (gelukt.resultaat, gelukt.actor, gelukt.herkomst) == ("gelukt", user, "192.0.2.7")
    assert gelukt.tijdstip and gelukt.request_id and mislukt.request_id != gelukt.request_id


def test_a_locked_out_attempt_is_logged_as_blocked(client, maak_gebruiker):
    user = maak_gebruiker("regisseur")
    for _ in range(6):
        inloggen(client, user.username, "fout")
    resultaten = list(Gebeurtenis.objects.filter(object=f"account {user.username}").values_list("actie", "resultaat"))
    assert ("vergrendeld", "geblokkeerd") in resultaten
    assert ("inloggen", "geblokkeerd") in resultaten


def test_logout_is_logged(client, maak_gebruiker):
    user = maak_gebruiker("medewerker")
    inloggen(client, user.username, WACHTWOORD)
    client.post(reverse("logout"))
    assert Gebeurtenis.objects.filter(actie="uitloggen", actor=user, resultaat="gelukt").exists()


@override_settings(NAL_PROXY_AANTAL=1)
def test_the_request_id_is_returned_and_a_well_formed_one_from_the_trusted_proxy_is_kept(client):
    eigen = client.get(reverse("login"))
    assert len(eigen["X-Request-ID"]) == 32
    assert client.get(reverse("login"), HTTP_X_REQUEST_ID="proxy-1234abcd")["X-Request-ID"] == "proxy-1234abcd"
    assert client.get(reverse("login"), HTTP_X_REQUEST_ID="bad id\n")["X-Request-ID"] != "bad id\n"
    assert len(client.get(reverse("login"), HTTP_X_REQUEST_ID="x" * 65)["X-Request-ID"]) == 32


@override_settings(NAL_PROXY_AANTAL=0)
def test_without_a_trusted_proxy_the_app_makes_its_own_request_id(client):
    response = client.get(reverse("login"), HTTP_X_REQUEST_ID="client-1234abcd")
    assert response["X-Request-ID"] != "client-1234abcd" and len(response["X-Request-ID"]) == 32


@pytest.mark.parametrize(
    ("wachtwoord", "melding"),
    [
        ("kort-Ww1", "te kort"),
        ("alleenkleineletters", "soorten tekens"),
        ("qwerty123456", "te algemeen"),
    ],
)
def test_weak_passwords_are_refused_with_a_dutch_reason(client, maak_gebruiker, wachtwoord, melding):
    user = maak_gebruiker("regisseur")
    client.force_login(user)
    response = client.post(
        reverse("wachtwoord-wijzigen"), {"old_password": WACHTWOORD, "new_password1": wachtwoord, "new_password2": wachtwoord}
    )
    assert response.status_code == 200
    assert melding in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(WACHTWOORD)


def _sessie_zetten(client, **waarden):
    sessie = client.session
    for sleutel, waarde in waarden.items():
        sessie[sleutel] = waarde.isoformat()
    sessie.save()


def test_a_session_ends_after_an_hour_without_activity(client, maak_gebruiker):
    client.force_login(maak_gebruiker("medewerker"))
    assert client.get(reverse("home")).status_code == 200
    _sessie_zetten(client, **{SESSIE_LAATST: timezone.now() - timedelta(minutes=61)})
    response = client.get(reverse("home"))
    assert response.status_code == 302 and "verlopen=1" in response["Location"]
    assert client.get(reverse("home")).status_code == 302
    assert "Uw sessie is verlopen" in client.get(response["Location"]).content.decode()


def test_a_session_ends_after_ten_hours_even_when_active(client, maak_gebruiker):
    client.force_login(maak_gebruiker("medewerker"))
    _sessie_zetten(client, **{SESSIE_BEGIN: timezone.now() - timedelta(hours=10, minutes=1), SESSIE_LAATST: timezone.now()})
    assert client.get(reverse("home")).status_code == 302


@override_settings(SESSION_EXPIRE_AT_BROWSER_CLOSE=True)
def test_the_session_cookie_is_httponly_and_ends_with_the_browser(client, maak_gebruiker):
    user = maak_gebruiker("medewerker")
    inloggen(client, user.username, WACHTWOORD)
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] and not cookie["expires"] and cookie["samesite"] == "Lax"


def test_logout_everywhere_ends_the_users_other_sessions(client, maak_gebruiker):
    from django.test import Client

    user = maak_gebruiker("regisseur")
    laptop, telefoon = Client(), Client()
    inloggen(laptop, user.username, WACHTWOORD)
    inloggen(telefoon, user.username, WACHTWOORD, ip="10.0.0.2")
    assert Sessie.objects.filter(user=user).count() == 2
    assert laptop.post(reverse("uitloggen-overal")).status_code == 302
    assert telefoon.get(reverse("home")).status_code == 302
    assert laptop.get(reverse("home")).status_code == 302
    assert not Sessie.objects.filter(user=user).exists()
    assert Gebeurtenis.objects.filter(actie="uitloggen_overal", actor=user).exists()


def test_the_admin_login_page_sends_everyone_to_the_one_login(client):
    response = client.get("/beheer/login/?next=/beheer/")
    assert response.status_code == 302 and response["Location"] == "/inloggen/?next=/beheer/"
