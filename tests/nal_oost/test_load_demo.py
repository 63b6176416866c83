from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Sum

from plankaarten.modellering import kalibratiedoelen
from plankaarten.models import Plankaart, PlankaartVersie
from terreinen.models import Bedrijventerrein, Gemeente

pytestmark = pytest.mark.django_db

# Whole vehicles are distributed by largest remainder, so totals may differ from the target by < 1 vehicle.
TOLERANTIE = Decimal("0.001")


def _cijfers():
    return list(
        Plankaart.objects.actueel()
        .order_by("terrein__rin", "zichtjaar")
        .values_list("terrein__rin", "zichtjaar", "laadvermogen_kw", "vrachtwagens", "bestelwagens")
    )


def test_load_demo_imports_the_real_region_and_is_deterministic(data_dir, settings):
    settings.NAL_DATA_DIR = str(data_dir)
    uitvoer = StringIO()
    call_command("load_demo", stdout=uitvoer)
    assert Gemeente.objects.count() == 77
    assert Bedrijventerrein.objects.count() == 840
    assert not Bedrijventerrein.objects.filter(geometrie__isnull=True).exists()
    # 7 parks of Rijssen-Holten have their real IBIS outline, the others an approximation.
    assert Bedrijventerrein.objects.filter(geometrie_bron="benaderd").count() == 833
    assert Bedrijventerrein.objects.filter(geometrie_bron="ibis").count() == 7
    eerste = _cijfers()
    assert len(eerste) == 840 * 3
    assert "demo-gemeente" in uitvoer.getvalue()

    tweede_uitvoer = StringIO()
    call_command("load_demo", stdout=tweede_uitvoer)
    assert _cijfers() == eerste
    assert PlankaartVersie.objects.count() == 1
    assert "ongewijzigd 2520" in tweede_uitvoer.getvalue()


def test_approximate_polygons_lie_inside_their_municipality_with_gross_area(data_dir, settings):
    settings.NAL_DATA_DIR = str(data_dir)
    call_command("load_demo", "--zonder-gebruikers", stdout=StringIO())
    for terrein in Bedrijventerrein.objects.filter(geometrie_bron="benaderd").select_related("gemeente").order_by("rin")[:60]:
        assert terrein.gemeente.geometrie.contains(terrein.geometrie) or terrein.gemeente.geometrie.covers(terrein.geometrie)
        verwacht_m2 = float(terrein.ha_bruto or terrein.ha_netto or 1) * 10_000
        assert terrein.geometrie.area == pytest.approx(verwacht_m2, rel=0.02)


def test_modelled_totals_match_the_outlook_calibration(data_dir, settings):
    settings.NAL_DATA_DIR = str(data_dir)
    call_command("load_demo", "--zonder-gebruikers", stdout=StringIO())
    doelen = kalibratiedoelen(840)
    # 24 000 e-trucks × 90% at parks × 840/3 700 parks ≈ 4 903.8 in 2030.
    assert doelen[2030]["vrachtwagens"] == pytest.approx(Decimal("4903.78"), abs=Decimal("0.01"))
    for jaar, doel in doelen.items():
        totaal = Plankaart.objects.actueel().filter(zichtjaar=jaar).aggregate(v=Sum("vrachtwagens"), b=Sum("bestelwagens"))
        assert abs(totaal["v"] - doel["vrachtwagens"]) / doel["vrachtwagens"] < TOLERANTIE
        assert abs(totaal["b"] - doel["bestelwagens"]) / doel["bestelwagens"] < TOLERANTIE
    assert not Plankaart.objects.filter(gemodelleerd=False).exists()


def test_demand_grows_from_2025_to_2035_for_every_park(data_dir, settings):
    settings.NAL_DATA_DIR = str(data_dir)
    call_command("load_demo", "--zonder-gebruikers", stdout=StringIO())
    per_terrein = {}
    for terrein_id, jaar, kw in Plankaart.objects.actueel().values_list("terrein_id", "zichtjaar", "laadvermogen_kw"):
        per_terrein.setdefault(terrein_id, {})[jaar] = kw
    assert all(v[2025] <= v[2030] <= v[2035] for v in per_terrein.values())
    assert sum(v[2035] > v[2025] for v in per_terrein.values()) > 800


def test_without_data_folder_a_synthetic_877_park_region_is_built(settings):
    settings.NAL_DATA_DIR = ""
    call_command("load_demo", "--zonder-gebruikers", stdout=StringIO())
    assert Gemeente.objects.count() == 77
    assert Bedrijventerrein.objects.count() == 877
    assert Plankaart.objects.actueel().count() == 877 * 3
    eerste = _cijfers()
    call_command("load_demo", "--zonder-gebruikers", stdout=StringIO())
    assert _cijfers() == eerste


def test_demo_users_keep_their_password_on_a_second_run(data_dir, settings, monkeypatch):
    from django.contrib.auth import authenticate

    settings.NAL_DATA_DIR = str(data_dir)
    monkeypatch.delenv("NAL_DEMO_PASSWORD", raising=False)
    call_command("load_demo", stdout=StringIO())
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="demo-regisseur")
    user.set_password("Zelf-gekozen-wachtwoord-1")
    user.save()
    call_command("load_demo", stdout=StringIO())
    assert authenticate(username="demo-regisseur", password="Zelf-gekozen-wachtwoord-1") is not None
    gemeente = get_user_model().objects.get(username="demo-gemeente")
    assert sorted(gemeente.gemeente_toegang.values_list("gemeente__code", flat=True)) == ["GM0193", "GM0200"]
