import io
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from audit.models import Gebeurtenis
from nal_oost import rollen
from terreinen.models import Bedrijventerrein
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory

pytestmark = pytest.mark.django_db
User = get_user_model()
NIEUW_WACHTWOORD = "Stevig-nieuw-wachtwoord-7"


@pytest.fixture
def beheerder(client, maak_gebruiker):
    user = maak_gebruiker("beheerder")
    client.force_login(user)
    return user


def test_the_beheerder_creates_a_gemeente_user_who_then_sees_only_that_municipality(client, beheerder, twee_gemeenten):
    apeldoorn, zwolle = twee_gemeenten
    BedrijventerreinFactory(gemeente=apeldoorn, naam="Ecofactorij")
    BedrijventerreinFactory(gemeente=zwolle, naam="Hessenpoort")
    response = client.post(
        reverse("gebruiker-nieuw"),
        {"username": "a.devries", "rol": "gemeente", "gemeenten": ["GM0200"], "actief": "on", "wachtwoord": NIEUW_WACHTWOORD},
    )
    assert response.status_code == 302
    nieuw = User.objects.get(username="a.devries")
    assert rollen.rol_van(nieuw) == "gemeente" and not nieuw.is_staff
    assert list(Bedrijventerrein.objects.zichtbaar_voor(nieuw).values_list("naam", flat=True)) == ["Ecofactorij"]
    assert Gebeurtenis.objects.filter(actie="gebruiker_aangemaakt", actor=beheerder, object="account a.devries").exists()
    lijst = client.get(reverse("gebruiker-lijst")).content.decode()
    assert "a.devries" in lijst and "Apeldoorn" in lijst


@pytest.mark.parametrize(
    ("gegevens", "melding"),
    [
        ({"username": "x.y", "rol": "gemeente", "wachtwoord": NIEUW_WACHTWOORD}, "Kies minstens één gemeente"),
        (
            {"username": "x.y", "rol": "regisseur", "gemeenten": ["GM0200"], "wachtwoord": NIEUW_WACHTWOORD},
            "Alleen gemeentegebruikers",
        ),
        ({"username": "x y", "rol": "regisseur", "wachtwoord": NIEUW_WACHTWOORD}, "geen spaties"),
        ({"username": "x.y", "rol": "regisseur", "wachtwoord": "kort"}, "te kort"),
        ({"username": "x.y", "rol": "regisseur"}, "Dit veld is vereist"),
        ({"username": "x.y", "wachtwoord": NIEUW_WACHTWOORD}, "Dit veld is vereist"),
    ],
)
def test_bad_input_gets_a_dutch_error_and_writes_nothing(client, beheerder, twee_gemeenten, gegevens, melding):
    response = client.post(reverse("gebruiker-nieuw"), gegevens)
    assert response.status_code == 200
    assert melding in response.content.decode()
    assert not User.objects.filter(username__in=["x.y", "x y"]).exists()


def test_a_new_user_form_preselects_no_role(client, beheerder):
    formulier = client.get(reverse("gebruiker-nieuw")).context["form"]
    assert formulier["rol"].value() in (None, "")
    assert formulier.fields["rol"].choices[0][0] == ""


def test_deactivating_a_user_ends_their_sessions_at_once(client, beheerder, maak_gebruiker):
    regisseur = maak_gebruiker("regisseur")
    elders = Client()
    elders.post(reverse("login"), {"username": regisseur.username, "password": WACHTWOORD})
    assert elders.get(reverse("home")).status_code == 200
    response = client.post(
        reverse("gebruiker-bewerken", args=[regisseur.pk]), {"rol": "regisseur", "username": regisseur.username}
    )
    assert response.status_code == 302
    regisseur.refresh_from_db()
    assert not regisseur.is_active
    assert elders.get(reverse("home")).status_code == 302
    assert Gebeurtenis.objects.filter(actie="gebruiker_gedeactiveerd", object=f"account {regisseur.username}").exists()


def test_a_beheerder_cannot_lock_themselves_out(client, beheerder):
    response = client.post(
        reverse("gebruiker-bewerken", args=[beheerder.pk]), {"rol": "beheerder", "username": beheerder.username}
    )
    assert "U kunt uw eigen account niet deactiveren" in response.content.decode()
    beheerder.refresh_from_db()
    assert beheerder.is_active


def test_editing_without_a_password_keeps_the_password(client, beheerder, maak_gebruiker):
    medewerker = maak_gebruiker("medewerker")
    client.post(
        reverse("gebruiker-bewerken", args=[medewerker.pk]),
        {"username": medewerker.username, "rol": "regisseur", "actief": "on", "email": "m@voorbeeld.nl"},
    )
    medewerker.refresh_from_db()
    assert medewerker.check_password(WACHTWOORD) and medewerker.email == "m@voorbeeld.nl"
    assert rollen.rol_van(User.objects.get(pk=medewerker.pk)) == "regisseur"


def _csv(tmp_path, tekst, naam="gebruikers.csv"):
    pad = tmp_path / naam
    pad.write_bytes(tekst.encode("cp1252"))
    return pad


def test_import_users_creates_and_updates_users_from_a_dutch_excel_csv(twee_gemeenten, tmp_path, maak_gebruiker):
    maak_gebruiker("medewerker", username="b.bestaand")
    pad = _csv(
        tmp_path,
        "Gebruikersnaam;Rol;Gemeenten;E-mail;Voornaam;Achternaam;Actief\r\n"
        "j.jansen;gemeente;GM0200 GM0193;j@voorbeeld.nl;Jan;Jansen;ja\r\n"
        "b.bestaand;regisseur;;;;Béstaand;ja\r\n"
        "k.klaassen;medewerker;;;;;nee\r\n",
    )
    uitvoer = tmp_path / "wachtwoorden.csv"
    out = io.StringIO()
    call_command("import_users", str(pad), "--wachtwoorden", str(uitvoer), stdout=out)
    assert "nieuw 2, gewijzigd 1" in out.getvalue()
    jan = User.objects.get(username="j.jansen")
    assert sorted(jan.gemeente_toegang.values_list("gemeente__code", flat=True)) == ["GM0193", "GM0200"]
    assert User.objects.get(username="b.bestaand").last_name == "Béstaand"
    assert not User.objects.get(username="k.klaassen").is_active
    regels = uitvoer.read_text().splitlines()
    assert regels[0] == "gebruikersnaam;wachtwoord" and len(regels) == 3
    naam, wachtwoord = regels[1].split(";")
    assert User.objects.get(username=naam).check_password(wachtwoord)
    assert oct(uitvoer.stat().st_mode & 0o777) == "0o600"


def test_import_users_rejects_the_whole_file_when_one_row_is_wrong(twee_gemeenten, tmp_path):
    pad = _csv(tmp_path, "gebruikersnaam;rol;gemeenten\np.goed;medewerker;\nq.fout;gemeente;GM9999\nr.fout;baas;\n")
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("import_users", str(pad), stdout=out)
    tekst = out.getvalue()
    assert "rij 3, kolom 'gemeenten': onbekende gemeentecode(s): GM9999" in tekst
    assert "rij 4, kolom 'rol': onbekende rol 'baas'" in tekst and "Er is niets geschreven." in tekst
    assert not User.objects.filter(username__in=["p.goed", "q.fout", "r.fout"]).exists()


def test_import_users_dry_run_writes_nothing(twee_gemeenten, tmp_path):
    pad = _csv(tmp_path, "gebruikersnaam;rol\np.proef;medewerker\n")
    out = io.StringIO()
    call_command("import_users", str(pad), "--dry-run", stdout=out)
    assert "Proefimport" in out.getvalue() and "nieuw 1" in out.getvalue()
    assert not User.objects.filter(username="p.proef").exists()


@pytest.mark.django_db(transaction=True)
def test_create_user_reads_the_password_from_stdin(twee_gemeenten):
    db = settings.DATABASES["default"]
    omgeving = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "nal_oost.settings.test",
        "DATABASE_URL": f"postgis://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
    }
    resultaat = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "create_user",
            "s.script",
            "--role",
            "gemeente",
            "--gemeente",
            "GM0200",
            "--password-stdin",
        ],
        cwd=settings.BASE_DIR,
        input=f"{NIEUW_WACHTWOORD}\n",
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert resultaat.returncode == 0, resultaat.stderr
    assert User.objects.get(username="s.script").check_password(NIEUW_WACHTWOORD)
