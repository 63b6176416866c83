"""The netbeheerder of a park: derived from its municipality where that is clear, by hand otherwise."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from terreinen.models import Bedrijventerrein, Netbeheerder
from terreinen.services.importeren import synchroniseer
from terreinen.services.netbeheerders import netbeheerders_importeren
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, GemeenteFactory

pytestmark = pytest.mark.django_db

KOP = "code,netbeheerder,zekerheid,aandeel_grootste_pct,verdeling\n"
AFGELEID = Bedrijventerrein.NetbeheerderBron.AFGELEID


@pytest.fixture
def gemeenten(twee_gemeenten):
    return (*twee_gemeenten, GemeenteFactory(code="GM1708", naam="Steenwijkerland", overijssel=True))


def bestand(tmp_path, inhoud):
    pad = tmp_path / "netbeheerder_per_gemeente.csv"
    pad.write_text(KOP + inhoud, encoding="utf-8")
    return pad


GOED = (
    "GM0200,Liander,EENDUIDIG,100,Liander 100\n"
    "GM0193,Enexis,OVERWEGEND,95.5,Enexis 95.5;Liander 4.5\n"
    "GM1708,Enexis,VERDEELD,81.1,Enexis 81.1;Liander 12.2;Rendo 6.8\n"
)


def test_parks_get_the_operator_of_a_clear_municipality_and_split_ones_stay_unknown(gemeenten, tmp_path):
    apeldoorn, zwolle, steenwijk = (BedrijventerreinFactory(gemeente=g) for g in gemeenten)
    resultaat = netbeheerders_importeren(pad=bestand(tmp_path, GOED))
    assert resultaat.geslaagd and (resultaat.gewijzigd, resultaat.ongewijzigd) == (2, 1)
    for terrein, naam in ((apeldoorn, "Liander"), (zwolle, "Enexis")):
        terrein.refresh_from_db()
        assert (terrein.netbeheerder.naam, terrein.netbeheerder_bron) == (naam, AFGELEID)
    steenwijk.refresh_from_db()
    assert (steenwijk.netbeheerder, steenwijk.netbeheerder_bron) == (None, "")
    assert set(gemeenten[2].netbeheerders.values_list("naam", flat=True)) == {"Enexis", "Liander", "Rendo"}
    # A second run changes nothing.
    tweede = netbeheerders_importeren(pad=bestand(tmp_path, GOED))
    assert (tweede.gewijzigd, tweede.ongewijzigd) == (0, 3)


def test_a_value_entered_by_hand_is_marked_and_never_overwritten_by_the_derivation(gemeenten, tmp_path):
    terrein = BedrijventerreinFactory(gemeente=gemeenten[0])
    netbeheerders_importeren(pad=bestand(tmp_path, GOED))
    terrein.refresh_from_db()
    assert terrein.netbeheerder_bron == AFGELEID
    # Any save through a form or service other than the derivation is an entry by hand.
    terrein.netbeheerder = Netbeheerder.objects.get_or_create(naam="Coteq")[0]
    terrein.save(update_fields=["netbeheerder"])
    terrein.refresh_from_db()
    assert terrein.netbeheerder_bron == "handmatig"
    netbeheerders_importeren(pad=bestand(tmp_path, GOED))
    terrein.refresh_from_db()
    assert (terrein.netbeheerder.naam, terrein.netbeheerder_bron) == ("Coteq", "handmatig")
    # Emptying it by hand makes it unknown again, and then the derivation may fill it.
    terrein.netbeheerder = None
    terrein.save()
    assert Bedrijventerrein.objects.get(pk=terrein.pk).netbeheerder_bron == ""
    netbeheerders_importeren(pad=bestand(tmp_path, GOED))
    assert Bedrijventerrein.objects.get(pk=terrein.pk).netbeheerder_bron == AFGELEID


def test_saving_other_fields_keeps_the_derived_source(gemeenten, tmp_path):
    terrein = BedrijventerreinFactory(gemeente=gemeenten[0])
    netbeheerders_importeren(pad=bestand(tmp_path, GOED))
    terrein = Bedrijventerrein.objects.get(pk=terrein.pk)
    terrein.aantal_bedrijven = 12
    terrein.save()
    assert Bedrijventerrein.objects.get(pk=terrein.pk).netbeheerder_bron == AFGELEID


def test_a_bulk_import_of_the_netbeheerder_counts_as_entered_by_hand(gemeenten, tmp_path):
    from nal_oost.importeren import ImportResultaat

    terrein = BedrijventerreinFactory(gemeente=gemeenten[0])
    netbeheerders_importeren(pad=bestand(tmp_path, GOED))
    enexis = Netbeheerder.objects.get(naam="Enexis")
    synchroniseer(Bedrijventerrein, "rin", {terrein.rin: {"netbeheerder": enexis}}, ImportResultaat(bestand="x"), False)
    terrein.refresh_from_db()
    assert (terrein.netbeheerder, terrein.netbeheerder_bron) == (enexis, "handmatig")


def test_a_file_with_errors_is_refused_with_row_and_column_and_writes_nothing(gemeenten, tmp_path):
    terrein = BedrijventerreinFactory(gemeente=gemeenten[0])
    voor = Netbeheerder.objects.count()
    fout = GOED + "GM9999,Liander,EENDUIDIG,100,Liander 100\nGM0200,Liander,MISSCHIEN,100,Liander 100\n"
    resultaat = netbeheerders_importeren(pad=bestand(tmp_path, fout))
    redenen = [str(a) for a in resultaat.afwijzingen]
    assert redenen == [
        "netbeheerder_per_gemeente.csv, rij 5, kolom 'code': onbekende gemeentecode 'GM9999'",
        "netbeheerder_per_gemeente.csv, rij 6, kolom 'code': gemeentecode GM0200 staat dubbel in het bestand",
    ]
    assert netbeheerders_importeren(pad=bestand(tmp_path, "GM0193,Enexis,MISSCHIEN,1,\n")).afwijzingen[0].kolom == "zekerheid"
    terrein.refresh_from_db()
    assert terrein.netbeheerder is None and Netbeheerder.objects.count() == voor
    assert not gemeenten[0].netbeheerders.exists()


def test_dry_run_counts_and_writes_nothing(gemeenten, tmp_path):
    terrein = BedrijventerreinFactory(gemeente=gemeenten[0])
    Netbeheerder.objects.filter(naam="Rendo").delete()
    out = io.StringIO()
    call_command("import_netbeheerders", str(bestand(tmp_path, GOED)), "--dry-run", "--json", stdout=out)
    resultaat = json.loads(out.getvalue())
    assert (resultaat["gewijzigd"], resultaat["afgewezen"]) == (1, 0)
    terrein.refresh_from_db()
    assert terrein.netbeheerder is None and not Netbeheerder.objects.filter(naam="Rendo").exists()
    assert not gemeenten[0].netbeheerders.exists()


def test_the_park_page_says_the_value_is_derived_from_the_municipality(client, gemeenten, tmp_path, maak_gebruiker):
    terrein = BedrijventerreinFactory(gemeente=gemeenten[0])
    netbeheerders_importeren(pad=bestand(tmp_path, GOED))
    assert client.login(username=maak_gebruiker("gemeente", "GM0200").username, password=WACHTWOORD)
    net = client.get(reverse("terrein-detail", args=[terrein.rin])).content.decode().split('id="net-kop"')[1]
    assert "Liander" in net and "(afgeleid van gemeente)" in net
