"""Selection rounds on constructed candidate lists: quota, class coverage, what cannot be satisfied."""

import itertools

from prioritering.selectie import Kandidaat, quotum, selecteren

_teller = itertools.count(1)


def kandidaat(provincie="PV25", rang=None, grootte="middel", pm="ja", sbi="gemiddeld", logistiek="gemiddeld", naam=None):
    n = next(_teller)
    rang = rang or n
    return Kandidaat(
        terrein_id=n,
        rin=100 + n,
        naam=naam or f"Park {n}",
        gemeente="Ergens",
        provincie_code=provincie,
        provincie="Overijssel" if provincie == "PV23" else "Gelderland",
        score=1000 - rang,
        rang=rang,
        kw_2030=None,
        klassen={"grootteklasse": grootte, "parkmanagement": pm, "sbi_diversiteit": sbi, "logistiek": logistiek},
    )


def gekozen_namen(uitkomst):
    return [k.kandidaat.naam for k in uitkomst.gekozen]


def test_quota_is_60_40_as_close_as_n_allows():
    assert quotum(10) == {"gelderland": 6, "overijssel": 4}
    assert quotum(5) == {"gelderland": 3, "overijssel": 2}
    assert quotum(7) == {"gelderland": 4, "overijssel": 3}
    assert quotum(1) == {"gelderland": 1, "overijssel": 0}
    assert quotum(2) == {"gelderland": 1, "overijssel": 1}


def test_split_is_60_40_with_the_highest_scores_first_within_each_province():
    gld = [kandidaat("PV25", rang=r) for r in range(1, 9)]  # Gelderland holds the 8 best
    ov = [kandidaat("PV23", rang=r) for r in range(9, 15)]
    uitkomst = selecteren(gld + ov, 5)
    gekozen = [k.kandidaat for k in uitkomst.gekozen]
    assert [k.rang for k in gekozen if k.provincie_code == "PV25"] == [1, 2, 3]
    assert [k.rang for k in gekozen if k.provincie_code == "PV23"] == [9, 10]
    assert uitkomst.verdeling["gekozen"] == {"gelderland": 3, "overijssel": 2}
    assert uitkomst.tekorten == []
    assert "Hoogste score in Gelderland (rang 1)" in uitkomst.gekozen[0].reden


def test_veenendaal_counts_with_gelderland():
    uitkomst = selecteren([kandidaat("PV26", rang=1), kandidaat("PV23", rang=2)], 2)
    assert uitkomst.verdeling["gekozen"] == {"gelderland": 1, "overijssel": 1}


def test_too_few_overijssel_parks_are_filled_from_gelderland_and_the_round_says_so():
    gld = [kandidaat("PV25", rang=r) for r in range(1, 11)]
    ov = [kandidaat("PV23", rang=20)]
    uitkomst = selecteren(gld + ov, 10)
    assert len(uitkomst.gekozen) == 10
    assert uitkomst.verdeling == {
        "doel": {"gelderland": 6, "overijssel": 4},
        "gekozen": {"gelderland": 9, "overijssel": 1},
        "kandidaten": {"gelderland": 10, "overijssel": 1},
    }
    assert any("Overijssel heeft 1 terreinen" in t and "3 plaats(en) aangevuld uit Gelderland" in t for t in uitkomst.tekorten)
    assert any("aangevuld omdat de andere provincie" in k.reden for k in uitkomst.gekozen)


def test_only_one_province_available_fills_all_places_from_it():
    uitkomst = selecteren([kandidaat("PV23", rang=r) for r in range(1, 6)], 5)
    assert uitkomst.verdeling["gekozen"] == {"gelderland": 0, "overijssel": 5}
    assert any(t.startswith("Gelderland heeft 0 terreinen") for t in uitkomst.tekorten)


def test_fewer_candidates_than_n_takes_all_and_explains():
    uitkomst = selecteren([kandidaat("PV25"), kandidaat("PV23")], 6)
    assert len(uitkomst.gekozen) == 2
    assert "maar 2 terreinen" in uitkomst.tekorten[0]


def test_each_class_is_represented_once_where_such_parks_exist():
    # The six best are all alike; lower down are a small park without parkmanagement and a very diverse logistics park.
    alike = [kandidaat("PV25", rang=r) for r in range(1, 5)] + [kandidaat("PV23", rang=r) for r in range(5, 9)]
    klein = kandidaat("PV25", rang=30, grootte="klein", pm="nee", naam="Klein zonder PM")
    divers = kandidaat("PV23", rang=31, sbi="zeer_divers", logistiek="veel", naam="Divers logistiek")
    uitkomst = selecteren([*alike, klein, divers], 5)
    namen = gekozen_namen(uitkomst)
    assert "Klein zonder PM" in namen and "Divers logistiek" in namen
    assert uitkomst.verdeling["gekozen"] == {"gelderland": 3, "overijssel": 2}  # swaps stay within the province
    reden = next(k.reden for k in uitkomst.gekozen if k.kandidaat.naam == "Klein zonder PM")
    assert reden.startswith("Gekozen om Klein (0–10 ha netto) (Grootte) te vertegenwoordigen")
    status = {(d["dimensie"], d["klasse"]): d["status"] for d in uitkomst.dekking}
    assert status[("Grootte", "Groot (>50 ha netto)")] == "geen_kandidaat"
    assert status[("Organisatiegraad", "Parkmanagement: nee")] == "gedekt"
    # a class nobody has is not a shortfall
    assert not any("Groot" in t for t in uitkomst.tekorten)


def test_the_lowest_ranked_park_is_replaced_and_never_one_that_alone_covers_a_class():
    a = kandidaat("PV25", rang=1, naam="A")
    b = kandidaat("PV25", rang=2, grootte="groot", naam="B (enige grote)")
    c = kandidaat("PV25", rang=3, naam="C")
    klein = kandidaat("PV25", rang=9, grootte="klein", naam="Klein")
    uitkomst = selecteren([a, b, c, klein], 3)
    assert sorted(gekozen_namen(uitkomst)) == ["A", "B (enige grote)", "Klein"]
    assert "vervangt C (rang 3)" in next(k.reden for k in uitkomst.gekozen if k.kandidaat.naam == "Klein")


def test_n_smaller_than_the_number_of_classes_reports_what_is_not_represented():
    kandidaten = [
        kandidaat("PV25", rang=1, grootte="groot", pm="ja", sbi="laag", logistiek="weinig"),
        kandidaat("PV25", rang=2, grootte="klein", pm="nee", sbi="zeer_divers", logistiek="veel"),
        kandidaat("PV23", rang=3, grootte="middel", pm="ja", sbi="gemiddeld", logistiek="gemiddeld"),
    ]
    uitkomst = selecteren(kandidaten, 1)
    assert [k.kandidaat.rang for k in uitkomst.gekozen] == [1]
    niet = [d["klasse"] for d in uitkomst.dekking if d["status"] == "niet_gedekt"]
    assert "Klein (0–10 ha netto)" in niet and "Parkmanagement: nee" in niet
    assert len(uitkomst.tekorten) == len(niet)
    assert all("met N = 1" in t for t in uitkomst.tekorten)


def test_unknown_class_values_cover_nothing():
    onbekend = kandidaat("PV25", rang=1, grootte=None, pm=None, sbi=None, logistiek=None)
    klein = kandidaat("PV25", rang=2, grootte="klein")
    uitkomst = selecteren([onbekend, klein], 1)
    # the only small park is needed for the size class; the park with unknown data covers no class
    assert gekozen_namen(uitkomst) == [klein.naam]


def test_selection_is_deterministic():
    groottes = ("klein", "middel", "groot")
    kandidaten = [kandidaat("PV25" if i % 3 else "PV23", rang=i, grootte=groottes[i % 3]) for i in range(1, 30)]
    assert gekozen_namen(selecteren(kandidaten, 7)) == gekozen_namen(selecteren(kandidaten, 7))


def test_reasons_use_the_dutch_adjectives_of_the_provinces():
    uitkomst = selecteren([kandidaat("PV25"), kandidaat("PV25"), kandidaat("PV23"), kandidaat("PV26")], 3)
    redenen = {k.kandidaat.provincie_code: k.reden for k in uitkomst.gekozen}
    assert "binnen het Gelderse aandeel van 2" in redenen["PV25"]
    assert "binnen het Overijsselse aandeel van 1" in redenen["PV23"]
    assert not any(fout in r for r in redenen.values() for fout in ("Gelderlande", "Overijssele", "Gelderlandse"))
