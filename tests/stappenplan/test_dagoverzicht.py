import datetime as dt

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from nal_oost.celery import app
from stappenplan.models import OverzichtVerzending
from stappenplan.services import dagoverzichten_versturen
from stappenplan.tasks import dagoverzicht_versturen_taak
from tests.stappenplan.test_termijnen import _park_in_stap1


@pytest.fixture
def twee_regisseurs(maak_gebruiker):
    anna = maak_gebruiker("regisseur", username="anna")
    bram = maak_gebruiker("regisseur", username="bram")
    anna.email, bram.email = "anna@example.nl", "bram@example.nl"
    anna.save()
    bram.save()
    return anna, bram


@pytest.fixture
def parken(twee_gemeenten, twee_regisseurs):
    anna, bram = twee_regisseurs
    g = twee_gemeenten[0]
    _park_in_stap1("Annas te late terrein", g, anna, (2026, 1, 1))
    _park_in_stap1("Annas bijna-terrein", g, anna, (2026, 2, 10))
    _park_in_stap1("Annas rustige terrein", g, anna, (2026, 3, 1))
    _park_in_stap1("Brams te late terrein", g, bram, (2025, 11, 1))


@pytest.mark.django_db
def test_each_regisseur_gets_one_mail_with_only_their_overdue_and_soon_due_parks(parken, twee_regisseurs):
    uitkomst = dagoverzichten_versturen(vandaag=dt.date(2026, 3, 2))
    assert sorted(uitkomst["verstuurd"]) == ["anna", "bram"]
    per_ontvanger = {m.to[0]: m for m in mail.outbox}
    assert set(per_ontvanger) == {"anna@example.nl", "bram@example.nl"}
    anna = per_ontvanger["anna@example.nl"].body
    assert "Annas te late terrein" in anna and "Annas bijna-terrein" in anna
    assert "Annas rustige terrein" not in anna and "Brams" not in anna
    assert anna.index("Te laat") < anna.index("Annas te late terrein") < anna.index("Binnenkort klaar")
    assert per_ontvanger["anna@example.nl"].subject == "Stappenplan: 2 terrein(en) vragen aandacht"
    bram = per_ontvanger["bram@example.nl"].body
    assert "Brams te late terrein" in bram and "Annas" not in bram


@pytest.mark.django_db
def test_a_second_run_on_the_same_day_sends_nothing_and_regisseurs_without_address_are_skipped(parken, twee_regisseurs):
    bram = twee_regisseurs[1]
    bram.email = ""
    bram.save()
    dagoverzichten_versturen(vandaag=dt.date(2026, 3, 2))
    tweede = dagoverzichten_versturen(vandaag=dt.date(2026, 3, 2))
    assert len(mail.outbox) == 1
    assert tweede["verstuurd"] == [] and set(tweede["overgeslagen"]) == {"anna", "bram"}
    assert OverzichtVerzending.objects.count() == 1


@pytest.mark.celery
@pytest.mark.django_db(transaction=True)
def test_the_digest_task_runs_on_a_real_worker_and_mails_the_right_parks(parken, twee_regisseurs):
    assert app.conf.broker_url.startswith("redis://")
    assert "stappenplan-dagoverzicht" in app.conf.beat_schedule
    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
        uitkomst = dagoverzicht_versturen_taak.delay("2026-03-02").get(timeout=30)
        herhaald = dagoverzicht_versturen_taak.delay("2026-03-02").get(timeout=30)
    assert sorted(uitkomst["verstuurd"]) == ["anna", "bram"]
    assert herhaald["verstuurd"] == []
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.nl", "bram@example.nl"]
    bram = next(m for m in mail.outbox if m.to == ["bram@example.nl"])
    assert "Brams te late terrein" in bram.body and "Annas" not in bram.body
