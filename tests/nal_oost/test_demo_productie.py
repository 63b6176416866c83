"""load_demo refuses production settings unless asked for explicitly, and never gives a default password there."""

import os
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command

from nal_oost.demo import DEMO_WACHTWOORD
from terreinen.models import Bedrijventerrein, Gemeente

pytestmark = pytest.mark.django_db
STERK = "Kopje-Thee-Onder-De-Linde-8"


def niets_geladen():
    return not Gemeente.objects.exists() and not Bedrijventerrein.objects.exists() and not get_user_model().objects.exists()


def test_the_production_settings_module_is_recognised_and_refused_before_anything_is_written():
    omgeving = {k: v for k, v in os.environ.items() if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "NAL_DEMO_PASSWORD")}
    omgeving.update(DJANGO_SETTINGS_MODULE="nal_oost.settings.production", SECRET_KEY=secrets.token_urlsafe(60))
    # No database is reachable here: the refusal must come before any query.
    omgeving["DATABASE_URL"] = "postgis://niemand@127.0.0.1:1/bestaat_niet"
    uit = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "load_demo"],
        cwd=Path(settings.BASE_DIR),
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert uit.returncode != 0
    assert "productieomgeving" in uit.stderr and "--ook-in-productie" in uit.stderr
    assert "Traceback" not in uit.stderr


def test_production_without_the_flag_is_refused(settings):
    settings.NAL_PRODUCTIE = True
    with pytest.raises(CommandError, match="--ook-in-productie"):
        call_command("load_demo", stdout=StringIO())
    assert niets_geladen()


def test_production_with_the_flag_but_without_a_demo_password_is_refused(settings, monkeypatch):
    settings.NAL_PRODUCTIE = True
    monkeypatch.delenv("NAL_DEMO_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="NAL_DEMO_PASSWORD"):
        call_command("load_demo", "--ook-in-productie", stdout=StringIO())
    assert niets_geladen()


def test_a_weak_demo_password_is_refused_before_loading(settings, monkeypatch):
    settings.NAL_PRODUCTIE = True
    monkeypatch.setenv("NAL_DEMO_PASSWORD", "Zomer2026!!!")
    with pytest.raises(CommandError, match="te makkelijk te raden"):
        call_command("load_demo", "--ook-in-productie", stdout=StringIO())
    assert niets_geladen()


def test_a_deliberate_trial_in_production_uses_the_given_password_and_never_prints_it(settings, monkeypatch):
    settings.NAL_PRODUCTIE = True
    settings.NAL_DATA_DIR = ""  # the small synthetic region
    monkeypatch.setenv("NAL_DEMO_PASSWORD", STERK)
    uitvoer = StringIO()
    call_command("load_demo", "--ook-in-productie", stdout=uitvoer)
    assert authenticate(username="demo-beheerder", password=STERK) is not None
    assert authenticate(username="demo-beheerder", password=DEMO_WACHTWOORD) is None
    assert STERK not in uitvoer.getvalue() and "(gekozen)" in uitvoer.getvalue()


def test_outside_production_new_demo_users_still_get_the_default_password(settings, monkeypatch):
    settings.NAL_DATA_DIR = ""
    monkeypatch.delenv("NAL_DEMO_PASSWORD", raising=False)
    uitvoer = StringIO()
    call_command("load_demo", stdout=uitvoer)
    assert authenticate(username="demo-regisseur", password=DEMO_WACHTWOORD) is not None
    assert DEMO_WACHTWOORD in uitvoer.getvalue()
