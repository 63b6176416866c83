import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

BASIS = Path(settings.BASE_DIR)


# The browser fixture allows Django's ORM under Playwright's event loop; a deployment never does.
def zonder_testvlaggen() -> dict:
    return {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}


def test_production_settings_pass_check_deploy_without_any_warning():
    omgeving = {
        **zonder_testvlaggen(),
        "DJANGO_SETTINGS_MODULE": "nal_oost.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "x",
    }
    resultaat = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASIS,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
    )
    uitvoer = resultaat.stdout + resultaat.stderr
    assert resultaat.returncode == 0, uitvoer
    assert "System check identified no issues" in uitvoer and "WARNINGS" not in uitvoer


def test_production_refuses_to_start_without_a_secret_key():
    omgeving = {k: v for k, v in zonder_testvlaggen().items() if k != "SECRET_KEY"}
    omgeving["DJANGO_SETTINGS_MODULE"] = "nal_oost.settings.production"
    resultaat = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=BASIS, env=omgeving, capture_output=True, text=True, timeout=120
    )
    assert resultaat.returncode != 0 and "SECRET_KEY must be set" in resultaat.stderr


def test_production_requires_two_factor_and_dev_does_not():
    code = "from django.conf import settings; print(settings.NAL_2FA_VERPLICHT)"
    for module, verwacht in (("production", "True"), ("dev", "False")):
        omgeving = {**zonder_testvlaggen(), "DJANGO_SETTINGS_MODULE": f"nal_oost.settings.{module}", "SECRET_KEY": "x" * 60}
        omgeving.pop("NAL_2FA_VERPLICHT", None)
        uit = subprocess.run(  # noqa: S603 - our own settings module, no user input
            [sys.executable, "-c", f"import django; django.setup(); {code}"],
            cwd=BASIS,
            env=omgeving,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert uit.stdout.strip() == verwacht, uit.stderr


@pytest.mark.django_db
def test_every_page_sends_the_security_headers(client):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def _sjablonen():
    mappen = [BASIS / "templates", *BASIS.glob("*/templates")]
    return sorted(p for map_ in mappen for p in map_.rglob("*.html"))


@pytest.mark.parametrize("sjabloon", _sjablonen(), ids=lambda p: str(p.relative_to(BASIS)))
def test_templates_have_no_inline_scripts_styles_or_event_handlers(sjabloon):
    tekst = sjabloon.read_text(encoding="utf-8")
    inline_script = [m.group(0) for m in re.finditer(r"<script\b[^>]*>", tekst, re.I) if "src=" not in m.group(0)]
    assert not inline_script, f"inline <script> in {sjabloon}"
    assert not re.search(r"<style\b", tekst, re.I), f"<style> in {sjabloon}"
    assert not re.search(r"\sstyle\s*=", tekst, re.I), f"style attribute in {sjabloon}"
    assert not re.search(r"\son[a-z]+\s*=", tekst, re.I), f"inline event handler in {sjabloon}"
    assert "javascript:" not in tekst.lower(), f"javascript: URL in {sjabloon}"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_browser_reports_no_content_security_policy_violations(inloggen, maak_gebruiker, twee_gemeenten):
    from tests.factories import BedrijventerreinFactory

    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam="Ecofactorij")
    terrein.bereikbaarheid = "goed"
    terrein.save()
    pagina = inloggen(maak_gebruiker("beheerder"))
    schendingen = []
    pagina.on("console", lambda m: schendingen.append(m.text) if "Content Security Policy" in m.text else None)
    for pad in (
        "/",
        reverse("terrein-detail", args=[terrein.rin]),
        reverse("aannames"),
        reverse("account"),
        reverse("tweefactor-instellen"),
        reverse("gebruiker-lijst"),
        reverse("gebruiker-nieuw"),
        reverse("admin:index"),
        reverse("admin:terreinen_bedrijventerrein_change", args=[terrein.pk]),
    ):
        pagina.goto(pad)
        pagina.wait_for_load_state("load")
    pagina.goto(reverse("tweefactor-instellen"))
    qr = pagina.get_by_role("img", name="QR-code voor uw authenticator-app")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    assert not schendingen, schendingen
