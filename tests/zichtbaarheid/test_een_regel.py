"""Changing a field's class is one line: every place that shows the field follows the register."""

import pytest

from api import velden
from factsheets.models import Variant
from factsheets.selectors import factsheet_gegevens
from nal_oost import zichtbaarheid
from overzicht.kolommen import kolommen_voor
from overzicht.views import kaart_eigenschappen
from prioritering.templatetags.uitsplitsing import zichtbare_regels
from terreinen.models import Bedrijventerrein
from terreinen.zoeken import zoekvoorwaarde
from tests.factories import BedrijventerreinFactory, traject_zetten

pytestmark = pytest.mark.django_db


@pytest.fixture
def gebruikers(maak_gebruiker, twee_gemeenten):
    return maak_gebruiker("gemeente", "GM0200"), maak_gebruiker("medewerker")


def _sluit(monkeypatch, sleutel, klasse=zichtbaarheid.VERTROUWELIJK):
    monkeypatch.setitem(zichtbaarheid.REGISTER, sleutel, klasse)


def test_export_columns_follow_the_register(monkeypatch, gebruikers):
    gemeente, medewerker = gebruikers
    kop = "Aandeel logistiek (%)"
    assert kop in [str(k.kop) for k in kolommen_voor(gemeente)]
    _sluit(monkeypatch, "terreinen.Bedrijventerrein.aandeel_logistiek")
    assert kop not in [str(k.kop) for k in kolommen_voor(gemeente)]
    assert kop in [str(k.kop) for k in kolommen_voor(medewerker)]


def test_map_properties_follow_the_register(monkeypatch, gebruikers):
    gemeente, medewerker = gebruikers
    assert "kw_2030" in kaart_eigenschappen(gemeente)
    _sluit(monkeypatch, "plankaarten.Plankaart.laadvermogen_kw", zichtbaarheid.GEMEENTE)
    assert "kw_2030" in kaart_eigenschappen(gemeente)
    _sluit(monkeypatch, "plankaarten.Plankaart.laadvermogen_kw")
    assert "kw_2030" not in kaart_eigenschappen(gemeente) and "kw_2030" in kaart_eigenschappen(medewerker)


def test_api_fields_follow_the_register(monkeypatch):
    namen = [v.naam for v in velden.openbare_velden(Bedrijventerrein, velden.TERREIN_VELDEN)]
    assert "aantalBedrijven" in namen and "stap" in namen
    _sluit(monkeypatch, "terreinen.Bedrijventerrein.aantal_bedrijven", zichtbaarheid.GEMEENTE)
    _sluit(monkeypatch, "stappenplan.Traject", zichtbaarheid.GEMEENTE)
    namen = [v.naam for v in velden.openbare_velden(Bedrijventerrein, velden.TERREIN_VELDEN)]
    assert "aantalBedrijven" not in namen and "stap" not in namen and "naam" in namen


def test_score_breakdown_lines_follow_the_register(monkeypatch, gebruikers):
    gemeente, medewerker = gebruikers
    regels = [{"criterium": "warme_contacten", "waarde": "ja", "punten": 10}, {"criterium": "netcongestie", "waarde": "nee"}]
    assert [r["criterium"] for r in zichtbare_regels(regels, gemeente)] == ["warme_contacten", "netcongestie"]
    _sluit(monkeypatch, "terreinen.Bedrijventerrein.warme_contacten")
    assert [r["criterium"] for r in zichtbare_regels(regels, gemeente)] == ["netcongestie"]
    assert len(zichtbare_regels(regels, medewerker)) == 2


def test_factsheet_variants_follow_the_register(monkeypatch, twee_gemeenten):
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0], aantal_bedrijven=42)
    assert factsheet_gegevens(terrein=terrein, variant=Variant.FACTSHEET)["terrein"]["aantal_bedrijven"] == 42
    _sluit(monkeypatch, "terreinen.Bedrijventerrein.aantal_bedrijven", zichtbaarheid.GEMEENTE)
    assert "aantal_bedrijven" not in factsheet_gegevens(terrein=terrein, variant=Variant.FACTSHEET)["terrein"]
    assert factsheet_gegevens(terrein=terrein, variant=Variant.PLANKAART_DETAIL)["terrein"]["aantal_bedrijven"] == 42


def test_search_looks_only_in_public_fields(monkeypatch, twee_gemeenten):
    BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam="Ecofactorij")
    assert Bedrijventerrein.objects.filter(zoekvoorwaarde("apeldoorn")).count() == 1
    _sluit(monkeypatch, "terreinen.Gemeente.naam", zichtbaarheid.GEMEENTE)
    assert Bedrijventerrein.objects.filter(zoekvoorwaarde("apeldoorn")).count() == 0
    assert Bedrijventerrein.objects.filter(zoekvoorwaarde("ecofact")).count() == 1


def test_regisseur_choices_hold_only_regisseurs_of_visible_parks(maak_gebruiker, twee_gemeenten):
    from overzicht.selectors import regisseur_keuzes

    apeldoorn, zwolle = twee_gemeenten
    hier = maak_gebruiker("regisseur", username="r-hier")
    hier.first_name, hier.last_name = "Anna", "Hier"
    hier.save()
    daar = maak_gebruiker("regisseur", username="r-daar")
    traject_zetten(terrein=BedrijventerreinFactory(gemeente=apeldoorn), regisseur=hier)
    traject_zetten(terrein=BedrijventerreinFactory(gemeente=zwolle), regisseur=daar)
    assert regisseur_keuzes(user=maak_gebruiker("gemeente", "GM0200")) == [(str(hier.pk), "Anna Hier")]
    assert {w for w, _l in regisseur_keuzes(user=maak_gebruiker("medewerker"))} == {str(hier.pk), str(daar.pk)}


def test_park_filters_follow_the_register(monkeypatch, gebruikers):
    from django.http import QueryDict

    from api.parameters import TERREIN_FILTERS
    from overzicht.filtersets import BedrijventerreinFilterSet, filters_voor
    from overzicht.selectors import terrein_filterset

    gemeente, medewerker = gebruikers
    assert set(filters_voor(medewerker)) == set(BedrijventerreinFilterSet.base_filters)
    assert "netcongestie" in TERREIN_FILTERS and "regisseur" not in TERREIN_FILTERS
    BedrijventerreinFactory(gemeente=gemeente.gemeente_toegang.get().gemeente, netcongestie="volledig")
    assert terrein_filterset(user=gemeente, params=QueryDict("netcongestie=nee")).qs.count() == 0
    _sluit(monkeypatch, "terreinen.Bedrijventerrein.netcongestie")
    assert "netcongestie" not in filters_voor(gemeente) and "netcongestie" in filters_voor(medewerker)
    # The filter is gone for the municipality, so it cannot ask about the field: the park is listed.
    assert terrein_filterset(user=gemeente, params=QueryDict("netcongestie=nee")).qs.count() == 1
