"""Pages of the prioritisation per role: ranking, weights, selection rounds, exports, park and dashboard sections."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from nal_oost.secties import dashboard_secties
from prioritering import services
from prioritering.models import Afwegingskader, Berekening, Selectieronde
from terreinen.models import Bedrijventerrein
from tests.conftest import WACHTWOORD

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(username=user.username, password=WACHTWOORD)


@pytest.fixture
def regio(twee_gemeenten, maak_terrein):
    apeldoorn, zwolle = twee_gemeenten
    parken = {
        "Ecofactorij": maak_terrein(gemeente=apeldoorn, naam="Ecofactorij", kw_2030=900, kw_2035=9000, groot=True),
        "Apeldoorn-Noord": maak_terrein(gemeente=apeldoorn, naam="Apeldoorn-Noord", kw_2030=800, kw_2035=100, klein=True),
        "Hessenpoort": maak_terrein(gemeente=zwolle, naam="Hessenpoort", kw_2030=700, kw_2035=5000, parkmanagement=True),
        "Voorst": maak_terrein(gemeente=apeldoorn, naam="Voorst", kw_2030=10, kw_2035=10),
        "Zonder cijfers": maak_terrein(gemeente=zwolle, naam="Zonder cijfers"),
    }
    services.prioriteiten_berekenen()
    return parken


def test_ranking_shows_scores_breakdown_and_when_they_were_computed(client, regio, maak_gebruiker):
    services.berekening_uitvoeren(berekening_id=services.berekening_inplannen(aanleiding="handmatig").pk)
    login(client, maak_gebruiker("medewerker"))
    body = client.get(reverse("prioritering:ranglijst")).content.decode()
    assert body.index("Ecofactorij") < body.index("Hessenpoort") < body.index("Zonder cijfers")
    assert "Scores laatst berekend op" in body
    assert "2035-vraag in paretoset" in body and "Geen actuele plankaart: onderaan gerangschikt." in body
    assert "onbekend" in body


def test_ranking_says_a_recomputation_is_running(client, regio, maak_gebruiker):
    Berekening.objects.create(aanleiding="import", status="bezig")
    login(client, maak_gebruiker("regisseur"))
    body = client.get(reverse("prioritering:ranglijst")).content.decode()
    assert "Er loopt nu een herberekening." in body
    assert client.get(reverse("prioritering:status")).json()["lopend"] is True


def test_gemeente_user_sees_only_own_parks_in_the_ranking(client, regio, maak_gebruiker):
    login(client, maak_gebruiker("gemeente", "GM0200"))
    body = client.get(reverse("prioritering:ranglijst")).content.decode()
    assert "Ecofactorij" in body and "Hessenpoort" not in body and "Zonder cijfers" not in body
    assert "Nu opnieuw berekenen" not in body
    assert client.post(reverse("prioritering:herberekenen")).status_code == 403


def test_park_page_shows_score_and_breakdown_and_gemeente_gets_404_elsewhere(client, regio, maak_gebruiker):
    login(client, maak_gebruiker("gemeente", "GM0200"))
    body = client.get(reverse("terrein-detail", args=[regio["Ecofactorij"].rin])).content.decode()
    assert "Prioriteit" in body and "rang 1 in de regio" in body and "Opbouw van de score" in body
    assert client.get(reverse("terrein-detail", args=[regio["Hessenpoort"].rin])).status_code == 404


def test_park_page_explains_a_park_without_plankaart(client, regio, maak_gebruiker):
    login(client, maak_gebruiker("regisseur"))
    body = client.get(reverse("terrein-detail", args=[regio["Zonder cijfers"].rin])).content.decode()
    assert "geen actuele plankaart (midden-scenario) en staat daarom onderaan" in body


def test_ranking_page_query_count_does_not_grow_with_the_number_of_parks(client, twee_gemeenten, maak_terrein, maak_gebruiker):
    login(client, maak_gebruiker("gemeente", "GM0200"))
    apeldoorn, _ = twee_gemeenten

    def tel():
        services.prioriteiten_berekenen()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("prioritering:ranglijst")).status_code == 200
        return len(ctx.captured_queries)

    for i in range(3):
        maak_terrein(gemeente=apeldoorn, kw_2030=i + 1, kw_2035=i + 1)
    drie = tel()
    for i in range(27):
        maak_terrein(gemeente=apeldoorn, kw_2030=i + 1, kw_2035=i + 1)
    assert tel() == drie


def test_dashboard_section_lists_top_priorities_within_scope(regio, maak_gebruiker, rf):
    gebruiker = maak_gebruiker("gemeente", "GM0193")
    verzoek = rf.get("/")
    verzoek.user = gebruiker
    secties = {s.sleutel: c for s, c in dashboard_secties(verzoek, Bedrijventerrein.objects.zichtbaar_voor(gebruiker))}
    namen = [p.terrein.naam for p in secties["prioriteiten"]["top"]]
    assert namen == ["Hessenpoort", "Zonder cijfers"]


def test_weights_are_readable_by_everyone_and_only_beheerder_makes_a_new_version(client, regio, maak_gebruiker):
    login(client, maak_gebruiker("gemeente", "GM0200"))
    assert "Vermogensvraag 2030" in client.get(reverse("prioritering:kader-detail", args=[1])).content.decode()
    for rol in ("gemeente", "medewerker", "regisseur"):
        login(client, maak_gebruiker(rol, *(["GM0200"] if rol == "gemeente" else [])))
        assert client.get(reverse("prioritering:kader-nieuw")).status_code == 403
    login(client, maak_gebruiker("beheerder"))
    form = client.get(reverse("prioritering:kader-nieuw")).context["form"]
    data = {naam: form.initial.get(naam) for naam in form.fields}
    data.update({"punten__warme_contacten__ja": 25, "toelichting": "Warme contacten wegen zwaarder"})
    data.update(drempel_middel_kw="", drempel_hoog_kw="")
    response = client.post(reverse("prioritering:kader-nieuw"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    nieuw = Afwegingskader.objects.get(versie=2)
    assert nieuw.gewichten["warme_contacten"]["ja"] == 25
    assert Afwegingskader.objects.get(versie=1).gewichten["warme_contacten"]["ja"] == 10
    lijst = client.get(reverse("prioritering:kader-lijst")).content.decode()
    assert "Versie 2" in lijst and "Versie 1" in lijst and "Warme contacten wegen zwaarder" in lijst


def test_invalid_weights_form_shows_a_dutch_error_and_writes_nothing(client, regio, maak_gebruiker):
    login(client, maak_gebruiker("beheerder"))
    form = client.get(reverse("prioritering:kader-nieuw")).context["form"]
    data = {naam: form.initial.get(naam) for naam in form.fields}
    data.update({"vraagklasse_methode": "drempels", "drempel_middel_kw": "500", "drempel_hoog_kw": "100", "toelichting": "x"})
    body = client.post(reverse("prioritering:kader-nieuw"), data).content.decode()
    assert "moet boven de grens" in body
    assert Afwegingskader.objects.count() == 1


def test_selection_rounds_are_404_for_gemeente_and_read_only_for_medewerker(client, regio, maak_gebruiker):
    ronde = services.selectieronde_maken(naam="Ronde 1", aantal=2)
    login(client, maak_gebruiker("gemeente", "GM0200"))
    assert client.get(reverse("prioritering:ronde-lijst")).status_code == 404
    assert client.get(reverse("prioritering:ronde-detail", args=[ronde.pk])).status_code == 404
    assert client.get(reverse("prioritering:ronde-export", args=[ronde.pk, "csv"])).status_code == 404
    login(client, maak_gebruiker("medewerker"))
    assert "Ronde 1" in client.get(reverse("prioritering:ronde-lijst")).content.decode()
    assert client.post(reverse("prioritering:ronde-lijst"), {"naam": "x", "aantal": 2}).status_code == 403


def test_regisseur_makes_a_round_saved_with_weights_version_and_reasons(client, regio, maak_gebruiker):
    login(client, maak_gebruiker("regisseur"))
    response = client.post(reverse("prioritering:ronde-lijst"), {"naam": "Startronde 2026", "aantal": 3, "toelichting": ""})
    ronde = Selectieronde.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("prioritering:ronde-detail", args=[ronde.pk])
    assert ronde.kader.versie == 1
    body = client.get(response["Location"]).content.decode()
    assert "Startronde 2026" in body and "Wat niet gehaald kon worden" in body
    assert all(k.reden for k in ronde.keuzes.all())


def test_a_round_without_candidates_gives_a_clear_error(client, maak_gebruiker):
    login(client, maak_gebruiker("regisseur"))
    response = client.post(reverse("prioritering:ronde-lijst"), {"naam": "Leeg", "aantal": 3})
    assert response.status_code == 400
    assert "geen terreinen met een hoge vermogensvraag" in response.content.decode()
    assert not Selectieronde.objects.exists()


def test_round_export_is_formula_injection_safe_in_csv_and_xlsx(client, regio, maak_gebruiker):
    Bedrijventerrein.objects.filter(pk=regio["Ecofactorij"].pk).update(naam='=HYPERLINK("http://kwaad")')
    services.prioriteiten_berekenen()
    ronde = services.selectieronde_maken(naam="+Export", aantal=2)
    login(client, maak_gebruiker("medewerker"))
    response = client.get(reverse("prioritering:ronde-export", args=[ronde.pk, "csv"]))
    assert response["Content-Disposition"].endswith('.csv"')
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    cellen = [c for rij in rijen for c in rij]
    assert '\'=HYPERLINK("http://kwaad")' in cellen and "'+Export" in cellen
    assert not any(c.startswith(("=", "+", "@")) for c in cellen)
    xlsx = client.get(reverse("prioritering:ronde-export", args=[ronde.pk, "xlsx"]))
    blad = load_workbook(io.BytesIO(xlsx.content)).active
    waarden = [c.value for rij in blad.iter_rows() for c in rij if c.value is not None]
    assert '\'=HYPERLINK("http://kwaad")' in waarden
    assert all(c.data_type != "f" for rij in blad.iter_rows() for c in rij)


def test_a_round_is_compared_with_a_previous_round(client, regio, maak_gebruiker):
    gewichten = services.afwegingskader_actueel().gewichten
    services.afwegingskader_opslaan(
        gewichten=gewichten, vraagklasse_methode="drempels", drempel_middel_kw=100, drempel_hoog_kw=500, toelichting="drempels"
    )
    services.prioriteiten_berekenen()
    eerste = services.selectieronde_maken(naam="Eerste", aantal=1)
    tweede = services.selectieronde_maken(naam="Tweede", aantal=3, vorige=eerste)
    login(client, maak_gebruiker("regisseur"))
    context = client.get(reverse("prioritering:ronde-detail", args=[tweede.pk])).context
    vergelijking = context["vergelijking"]
    assert vergelijking["andere"] == eerste
    assert len(vergelijking["gebleven"]) == 1 and len(vergelijking["nieuw"]) == 2 and vergelijking["vervallen"] == []
    body = client.get(reverse("prioritering:ronde-detail", args=[eerste.pk]), {"met": tweede.pk}).content.decode()
    assert "Vervallen (2)" in body


def test_a_saved_round_is_a_snapshot_that_later_edits_do_not_change(regio):
    ronde = services.selectieronde_maken(naam="Snapshot", aantal=3)
    namen = [k.naam for k in ronde.keuzes.all()]
    Bedrijventerrein.objects.filter(pk=regio["Ecofactorij"].pk).update(naam="Hernoemd")
    services.prioriteiten_berekenen()
    assert [k.naam for k in Selectieronde.objects.get(pk=ronde.pk).keuzes.all()] == namen
