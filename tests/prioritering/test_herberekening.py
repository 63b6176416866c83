"""Recomputing all scores: one pass with a constant number of queries, stored breakdowns, versions, triggers."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from plankaarten.models import Plankaart
from prioritering import services
from prioritering.criteria import standaard_gewichten
from prioritering.models import Afwegingskader, Berekening, Prioriteit
from terreinen.models import Initiatief
from tests.factories import BedrijventerreinFactory

pytestmark = pytest.mark.django_db


def regio(maak_terrein, aantal):
    for i in range(aantal):
        if i % 5 == 4:
            maak_terrein(warme_contacten=True)  # no plankaart
        else:
            maak_terrein(kw_2030=100 * (i + 1), kw_2035=150 * (i + 1), netcongestie="nee" if i % 2 else "volledig")


def aantal_queries(functie) -> int:
    with CaptureQueriesContext(connection) as ctx:
        functie()
    return len(ctx.captured_queries)


def test_full_recomputation_uses_the_same_number_of_queries_for_3_and_30_parks(maak_terrein):
    kader = services.afwegingskader_actueel()
    regio(maak_terrein, 3)
    drie = aantal_queries(lambda: services.prioriteiten_berekenen(kader=kader))
    regio(maak_terrein, 27)
    dertig = aantal_queries(lambda: services.prioriteiten_berekenen(kader=kader))
    assert Prioriteit.objects.filter(kader=kader).count() == 30
    assert drie == dertig
    assert dertig <= 7  # three reads, one upsert, transaction bookkeeping


def test_recomputation_run_through_the_queue_path_also_has_constant_queries(maak_terrein):
    services.afwegingskader_actueel()

    def run():
        Berekening.objects.filter(status="wachtrij").delete()
        berekening = Berekening.objects.create(aanleiding="handmatig")
        services.berekening_uitvoeren(berekening_id=berekening.pk)

    regio(maak_terrein, 3)
    drie = aantal_queries(run)
    regio(maak_terrein, 27)
    assert aantal_queries(run) == drie


def test_scores_are_stored_with_breakdown_rank_and_the_parks_without_plankaart_last(maak_terrein):
    hoog = maak_terrein(kw_2030=900, kw_2035=5000, naam="Hoog")
    maak_terrein(kw_2030=500, kw_2035=300, naam="Middel")
    maak_terrein(kw_2030=100, kw_2035=100, naam="Laag")
    zonder = maak_terrein(naam="Zonder", warme_contacten=True, eigen_initiatief=True, netcongestie="volledig")
    lola = Initiatief.objects.create(naam="Lola Oost", soort="lola", provincie_betrokken=True)
    hoog.initiatieven.add(lola, Initiatief.objects.create(naam="Los", provincie_betrokken=False))
    verslag = services.prioriteiten_berekenen()
    assert verslag.aantal_terreinen == 4 and verslag.zonder_plankaart == 1 and verslag.paretoset == 1
    rijen = {p.terrein.naam: p for p in Prioriteit.objects.select_related("terrein")}
    assert rijen["Hoog"].rang == 1 and rijen["Hoog"].vraagklasse == "hoog" and rijen["Hoog"].in_paretoset
    assert rijen["Hoog"].score == 30 + 30 + 15
    assert {r["criterium"]: r["detail"] for r in rijen["Hoog"].uitsplitsing}["initiatief_provincie"] == "Lola Oost"
    assert rijen["Zonder"].rang == 4 and rijen["Zonder"].zonder_plankaart
    assert rijen["Zonder"].score > rijen["Laag"].score
    assert rijen["Laag"].vraagklasse == "laag" and rijen["Middel"].vraagklasse == "middel"
    assert zonder.pk == rijen["Zonder"].terrein_id


def test_recomputing_updates_scores_in_place(maak_terrein):
    terrein = maak_terrein(kw_2030=100, kw_2035=100)
    services.prioriteiten_berekenen()
    terrein.warme_contacten = True
    terrein.save()
    services.prioriteiten_berekenen()
    assert Prioriteit.objects.count() == 1
    assert Prioriteit.objects.get().score == 0 + 30 + 10  # a lone park is its own lowest tertile


def test_a_new_weights_version_keeps_old_versions_and_their_scores_readable(maak_terrein, maak_gebruiker):
    maak_terrein(kw_2030=100, kw_2035=100, netcongestie="volledig")
    v1 = services.afwegingskader_actueel()
    services.prioriteiten_berekenen()
    gewichten = standaard_gewichten()
    gewichten["netcongestie"]["volledig"] = 40
    v2 = services.afwegingskader_opslaan(
        gewichten=gewichten, vraagklasse_methode="tertielen", toelichting="Congestie zwaarder", door=maak_gebruiker("beheerder")
    )
    services.prioriteiten_berekenen()
    assert v2.versie == 2 and services.afwegingskader_actueel() == v2
    assert Afwegingskader.objects.get(versie=1).gewichten["netcongestie"]["volledig"] == 15
    scores = dict(Prioriteit.objects.values_list("kader__versie", "score"))
    assert scores == {1: 0 + 30 + 15, 2: 0 + 30 + 40}
    with pytest.raises(ValidationError):
        v1.save()


def test_saving_unchanged_weights_is_refused_with_a_clear_message():
    huidig = services.afwegingskader_actueel()
    with pytest.raises(ValidationError, match="niets gewijzigd ten opzichte van versie 1"):
        services.afwegingskader_opslaan(
            gewichten=huidig.gewichten, vraagklasse_methode="tertielen", pareto_aandeel=80, ze_zone_afstand_km=5, toelichting="x"
        )
    assert Afwegingskader.objects.count() == 1


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        ({"gewichten": {"netcongestie": {"volledig": 5}}}, "Gewichten ontbreken"),
        ({"vraagklasse_methode": "drempels", "drempel_middel_kw": 500, "drempel_hoog_kw": 100}, "boven de grens"),
        ({"vraagklasse_methode": "drempels"}, "beide grenzen"),
        ({"toelichting": "  "}, "toelichting"),
    ],
)
def test_invalid_weights_are_refused_and_nothing_is_written(wijziging, melding):
    services.afwegingskader_actueel()
    gegevens = {"gewichten": standaard_gewichten(), "vraagklasse_methode": "tertielen", "toelichting": "nieuw"}
    gegevens.update(wijziging)
    with pytest.raises(ValidationError) as exc:
        services.afwegingskader_opslaan(**gegevens)
    assert melding in str(exc.value)
    assert Afwegingskader.objects.count() == 1


def test_points_out_of_range_are_refused():
    gewichten = standaard_gewichten()
    gewichten["terrein_vol"]["ja"] = 500
    with pytest.raises(ValidationError, match="tussen -100 en 100"):
        services.afwegingskader_opslaan(gewichten=gewichten, vraagklasse_methode="tertielen", toelichting="te veel")


def test_configured_thresholds_classify_demand(maak_terrein):
    maak_terrein(kw_2030=50, kw_2035=1, naam="A")
    maak_terrein(kw_2030=150, kw_2035=1, naam="B")
    maak_terrein(kw_2030=2000, kw_2035=1, naam="C")
    services.afwegingskader_actueel()
    gewichten = standaard_gewichten()
    kader = services.afwegingskader_opslaan(
        gewichten=gewichten, vraagklasse_methode="drempels", drempel_middel_kw=100, drempel_hoog_kw=1000, toelichting="drempels"
    )
    verslag = services.prioriteiten_berekenen(kader=kader)
    assert dict(Prioriteit.objects.filter(kader=kader).values_list("terrein__naam", "vraagklasse")) == {
        "A": "laag",
        "B": "middel",
        "C": "hoog",
    }
    assert "middel vanaf 100 kW, hoog vanaf 1.000 kW" in verslag.indeling


def test_only_current_midden_rows_count_as_demand(maak_terrein, plankaart_versie):
    terrein = maak_terrein(kw_2030=100, kw_2035=100)
    Plankaart.objects.create(terrein=terrein, versie=plankaart_versie, zichtjaar=2030, scenario="hoog", laadvermogen_kw=9999)
    Plankaart.objects.filter(terrein=terrein, zichtjaar=2035, scenario="midden").update(actueel=False)
    services.prioriteiten_berekenen()
    p = Prioriteit.objects.get()
    assert p.kw_2030 == Decimal("100.0") and p.kw_2035 is None and p.in_paretoset is None
    assert not p.zonder_plankaart


def test_a_burst_of_edits_queues_one_recomputation(maak_terrein, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        terreinen = [maak_terrein(kw_2030=1, kw_2035=1) for _ in range(5)]
        for t in terreinen:
            t.warme_contacten = True
            t.save()
        terreinen[0].plankaarten.first().delete()
    assert len(callbacks) == 1
    for callback in callbacks:
        callback()  # now queues, and (inner on_commit) would send to the broker
    assert Berekening.objects.filter(status="wachtrij", aanleiding="bewerking").count() == 1


def test_a_queued_run_absorbs_later_requests_until_it_starts():
    eerste = services.berekening_inplannen(aanleiding="bewerking")
    tweede = services.berekening_inplannen(aanleiding="import")
    assert eerste.pk == tweede.pk
    assert Berekening.objects.count() == 1
    services.berekening_uitvoeren(berekening_id=eerste.pk)
    derde = services.berekening_inplannen(aanleiding="nachtelijk")
    assert derde.pk != eerste.pk


def test_running_a_finished_or_unknown_run_again_is_skipped():
    berekening = services.berekening_inplannen(aanleiding="handmatig")
    assert services.berekening_uitvoeren(berekening_id=berekening.pk)["aantal_terreinen"] == 0
    assert services.berekening_uitvoeren(berekening_id=berekening.pk) == {"overgeslagen": True, "berekening": berekening.pk}
    assert services.berekening_uitvoeren(berekening_id=999_999)["overgeslagen"]
    berekening.refresh_from_db()
    assert berekening.status == "klaar" and berekening.kader is not None and berekening.klaar_op


def test_a_failing_run_is_recorded_as_failed(monkeypatch):
    # Simulate a bug in the scoring code; the run must not stay "bezig" forever.
    def kapot(**kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(services, "prioriteiten_berekenen", kapot)
    berekening = services.berekening_inplannen(aanleiding="handmatig")
    with pytest.raises(RuntimeError):
        services.berekening_uitvoeren(berekening_id=berekening.pk)
    berekening.refresh_from_db()
    assert berekening.status == "mislukt" and "kapot" in berekening.fout


def test_an_import_that_writes_sends_the_change_signal_and_a_dry_run_does_not(tmp_path):
    from nal_oost.signalen import gegevens_gewijzigd
    from plankaarten.services import plankaarten_importeren

    ontvangen = []

    def ontvanger(sender, **kwargs):
        ontvangen.append(sender)

    gegevens_gewijzigd.connect(ontvanger)
    try:
        terrein = BedrijventerreinFactory()
        pad = tmp_path / "pk.csv"
        pad.write_text(f"rin;zichtjaar;laadvermogen_kw\n{terrein.rin};2030;12,5\n", encoding="utf-8")
        plankaarten_importeren(pad=pad, dry_run=True)
        assert ontvangen == []
        plankaarten_importeren(pad=pad)
        assert ontvangen == [Plankaart]
        plankaarten_importeren(pad=pad)  # unchanged: nothing written, nothing sent
        assert ontvangen == [Plankaart]
    finally:
        gegevens_gewijzigd.disconnect(ontvanger)


def test_the_change_signal_queues_a_recomputation_after_commit(django_capture_on_commit_callbacks):
    from nal_oost.signalen import gegevens_gewijzigd

    with django_capture_on_commit_callbacks() as callbacks:
        gegevens_gewijzigd.send(sender=Plankaart, bron="test")
    assert len(callbacks) == 1 and callbacks[0].keywords == {"aanleiding": "import"}


def test_a_recomputation_over_unchanged_data_writes_nothing(maak_terrein):
    kader = services.afwegingskader_actueel()
    regio(maak_terrein, 10)
    assert services.prioriteiten_berekenen(kader=kader).gewijzigd == 10
    with CaptureQueriesContext(connection) as ctx:
        verslag = services.prioriteiten_berekenen(kader=kader)
    assert verslag.gewijzigd == 0 and verslag.aantal_terreinen == 10
    assert not [q for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))]
