"""Scoring rules on hand-made parks with known answers (no database)."""

from decimal import Decimal as D
from types import SimpleNamespace

from prioritering.berekening import TerreinInvoer, paretoset, terreinen_scoren, vraagklasse_indeling
from prioritering.criteria import standaard_gewichten


def kader(**kwargs):
    standaard = {
        "gewichten": standaard_gewichten(),
        "vraagklasse_methode": "tertielen",
        "drempel_middel_kw": None,
        "drempel_hoog_kw": None,
        "pareto_aandeel": 80,
        "ze_zone_afstand_km": D("5"),
    }
    return SimpleNamespace(**{**standaard, **kwargs})


def per_criterium(uitkomst):
    return {r["criterium"]: (r["waarde"], r["punten"]) for r in uitkomst.uitsplitsing}


def test_pareto_set_takes_the_largest_parks_until_80_percent_of_the_region():
    # total 1000: 500 + 300 = 800 reaches 80% exactly, so the third park is not needed
    assert paretoset({1: D(500), 2: D(300), 3: D(150), 4: D(50)}, 80) == {1, 2}
    # 500 + 250 = 750 < 800, so the park of 200 is needed as well
    assert paretoset({1: D(500), 2: D(250), 3: D(200), 4: D(50)}, 80) == {1, 2, 3}


def test_pareto_set_keeps_ties_at_the_boundary_together():
    # 400 reaches 40% of 1000; the other park of 400 has the same demand and is taken too
    assert paretoset({1: D(400), 2: D(400), 3: D(100), 4: D(100)}, 40) == {1, 2}


def test_pareto_set_never_holds_parks_without_demand_and_is_empty_without_any_demand():
    assert paretoset({1: D(100), 2: D(0), 3: D(0)}, 100) == {1}
    assert paretoset({1: D(0), 2: D(0)}, 80) == set()
    assert paretoset({}, 80) == set()


def test_tertiles_split_demand_in_three_and_equal_values_share_a_class():
    indeling = vraagklasse_indeling(methode="tertielen", waarden_2030=[D(v) for v in range(1, 10)])
    assert [indeling.klasse(D(v)) for v in range(1, 10)] == ["laag"] * 3 + ["middel"] * 3 + ["hoog"] * 3
    gelijk = vraagklasse_indeling(methode="tertielen", waarden_2030=[D(5)] * 6)
    assert {gelijk.klasse(D(5))} == {"laag"}
    assert indeling.klasse(None) == ""


def test_configured_thresholds_replace_the_tertiles():
    indeling = vraagklasse_indeling(methode="drempels", waarden_2030=[], drempel_middel=D(100), drempel_hoog=D(1000))
    assert [indeling.klasse(D(v)) for v in (0, 99, 100, 999, 1000)] == ["laag", "laag", "middel", "middel", "hoog"]
    assert "hoog vanaf 1.000 kW" in indeling.omschrijving()


def test_score_and_breakdown_of_a_fully_known_park():
    parken = [
        TerreinInvoer(
            id=1,
            rin=11,
            kw_2030=D(900),
            kw_2035=D(2000),
            initiatieven_provincie=["Lola Apeldoorn"],
            warme_contacten=True,
            eigen_initiatief=False,
            netcongestie="volledig",
            bereikbaarheid="redelijk",
            terrein_vol=True,
            afstand_ze_zone_km=D("3.5"),
        ),
        TerreinInvoer(id=2, rin=12, kw_2030=D(100), kw_2035=D(100)),
        TerreinInvoer(id=3, rin=13, kw_2030=D(500), kw_2035=D(100)),
    ]
    uitkomsten, _indeling, pareto = terreinen_scoren(parken, kader=kader())
    eerste = uitkomsten[0]
    assert eerste.terrein_id == 1 and eerste.rang == 1
    assert pareto == {1}
    assert per_criterium(eerste) == {
        "vraagklasse_2030": ("hoog", 30),
        "pareto_2035": ("ja", 30),
        "initiatief_provincie": ("ja", 15),
        "warme_contacten": ("ja", 10),
        "eigen_initiatief": ("nee", 0),
        "netcongestie": ("volledig", 15),
        "ze_zone": ("dichtbij", 10),
        "bereikbaarheid": ("redelijk", 5),
        "terrein_vol": ("ja", 5),
    }
    assert eerste.score == 120 and eerste.aantal_onbekend == 0
    detail = {r["criterium"]: r["detail"] for r in eerste.uitsplitsing}
    assert detail["initiatief_provincie"] == "Lola Apeldoorn"
    assert "2035: 2.000 kW" in detail["pareto_2035"]


def test_unknown_data_counts_as_zero_and_is_marked_unknown_in_the_breakdown():
    uitkomsten, _i, _p = terreinen_scoren([TerreinInvoer(id=1, rin=1, kw_2030=D(10), kw_2035=D(10))], kader=kader())
    regels = per_criterium(uitkomsten[0])
    for criterium in ("warme_contacten", "eigen_initiatief", "netcongestie", "ze_zone", "bereikbaarheid", "terrein_vol"):
        assert regels[criterium] == ("onbekend", 0)
    assert regels["initiatief_provincie"] == ("nee", 0)
    assert uitkomsten[0].aantal_onbekend == 6


def test_parks_without_plankaart_rank_last_with_the_reason_even_with_more_points():
    parken = [
        TerreinInvoer(id=1, rin=1, warme_contacten=True, eigen_initiatief=True, netcongestie="volledig"),
        TerreinInvoer(id=2, rin=2, kw_2030=D(1), kw_2035=D(1)),
    ]
    uitkomsten, _i, _p = terreinen_scoren(parken, kader=kader())
    assert [u.terrein_id for u in uitkomsten] == [2, 1]
    zonder = uitkomsten[1]
    assert zonder.zonder_plankaart and zonder.score > uitkomsten[0].score
    regels = {r["criterium"]: r for r in zonder.uitsplitsing}
    assert regels["vraagklasse_2030"]["waarde"] == "onbekend"
    assert "geen actuele plankaart 2030" in regels["vraagklasse_2030"]["detail"]
    assert zonder.in_paretoset is None and zonder.vraagklasse == ""


def test_equal_scores_are_ordered_by_2035_demand_then_rin():
    parken = [
        TerreinInvoer(id=1, rin=30, kw_2030=D(5), kw_2035=D(10)),
        TerreinInvoer(id=2, rin=20, kw_2030=D(5), kw_2035=D(10)),
        TerreinInvoer(id=3, rin=10, kw_2030=D(5), kw_2035=D(9)),
    ]
    uitkomsten, _i, _p = terreinen_scoren(parken, kader=kader(pareto_aandeel=100))
    assert len({u.score for u in uitkomsten}) == 1
    assert [u.terrein_id for u in uitkomsten] == [2, 1, 3]
    assert [u.rang for u in uitkomsten] == [1, 2, 3]


def test_weights_are_data_a_changed_weight_changes_the_score():
    gewichten = standaard_gewichten()
    gewichten["netcongestie"]["volledig"] = -20
    park = [TerreinInvoer(id=1, rin=1, kw_2030=D(5), kw_2035=D(5), netcongestie="volledig")]
    standaard, _i, _p = terreinen_scoren(park, kader=kader())
    anders, _i, _p = terreinen_scoren(park, kader=kader(gewichten=gewichten))
    assert standaard[0].score - anders[0].score == 35


def test_equal_scores_rank_the_park_with_more_known_criteria_first_then_2035_demand():
    # Same score 0 from the criteria (warme contacten "nee" counts 0 points, as does unknown), same demand.
    parken = [
        TerreinInvoer(id=1, rin=1, kw_2030=D(100), kw_2035=D(900)),
        TerreinInvoer(id=2, rin=2, kw_2030=D(100), kw_2035=D(100), warme_contacten=False, terrein_vol=False),
        TerreinInvoer(id=3, rin=3, kw_2030=D(100), kw_2035=D(100), warme_contacten=False),
    ]
    uitkomsten, _indeling, _pareto = terreinen_scoren(parken, kader=kader(pareto_aandeel=100))
    scores = {u.terrein_id: u.score for u in uitkomsten}
    assert scores[2] == scores[3]
    volgorde = [u.terrein_id for u in uitkomsten if scores[u.terrein_id] == scores[2]]
    # two known criteria before one, and both before the park with the larger 2035 demand but fewer known
    assert volgorde == [2, 3, 1]
    assert [u.aantal_onbekend for u in uitkomsten if u.terrein_id in (2, 3)] == [4, 5]
