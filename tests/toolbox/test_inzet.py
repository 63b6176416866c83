"""Recording the use of instruments on a park, and what the park page shows of it per role."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from stappenplan.models import Traject
from tests.factories import BedrijventerreinFactory, traject_zetten
from tests.toolbox.conftest import InstrumentFactory, inloggen
from toolbox.models import InstrumentInzet

pytestmark = pytest.mark.django_db

GISTEREN = timezone.localdate() - datetime.timedelta(days=1)


@pytest.fixture
def terreinen(twee_gemeenten):
    apeldoorn, zwolle = twee_gemeenten
    return BedrijventerreinFactory(gemeente=apeldoorn, naam="Ecofactorij"), BedrijventerreinFactory(
        gemeente=zwolle, naam="Hessenpoort"
    )


def _vastleggen(client, terrein, instrument, **velden):
    data = {"instrument": instrument.pk, "stap": 3, "datum": GISTEREN.isoformat(), "uitkomst": "", "notitie": ""}
    data.update(velden)
    return client.post(reverse("toolbox:inzet-vastleggen", args=[terrein.rin]), data)


def test_regisseur_records_use_and_the_park_page_lists_it(client, maak_gebruiker, terreinen):
    eigen, _ = terreinen
    regisseur = maak_gebruiker("regisseur")
    traject_zetten(terrein=eigen, stap=2, regisseur=regisseur)
    instrument = InstrumentFactory(titel="Intentieovereenkomst test", stappen=[2])
    inloggen(client, regisseur)

    response = _vastleggen(client, eigen, instrument, stap=2, uitkomst="Getekend door 6 bedrijven", notitie="Bedrijf X twijfelt")
    assert response.status_code == 302
    assert response["Location"] == reverse("terrein-detail", args=[eigen.rin]) + "#toolbox"
    inzet = InstrumentInzet.objects.get()
    assert (inzet.stap, inzet.ronde, inzet.vastgelegd_door, inzet.datum) == (2, 1, regisseur, GISTEREN)

    body = client.get(reverse("terrein-detail", args=[eigen.rin])).content.decode()
    assert "Getekend door 6 bedrijven" in body and "Bedrijf X twijfelt" in body
    assert "is vastgelegd" in body  # the confirmation message


def test_park_page_shows_the_instruments_for_the_current_step(client, maak_gebruiker, terreinen, zonder_seed):
    eigen, _ = terreinen
    traject_zetten(terrein=eigen, stap=4)
    InstrumentFactory(titel="Checklist financial close", stappen=[4])
    InstrumentFactory(titel="Uitnodiging startsessie", stappen=[2])
    inloggen(client, maak_gebruiker("medewerker"))
    response = client.get(reverse("terrein-detail", args=[eigen.rin]))
    [(_sectie, context)] = [(s, c) for s, c in response.context["secties"] if s.sleutel == "toolbox"]
    stappen = {s.stap: s for s in context["toolbox"].stappen}
    assert stappen[4].huidig and [i.titel for i in stappen[4].instrumenten] == ["Checklist financial close"]
    assert [i.titel for i in stappen[2].instrumenten] == ["Uitnodiging startsessie"]
    assert "form" not in context  # medewerker reads only
    assert "Gebruik vastleggen" not in response.content.decode()


def test_park_without_traject_starts_at_step_0(client, maak_gebruiker, terreinen):
    eigen, _ = terreinen
    # A park's traject starts at step 0 when the park is created (not when its page is first opened).
    assert Traject.objects.get(terrein=eigen).stap == 0
    inloggen(client, maak_gebruiker("regisseur"))
    body = client.get(reverse("terrein-detail", args=[eigen.rin])).content.decode()
    # The toolbox offers step 0's instruments.
    assert Traject.objects.get(terrein=eigen).stap == 0
    assert "Gebruik vastleggen" in body


def test_step_3_repeat_round_is_counted_and_visible(client, maak_gebruiker, terreinen):
    eigen, _ = terreinen
    traject_zetten(terrein=eigen, stap=3)
    potentie, mitigerend, subsidie = InstrumentFactory.create_batch(3, stappen=[3])
    inloggen(client, maak_gebruiker("regisseur"))

    _vastleggen(client, eigen, potentie, uitkomst="Geen goede oplossing")
    _vastleggen(client, eigen, mitigerend, opnieuw_ingezet="on", uitkomst="Tweede poging")
    _vastleggen(client, eigen, subsidie)  # joins the current round
    assert list(InstrumentInzet.objects.order_by("pk").values_list("ronde", "opnieuw_ingezet")) == [
        (1, False),
        (2, True),
        (2, False),
    ]
    body = client.get(reverse("terrein-detail", args=[eigen.rin])).content.decode()
    assert "Stap 3 wordt voor de 2e keer doorlopen" in body
    assert "ronde 2" in body and "toolbox opnieuw ingezet" in body


def test_a_new_round_outside_step_3_or_before_a_first_round_is_refused(client, maak_gebruiker, terreinen):
    eigen, _ = terreinen
    instrument = InstrumentFactory(stappen=[2, 3])
    inloggen(client, maak_gebruiker("regisseur"))
    body = _vastleggen(client, eigen, instrument, stap=2, opnieuw_ingezet="on").content.decode()
    assert "hoort bij stap 3" in body
    body = _vastleggen(client, eigen, instrument, stap=3, opnieuw_ingezet="on").content.decode()
    assert "leg eerst de eerste ronde vast" in body
    assert not InstrumentInzet.objects.exists()


def test_a_date_in_the_future_is_refused_and_nothing_is_written(client, maak_gebruiker, terreinen):
    eigen, _ = terreinen
    instrument = InstrumentFactory()
    inloggen(client, maak_gebruiker("regisseur"))
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    response = _vastleggen(client, eigen, instrument, datum=morgen.isoformat())
    assert response.status_code == 200
    assert "De datum ligt in de toekomst" in response.content.decode()
    assert "Er is niets opgeslagen" in response.content.decode()
    assert not InstrumentInzet.objects.exists()


@pytest.mark.parametrize("rol", ["medewerker", "gemeente"])
def test_reading_roles_may_not_record_use(client, maak_gebruiker, terreinen, rol):
    eigen, _ = terreinen
    instrument = InstrumentFactory()
    inloggen(client, maak_gebruiker(rol, *(["GM0200"] if rol == "gemeente" else [])))
    assert _vastleggen(client, eigen, instrument).status_code == 403
    assert client.get(reverse("toolbox:inzet-vastleggen", args=[eigen.rin])).status_code == 403
    assert not InstrumentInzet.objects.exists()


def test_gemeente_user_gets_404_for_a_park_elsewhere(client, maak_gebruiker, terreinen):
    _, elders = terreinen
    inloggen(client, maak_gebruiker("gemeente", "GM0200"))
    assert _vastleggen(client, elders, InstrumentFactory()).status_code == 404
    assert client.get(reverse("toolbox:zelfstandig-overzicht", args=[elders.rin])).status_code == 404


def test_gemeente_park_page_hides_notes_and_eigen_gebruik(client, maak_gebruiker, terreinen):
    eigen, _ = terreinen
    traject_zetten(terrein=eigen, stap=2)
    publiek = InstrumentFactory(titel="Uitnodiging voor de test", stappen=[2], doelgroepen=["bedrijven"])
    intern = InstrumentFactory(titel="Interne powerpoint", stappen=[2], doelgroepen=["eigen_gebruik"])
    for instrument in (publiek, intern):
        InstrumentInzet.objects.create(
            terrein=eigen, instrument=instrument, stap=2, datum=GISTEREN, uitkomst="Verstuurd", notitie="Geheime notitie"
        )
    inloggen(client, maak_gebruiker("gemeente", "GM0200"))
    body = client.get(reverse("terrein-detail", args=[eigen.rin])).content.decode()
    assert "Uitnodiging voor de test" in body and "Verstuurd" in body
    assert "Interne powerpoint" not in body
    assert "Geheime notitie" not in body
    assert "Gebruik vastleggen" not in body


def test_instrument_detail_shows_how_often_and_where_it_was_used(client, maak_gebruiker, terreinen):
    eigen, elders = terreinen
    instrument = InstrumentFactory(stappen=[1, 3])
    inloggen(client, maak_gebruiker("regisseur"))
    _vastleggen(client, eigen, instrument, stap=1)
    _vastleggen(client, elders, instrument, stap=3)
    _vastleggen(client, elders, instrument, stap=3)
    body = client.get(reverse("toolbox:instrument-detail", args=[instrument.slug])).content.decode()
    assert "3 keer, op 2 terreinen" in body
    assert "Ecofactorij" in body and "Hessenpoort" in body
    rij = next(i for i in client.get(reverse("toolbox:instrument-lijst")).context["instrumenten"] if i.pk == instrument.pk)
    assert (rij.aantal_inzetten, rij.aantal_terreinen) == (3, 2)


def test_zelfstandig_park_gets_a_printable_toolbox_for_the_later_steps(client, maak_gebruiker, terreinen, zonder_seed):
    eigen, _ = terreinen
    traject_zetten(terrein=eigen, stap=2, status="zelfstandig")
    InstrumentFactory(titel="Modelcontract voor de test", stappen=[4])
    InstrumentFactory(titel="Startsessie-agenda", stappen=[2])
    InstrumentFactory(titel="Intern draaiboek", stappen=[4], doelgroepen=["eigen_gebruik"])
    inloggen(client, maak_gebruiker("gemeente", "GM0200"))
    park = client.get(reverse("terrein-detail", args=[eigen.rin])).content.decode()
    overzicht_url = reverse("toolbox:zelfstandig-overzicht", args=[eigen.rin])
    assert overzicht_url in park
    body = client.get(overzicht_url).content.decode()
    assert "Modelcontract voor de test" in body
    assert "Startsessie-agenda" not in body  # the startsessie is behind the park
    assert "Intern draaiboek" not in body
    assert "Afdrukken of opslaan als PDF" in body


def test_regisseur_sees_eigen_gebruik_but_not_in_the_overview_for_the_park(client, maak_gebruiker, terreinen, zonder_seed):
    eigen, _ = terreinen
    InstrumentFactory(titel="Intern draaiboek", stappen=[4], doelgroepen=["eigen_gebruik"])
    inloggen(client, maak_gebruiker("regisseur"))
    assert "Intern draaiboek" in client.get(reverse("terrein-detail", args=[eigen.rin])).content.decode()
    assert "Intern draaiboek" not in client.get(reverse("toolbox:zelfstandig-overzicht", args=[eigen.rin])).content.decode()
