import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import Gebeurtenis
from tests.conftest import WACHTWOORD

pytestmark = pytest.mark.django_db


def code(apparaat: TOTPDevice, verschuiving: int = 0) -> str:
    return f"{totp(apparaat.bin_key, step=apparaat.step, t0=apparaat.t0, digits=apparaat.digits, drift=verschuiving):06d}"


def inloggen(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": WACHTWOORD})
    assert response.status_code == 302
    return client.get(reverse("home"))


def ingeschreven(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="telefoon", confirmed=True)


@override_settings(NAL_2FA_VERPLICHT=True)
@pytest.mark.parametrize("rol", ["beheerder", "regisseur", "medewerker"])
def test_provincial_roles_must_enrol_before_seeing_anything(client, maak_gebruiker, rol):
    response = inloggen(client, maak_gebruiker(rol))
    assert response.status_code == 302 and response["Location"].startswith(reverse("tweefactor-instellen"))
    assert client.get(reverse("aannames")).status_code == 302


@override_settings(NAL_2FA_VERPLICHT=True)
def test_gemeente_users_may_work_without_a_second_factor(client, maak_gebruiker, twee_gemeenten):
    assert inloggen(client, maak_gebruiker("gemeente", "GM0200")).status_code == 200


@override_settings(NAL_2FA_VERPLICHT=False)
def test_with_the_setting_off_nobody_is_asked_for_a_code(client, maak_gebruiker):
    assert inloggen(client, maak_gebruiker("beheerder")).status_code == 200


@override_settings(NAL_2FA_VERPLICHT=True, OTP_TOTP_THROTTLE_FACTOR=60)
def test_enrolment_shows_a_qr_code_and_a_first_code_confirms_the_device(client, maak_gebruiker):
    user = maak_gebruiker("regisseur")
    inloggen(client, user)
    pagina = client.get(reverse("tweefactor-instellen")).content.decode()
    assert f'src="{reverse("tweefactor-qr")}"' in pagina and "<script" not in pagina
    qr = client.get(reverse("tweefactor-qr"))
    assert qr["Content-Type"] == "image/svg+xml" and qr.content.lstrip().startswith((b"<?xml", b"<svg"))
    apparaat = TOTPDevice.objects.get(user=user, confirmed=False)
    sleutel = re.search(r'class="nal-sleutel">([A-Z2-7 ]+)<', pagina).group(1).replace(" ", "")
    assert sleutel and apparaat.config_url.find(f"secret={sleutel}") > 0

    fout = client.post(reverse("tweefactor-instellen"), {"token": "000000" if code(apparaat) != "000000" else "111111"})
    assert "Deze code klopt niet" in fout.content.decode()
    # Right after a wrong code even the right one waits (django-otp's throttling), with a clear message.
    geremd = client.post(reverse("tweefactor-instellen"), {"token": code(apparaat)})
    assert "Te veel verkeerde codes" in geremd.content.decode()
    apparaat.refresh_from_db()
    apparaat.throttle_reset()
    assert client.post(reverse("tweefactor-instellen"), {"token": code(apparaat), "next": "/"}).status_code == 302
    apparaat.refresh_from_db()
    assert apparaat.confirmed
    assert client.get(reverse("home")).status_code == 200
    assert Gebeurtenis.objects.filter(actie="tweefactor_instellen", resultaat="gelukt", actor=user).exists()


@override_settings(NAL_2FA_VERPLICHT=True)
def test_an_enrolled_user_gives_a_code_at_every_login(client, maak_gebruiker):
    user = maak_gebruiker("medewerker")
    apparaat = ingeschreven(user)
    response = inloggen(client, user)
    assert response["Location"].startswith(reverse("tweefactor-verifieren"))
    fout = client.post(reverse("tweefactor-verifieren"), {"token": "12345"})
    assert "Vul de zes cijfers" in fout.content.decode()
    assert client.post(reverse("tweefactor-verifieren"), {"token": code(apparaat), "next": reverse("aannames")})[
        "Location"
    ] == reverse("aannames")
    assert client.get(reverse("home")).status_code == 200
    assert Gebeurtenis.objects.filter(actie="tweefactor", resultaat="gelukt", actor=user).exists()


@override_settings(NAL_2FA_VERPLICHT=True)
def test_a_wrong_code_is_refused_and_logged(client, maak_gebruiker):
    user = maak_gebruiker("medewerker")
    apparaat = ingeschreven(user)
    inloggen(client, user)
    verkeerd = f"{(int(code(apparaat)) + 1) % 1_000_000:06d}"
    assert "klopt niet" in client.post(reverse("tweefactor-verifieren"), {"token": verkeerd}).content.decode()
    assert client.get(reverse("home")).status_code == 302
    assert Gebeurtenis.objects.filter(actie="tweefactor", resultaat="mislukt", actor=user).exists()


@override_settings(NAL_2FA_VERPLICHT=False)
def test_a_gemeente_user_who_enrolled_voluntarily_is_asked_for_a_code(client, maak_gebruiker, twee_gemeenten):
    user = maak_gebruiker("gemeente", "GM0200")
    ingeschreven(user)
    assert inloggen(client, user)["Location"].startswith(reverse("tweefactor-verifieren"))


@override_settings(NAL_2FA_VERPLICHT=True)
def test_a_password_alone_cannot_enrol_a_new_phone_over_an_existing_one(client, maak_gebruiker):
    user = maak_gebruiker("regisseur")
    ingeschreven(user)
    inloggen(client, user)
    assert client.get(reverse("tweefactor-instellen"))["Location"].startswith(reverse("tweefactor-verifieren"))
    assert client.get(reverse("tweefactor-qr")).status_code == 404
    assert TOTPDevice.objects.filter(user=user).count() == 1


@override_settings(NAL_2FA_VERPLICHT=True)
def test_the_beheerder_resets_a_lost_phone_and_the_user_enrols_again(client, maak_gebruiker):
    from django.test import Client

    user = maak_gebruiker("regisseur")
    ingeschreven(user)
    beheerder = maak_gebruiker("beheerder")
    client.force_login(beheerder)
    ingeschreven(beheerder)
    beheer = Client()
    beheer.force_login(beheerder)
    sessie = beheer.session
    apparaat = TOTPDevice.objects.get(user=beheerder)
    sessie["otp_device_id"] = apparaat.persistent_id
    sessie.save()
    assert beheer.post(reverse("gebruiker-tweefactor-resetten", args=[user.pk])).status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert inloggen(Client(), user)["Location"].startswith(reverse("tweefactor-instellen"))
