"""Every path that locks rows (select_for_update), run as deployed: no test transaction around the request.

Requests are not atomic (ATOMIC_REQUESTS is off, see nal_oost/settings/base.py), so each service that
locks rows must open its own transaction. Inside a test transaction a missing one goes unnoticed;
`django_db(transaction=True)` runs the request in autocommit mode, exactly as gunicorn does, and a lock
outside a transaction raises TransactionManagementError (a 500) here too.
"""

import datetime as dt
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import Gebeurtenis
from factsheets.models import Factsheet
from plankaarten.models import Plankaart, PlankaartVersie
from prioritering.models import Afwegingskader
from stappenplan.models import CHECKLIST_ACHTERGROND, StapOvergang
from stappenplan.services import traject_gegevens_opslaan
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, InstrumentFactory, PlankaartFactory, traject_zetten
from tests.factsheets.conftest import plankaart_voor
from toolbox.models import InstrumentInzet, InstrumentVersie

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def lege_wachtrij():
    """Tasks queued on commit by these tests (recomputations) are not left for a later worker."""
    yield
    from nal_oost.celery import app

    app.control.purge()


def code(apparaat: TOTPDevice, verschuiving: int = 0) -> str:
    return f"{totp(apparaat.bin_key, step=apparaat.step, t0=apparaat.t0, digits=apparaat.digits, drift=verschuiving):06d}"


def inloggen(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": WACHTWOORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


@override_settings(NAL_2FA_VERPLICHT=True, OTP_TOTP_THROTTLE_FACTOR=0)
def test_staff_enrol_log_out_and_log_in_again_with_a_fresh_code(maak_gebruiker):
    user = maak_gebruiker("beheerder")
    client = inloggen(Client(), user)
    assert client.get(reverse("home"))["Location"].startswith(reverse("tweefactor-instellen"))
    client.get(reverse("tweefactor-instellen"))
    apparaat = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post(reverse("tweefactor-instellen"), {"token": code(apparaat)}).status_code == 302
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("logout"))

    # A second session, as the next working day: the password alone does not let the user in.
    client = inloggen(Client(), user)
    assert client.get(reverse("home"))["Location"].startswith(reverse("tweefactor-verifieren"))
    apparaat.refresh_from_db()
    verkeerd = f"{(int(code(apparaat, 1)) + 1) % 1_000_000:06d}"
    fout = client.post(reverse("tweefactor-verifieren"), {"token": verkeerd})
    assert fout.status_code == 200 and "klopt niet" in fout.content.decode()
    assert client.get(reverse("home")).status_code == 302
    assert Gebeurtenis.objects.filter(actie="tweefactor", resultaat="mislukt", actor=user).count() == 1

    # The code of the next time step: the enrolment code may not be used twice.
    goed = client.post(reverse("tweefactor-verifieren"), {"token": code(apparaat, 1), "next": reverse("aannames")})
    assert goed.status_code == 302 and goed["Location"] == reverse("aannames")
    assert client.get(reverse("home")).status_code == 200
    assert Gebeurtenis.objects.filter(actie="tweefactor", resultaat="gelukt", actor=user).count() == 1


def test_regisseur_moves_a_park_one_step_through_the_form(maak_gebruiker, twee_gemeenten):
    regisseur = maak_gebruiker("regisseur")
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0])
    PlankaartFactory(terrein=terrein)
    traject = traject_zetten(terrein=terrein, regisseur=regisseur)
    traject_gegevens_opslaan(
        traject=traject,
        user=regisseur,
        gegevens={"checklist_achtergrond": [s for s, _ in CHECKLIST_ACHTERGROND], "eerste_contact_op": dt.date(2026, 1, 15)},
    )
    client = inloggen(Client(), regisseur)
    url = reverse("stap-overgang", args=[terrein.rin, "inventarisatie_afronden"])
    response = client.post(url, {"versie": 0})
    assert response.status_code == 302
    traject.refresh_from_db()
    assert traject.stap == 1 and StapOvergang.objects.filter(traject=traject).count() == 1


def test_beheerder_saves_new_weights_through_the_form(maak_gebruiker):
    client = inloggen(Client(), maak_gebruiker("beheerder"))
    form = client.get(reverse("prioritering:kader-nieuw")).context["form"]
    data = {naam: form.initial.get(naam) for naam in form.fields}
    data.update({"punten__warme_contacten__ja": 25, "toelichting": "Warme contacten wegen zwaarder"})
    data.update(drempel_middel_kw="", drempel_hoog_kw="")
    vorige = Afwegingskader.objects.order_by("-versie").first().versie
    response = client.post(reverse("prioritering:kader-nieuw"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Afwegingskader.objects.order_by("-versie").first().versie == vorige + 1


def test_beheerder_uploads_a_new_toolbox_version_through_the_form(maak_gebruiker):
    instrument = InstrumentFactory(titel="Handreiking transacties", slug="handreiking-transacties")
    client = inloggen(Client(), maak_gebruiker("beheerder"))
    url = reverse("toolbox:versie-nieuw", args=[instrument.slug])
    for _ in range(2):
        bestand = SimpleUploadedFile("handreiking.txt", b"Handreiking laadplein\n")
        assert client.post(url, {"bestand": bestand, "toelichting": "bijgewerkt"}).status_code == 302
    assert list(InstrumentVersie.objects.filter(instrument=instrument).values_list("nummer", flat=True).order_by("nummer")) == [
        1,
        2,
    ]


def test_regisseur_records_a_new_round_in_step_3_through_the_form(maak_gebruiker, twee_gemeenten):
    regisseur = maak_gebruiker("regisseur")
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0])
    traject_zetten(terrein=terrein, stap=3, regisseur=regisseur)
    instrument = InstrumentFactory(titel="Marktconsultatie transacties", stappen=[3])
    client = inloggen(Client(), regisseur)
    gisteren = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    url = reverse("toolbox:inzet-vastleggen", args=[terrein.rin])
    data = {"instrument": instrument.pk, "stap": 3, "datum": gisteren, "uitkomst": "", "notitie": ""}
    assert client.post(url, data).status_code == 302
    assert client.post(url, {**data, "opnieuw_ingezet": "on"}).status_code == 302
    assert sorted(InstrumentInzet.objects.filter(terrein=terrein).values_list("ronde", flat=True)) == [1, 2]


def test_plankaart_import_command_numbers_its_version_outside_a_test_transaction(tmp_path, twee_gemeenten):
    # No view imports plankaarten: the command is the entry point that takes the version lock.
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0])
    pad = tmp_path / "plankaart.csv"
    pad.write_text(f"rin,zichtjaar,scenario,laadvermogen_kw\n{terrein.rin},2030,midden,1200\n", encoding="utf-8")
    call_command("import_plankaarten", str(pad), stdout=StringIO())
    assert PlankaartVersie.objects.filter(bestandsnaam="plankaart.csv").count() == 1
    assert Plankaart.objects.filter(terrein=terrein, actueel=True).count() == 1


def test_factsheet_run_renders_outside_a_test_transaction(twee_gemeenten):
    # Views only queue factsheets; the run (worker or --sync) takes the locks.
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0])
    plankaart_voor(terrein)
    call_command("render_factsheets", "--sync", stdout=StringIO())
    assert Factsheet.objects.filter(terrein=terrein).count() == 2
