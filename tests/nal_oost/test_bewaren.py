"""Kept pages (nal_oost/bewaren.py): served again while nothing changed, never after a write, never to another viewer."""

import io
import os
import re
import subprocess
import sys
import time

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.db import connection, models, transaction
from django.db.models import F
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from nal_oost import bewaren
from stappenplan.models import Traject
from terreinen.models import Bedrijventerrein
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, traject_zetten

BEWAARDE_SCHERMEN = ("terrein-detail", "terrein-lijst", "terrein-export")


@pytest.fixture
def park(twee_gemeenten):
    apeldoorn, _zwolle = twee_gemeenten
    terrein = BedrijventerreinFactory(gemeente=apeldoorn, naam="Ecofactorij", rin=101)
    traject_zetten(terrein=terrein, stap=2, status="actief")
    return terrein


def ingelogd(user, **kwargs) -> Client:
    client = Client(**kwargs)
    assert client.login(username=user.username, password=WACHTWOORD)
    return client


def paden(terrein) -> dict[str, str]:
    return {
        "terrein-detail": reverse("terrein-detail", args=[terrein.rin]),
        "terrein-lijst": reverse("terrein-lijst"),
        "terrein-export": reverse("terrein-export", args=["csv"]),
    }


def zonder_csrf(inhoud: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", inhoud)


@pytest.mark.django_db
@pytest.mark.parametrize("scherm", BEWAARDE_SCHERMEN)
def test_a_second_view_is_served_from_the_kept_answer_with_the_same_content(park, maak_gebruiker, scherm):
    assert settings.NAL_BEWAARDE_PAGINAS is True  # the test settings run on Redis, as production does
    client = ingelogd(maak_gebruiker("regisseur"))
    pad = paden(park)[scherm]
    eerste = client.get(pad)
    assert eerste.status_code == 200
    with CaptureQueriesContext(connection) as vragen:
        tweede = client.get(pad)
    assert tweede.status_code == 200
    assert zonder_csrf(tweede.content) == zonder_csrf(eerste.content)
    assert tweede["Content-Type"] == eerste["Content-Type"]
    assert tweede.get("Content-Disposition") == eerste.get("Content-Disposition")
    # Only the session and the user are read: nothing of the page is built again.
    assert len(vragen) <= 2, [q["sql"] for q in vragen]
    assert "Ecofactorij" in tweede.content.decode("utf-8-sig")


@pytest.mark.django_db
def test_a_save_is_seen_on_the_next_view(park, maak_gebruiker):
    client = ingelogd(maak_gebruiker("regisseur"))
    pad = paden(park)["terrein-detail"]
    assert "Ecofactorij Oost" not in client.get(pad).content.decode()
    park.naam = "Ecofactorij Oost"
    park.save()
    assert "Ecofactorij Oost" in client.get(pad).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "schrijven",
    [
        pytest.param(lambda t: Bedrijventerrein.objects.filter(pk=t.pk).update(naam="Nieuwe naam"), id="bulk update"),
        pytest.param(lambda t: Traject.objects.filter(terrein=t).update(stap=4), id="update elsewhere"),
        pytest.param(
            lambda t: BedrijventerreinFactory._meta.model.objects.bulk_create(
                [BedrijventerreinFactory.build(gemeente=t.gemeente, rin=999, naam="Erbij")]
            ),
            id="bulk create",
        ),
        pytest.param(lambda t: connection.cursor().execute("UPDATE terreinen_bedrijventerrein SET naam = 'Rauw'"), id="raw SQL"),
    ],
)
def test_every_kind_of_write_raises_the_data_version(park, schrijven):
    voor = bewaren.gegevensversie()
    bewaren._bewaard_sinds_verhoging = True  # as after a kept page: the write is seen at once, in the transaction
    schrijven(park)
    assert bewaren.gegevensversie() != voor


def _modellen_met_veld():
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        veld = next((v for v in model._meta.concrete_fields if not v.primary_key and not isinstance(v, models.ForeignKey)), None)
        if veld is not None:
            yield pytest.param(model, veld, id=model._meta.label)


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "veld"), list(_modellen_met_veld()))
def test_a_write_to_any_table_raises_the_version_except_the_tables_written_while_reading(model, veld):
    """Derived from every model: a new model is covered without anyone adding it here."""
    voor = bewaren.gegevensversie()
    bewaren._bewaard_sinds_verhoging = True
    model._base_manager.filter(pk__isnull=True).update(**{veld.attname: F(veld.attname)})
    if model._meta.db_table in bewaren.VRIJE_TABELLEN:
        assert bewaren.gegevensversie() == voor
    else:
        assert bewaren.gegevensversie() != voor


def test_emptying_tables_is_a_change_whichever_table_is_named_first():
    assert bewaren.is_schrijven('TRUNCATE "axes_accessattempt", "terreinen_bedrijventerrein";')
    assert bewaren.is_schrijven('UPDATE "terreinen_bedrijventerrein" SET "naam" = %s')
    assert not bewaren.is_schrijven('UPDATE "django_session" SET "expire_date" = %s')
    assert not bewaren.is_schrijven('SELECT "naam" FROM "terreinen_bedrijventerrein" FOR UPDATE')


def test_every_table_written_while_reading_exists():
    tabellen = {m._meta.db_table for m in apps.get_models()}
    assert tabellen >= bewaren.VRIJE_TABELLEN


@pytest.mark.django_db(transaction=True)
def test_in_a_transaction_the_version_rises_when_the_write_commits_and_not_for_a_rollback(twee_gemeenten):
    apeldoorn, _zwolle = twee_gemeenten
    bewaren._bewaard_sinds_verhoging = False
    voor = bewaren.gegevensversie()
    with transaction.atomic():
        BedrijventerreinFactory(gemeente=apeldoorn, rin=501)
        assert bewaren.gegevensversie() == voor  # others still see the old data: their kept pages are right
    na_commit = bewaren.gegevensversie()
    assert na_commit != voor
    with pytest.raises(RuntimeError), transaction.atomic():
        BedrijventerreinFactory(gemeente=apeldoorn, rin=502)
        raise RuntimeError
    assert bewaren.gegevensversie() == na_commit


@pytest.mark.django_db
def test_reading_the_kept_screens_writes_nothing_that_would_end_their_keeping(park, maak_gebruiker):
    client = ingelogd(maak_gebruiker("regisseur"))
    for pad in paden(park).values():
        client.get(pad)
    versie = bewaren.gegevensversie()
    for pad in paden(park).values():
        client.get(pad)
    assert bewaren.gegevensversie() == versie


@pytest.mark.django_db
@pytest.mark.parametrize("scherm", BEWAARDE_SCHERMEN)
def test_a_kept_answer_is_never_served_to_another_viewer(park, maak_gebruiker, scherm):
    """Each viewer gets exactly what a page built for them shows, whoever's answer was kept before."""
    pad = paden(park)[scherm] + ("?kolommen=alle" if scherm == "terrein-export" else "")
    kijkers = [
        ingelogd(maak_gebruiker("beheerder")),
        ingelogd(maak_gebruiker("regisseur")),
        ingelogd(maak_gebruiker("gemeente", "GM0200")),
        ingelogd(maak_gebruiker("gemeente", "GM0193")),
    ]
    bewaard_antwoord = [zonder_csrf(k.get(pad).content) for k in kijkers]
    with override_settings(NAL_BEWAARDE_PAGINAS=False):
        vers = [zonder_csrf(k.get(pad).content) for k in kijkers]
    assert bewaard_antwoord == vers
    assert len(set(vers)) == len(vers) or scherm == "terrein-export"  # the pages differ: they name their viewer
    # Outside the viewer's municipalities the park page stays a 404, also after it was kept for others.
    if scherm == "terrein-detail":
        assert kijkers[3].get(pad).status_code == 404


@pytest.mark.django_db
def test_a_kept_page_holds_no_csrf_token_and_its_forms_post_with_the_viewers_own(park, maak_gebruiker, rf):
    regisseur = maak_gebruiker("regisseur")
    client = ingelogd(regisseur, enforce_csrf_checks=True)
    pad = paden(park)["terrein-detail"]
    client.get(pad)
    request = rf.get(pad)
    request.user = regisseur
    inhoud, _koppen, plek = caches[bewaren.CACHE].get(bewaren._paginasleutel(request, bewaren.gegevensversie()))
    assert b'name="csrfmiddlewaretoken" value="' + plek + b'"' in inhoud
    assert not re.search(rb'name="csrfmiddlewaretoken" value="(?!' + re.escape(plek) + rb'")', inhoud)

    andere = ingelogd(maak_gebruiker("regisseur", username="regisseur-twee"), enforce_csrf_checks=True)
    for bezoeker in (client, andere):
        html = bezoeker.get(pad).content.decode()
        tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))
        assert len(tokens) == 1 and plek.decode() not in html
        # The log-out form in the kept page's header posts with the token it was served with.
        assert bezoeker.post(reverse("logout"), {"csrfmiddlewaretoken": tokens.pop()}).status_code == 302


@pytest.mark.django_db
def test_text_a_user_typed_is_never_taken_for_the_token_placeholder(park, maak_gebruiker):
    park.naam = "nal-csrf-0123456789abcdef01234567 @@nal-csrf@@"
    park.save()
    client = ingelogd(maak_gebruiker("regisseur"))
    pad = paden(park)["terrein-detail"]
    client.get(pad)
    assert park.naam in client.get(pad).content.decode()


@pytest.mark.django_db
def test_a_page_with_a_message_waiting_is_built_with_the_message_and_kept_again_after(park, maak_gebruiker):
    client = ingelogd(maak_gebruiker("regisseur"))
    pad = paden(park)["terrein-detail"]
    client.get(pad)
    opslag = CookieStorage(RequestFactory().get(pad))
    opslag.add(constants.SUCCESS, "Stap gezet naar 3.")
    antwoord = HttpResponse()
    opslag.update(antwoord)
    client.cookies[opslag.cookie_name] = antwoord.cookies[opslag.cookie_name].value
    assert "Stap gezet naar 3." in client.get(pad).content.decode()
    assert "Stap gezet naar 3." not in client.get(pad).content.decode()


@pytest.mark.django_db
def test_without_the_cache_the_page_is_built_as_usual(park, maak_gebruiker):
    client = ingelogd(maak_gebruiker("regisseur"))
    weg = {**settings.CACHES, bewaren.CACHE: {**settings.CACHES[bewaren.CACHE], "LOCATION": "redis://127.0.0.1:1/0"}}
    with override_settings(CACHES=weg):
        antwoord = client.get(paden(park)["terrein-detail"])
    assert antwoord.status_code == 200 and "Ecofactorij" in antwoord.content.decode()


@pytest.mark.django_db
def test_a_rise_missed_while_the_cache_was_away_is_made_before_anything_kept_is_served_again(park, maak_gebruiker, monkeypatch):
    client = ingelogd(maak_gebruiker("regisseur"))
    pad = paden(park)["terrein-detail"]
    client.get(pad)
    voor = bewaren.gegevensversie()
    weg = {**settings.CACHES, bewaren.CACHE: {**settings.CACHES[bewaren.CACHE], "LOCATION": "redis://127.0.0.1:1/0"}}
    with override_settings(CACHES=weg):
        Bedrijventerrein.objects.filter(pk=park.pk).update(naam="Ecofactorij Zuid")
        begin = time.monotonic()
        Bedrijventerrein.objects.filter(pk=park.pk).update(naam="Ecofactorij Zuid")
        Bedrijventerrein.objects.filter(pk=park.pk).update(naam="Ecofactorij Zuid")
        assert time.monotonic() - begin < 0.5  # further writes do not each wait for the cache
        assert "Ecofactorij Zuid" in client.get(pad).content.decode()  # built: nothing kept can be read
    monkeypatch.setattr(bewaren, "_volgende_poging", 0.0)  # the retry interval has passed
    assert "Ecofactorij Zuid" in client.get(pad).content.decode()
    assert bewaren.gegevensversie() != voor


@pytest.mark.django_db(transaction=True)
def test_a_write_in_another_process_is_seen_by_this_one(park, maak_gebruiker):
    """The worker and the other web processes write through their own connections: the version is shared."""
    client = ingelogd(maak_gebruiker("regisseur"))
    pad = paden(park)["terrein-detail"]
    assert "Ecofactorij West" not in client.get(pad).content.decode()
    db = connection.settings_dict
    wachtwoord = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nal_oost.settings.test",
        "DATABASE_URL": f"postgis://{db['USER']}{wachtwoord}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
    }
    code = "from terreinen.models import Bedrijventerrein as B; B.objects.filter(rin=101).update(naam='Ecofactorij West')"
    subprocess.run([sys.executable, "manage.py", "shell", "-c", code], check=True, cwd=settings.BASE_DIR, env=omgeving)
    assert "Ecofactorij West" in client.get(pad).content.decode()


@pytest.mark.django_db
def test_the_command_ends_every_kept_page_and_says_so_when_redis_is_away(park, maak_gebruiker, monkeypatch):
    client = ingelogd(maak_gebruiker("regisseur"))
    pad = paden(park)["terrein-detail"]
    client.get(pad)
    # As a write past the app (psql): in this test's transaction the version would only rise at a commit.
    bewaren._bewaard_sinds_verhoging = False
    connection.cursor().execute("UPDATE terreinen_bedrijventerrein SET naam = 'Ecofactorij Noord'")
    assert "Ecofactorij Noord" not in client.get(pad).content.decode()  # the kept page
    call_command("bewaarde_paginas_vernieuwen", stdout=io.StringIO())
    assert "Ecofactorij Noord" in client.get(pad).content.decode()
    monkeypatch.setattr(bewaren, "_verhoging_open", False)  # restored after the test
    weg = {**settings.CACHES, bewaren.CACHE: {**settings.CACHES[bewaren.CACHE], "LOCATION": "redis://127.0.0.1:1/0"}}
    with override_settings(CACHES=weg), pytest.raises(CommandError, match="Redis is niet bereikbaar"):
        call_command("bewaarde_paginas_vernieuwen", stdout=io.StringIO())
