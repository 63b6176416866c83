"""The figures of the programme page, computed from parks with known moves and asserted to the day."""

from datetime import date

import pytest
from django.http import QueryDict

from overzicht.selectors import dashboard_cijfers
from voortgang import selectors

pytestmark = pytest.mark.django_db


def parken(user, **filters):
    params = QueryDict(mutable=True)
    for k, v in filters.items():
        params.setlist(k, v)
    return selectors.parken_laden(terreinen=selectors.gefilterde_terreinen(user=user, params=params))


def per_stap(doorlooptijden):
    return {d["stap"]: (d["aantal"], d["mediaan"], d["p80"]) for d in doorlooptijden}


def test_lead_times_per_step_exclude_days_on_hold_and_leaving_the_route(geschiedenis, maak_gebruiker):
    rijen = selectors.doorlooptijden(parken=parken(maak_gebruiker("medewerker")), van=date(2026, 1, 1), tot=date(2026, 9, 30))
    # Step 0: 15, 10, 45; step 1: 29 (59 minus 30 on hold), 30, 45; step 2: 112 and 91 (B left the route); step 3: 67.
    assert per_stap(rijen) == {
        0: (3, 15, 45),
        1: (3, 30, 45),
        2: (2, 101.5, 112),
        3: (1, 67, 67),
        4: (0, None, None),
        5: (0, None, None),
        6: (0, None, None),
    }
    stap2 = rijen[2]
    # Norm of step 2 is two months (about 61 days): a median of 101.5 days is more than one and a half times that.
    assert stap2["verschil"] == "langer" and "101,5 dagen" in stap2["verschil_tekst"]
    # Step 1: 30 days against about 30.4 is as planned; step 0: 15 days is less than half of 30.4.
    assert rijen[1]["verschil"] == ""
    assert rijen[0]["verschil"] == "korter" and "sneller" in rijen[0]["verschil_tekst"]
    # Within the deadline: step 0 is one month from the start (A, B and C: 15, 10 days yes; C 45 days no).
    assert rijen[0]["binnen_norm"] == 2


def test_lead_times_count_only_stays_that_ended_in_the_period(geschiedenis, maak_gebruiker):
    rijen = selectors.doorlooptijden(parken=parken(maak_gebruiker("medewerker")), van=date(2026, 7, 1), tot=date(2026, 9, 30))
    assert per_stap(rijen)[2] == (2, 101.5, 112)
    assert per_stap(rijen)[3] == (1, 67, 67)
    assert per_stap(rijen)[0] == (0, None, None)


def test_cumulative_flow_per_month_counts_parks_per_step_at_each_month_end(geschiedenis, maak_gebruiker):
    stroom = selectors.cumulatieve_stroom(
        parken=parken(maak_gebruiker("medewerker")), van=date(2026, 1, 1), tot=date(2026, 3, 31), interval="maand"
    )
    assert stroom == [
        (date(2026, 1, 31), [3, 1, 0, 0, 0, 0, 0]),
        (date(2026, 2, 28), [1, 3, 0, 0, 0, 0, 0]),
        (date(2026, 3, 31), [1, 1, 2, 0, 0, 0, 0]),
    ]


def test_cumulative_flow_per_week_ends_on_sundays_and_on_the_last_day(geschiedenis, maak_gebruiker):
    stroom = selectors.cumulatieve_stroom(
        parken=parken(maak_gebruiker("medewerker")), van=date(2026, 3, 9), tot=date(2026, 3, 19), interval="week"
    )
    # Sunday 15 March: B moved to step 2 on the 13th; Thursday 19 March (the end): A still in step 1 (moves on the 20th).
    assert stroom == [(date(2026, 3, 15), [1, 2, 1, 0, 0, 0, 0]), (date(2026, 3, 19), [1, 2, 1, 0, 0, 0, 0])]
    assert selectors.cumulatieve_stroom(
        parken=parken(maak_gebruiker("medewerker")), van=date(2026, 3, 9), tot=date(2026, 3, 20), interval="week"
    )[-1] == (date(2026, 3, 20), [1, 1, 2, 0, 0, 0, 0])


def test_stand_per_datum_shows_steps_and_statuses_at_the_end_of_that_day(geschiedenis, maak_gebruiker):
    stand = selectors.stand_op(parken=parken(maak_gebruiker("medewerker")), datum=date(2026, 2, 15))
    assert [a for _s, _l, a in stand["stap_totalen"]] == [1, 3, 0, 0, 0, 0, 0]
    status = {code: a for code, _l, a in stand["per_status"]}
    assert status == {"niet_gestart": 1, "actief": 2, "volgen": 0, "uitgesteld": 1, "zelfstandig": 0, "gestopt": 0, "afgerond": 0}
    per_provincie = {p["naam"]: [a for _s, _l, a in p["per_stap"]] for p in stand["trechter"]}
    assert per_provincie["Overijssel"] == [0, 1, 0, 0, 0, 0, 0]


@pytest.mark.parametrize("rol,gemeenten", [("medewerker", ()), ("gemeente", ("GM0200",))])
def test_stand_today_equals_the_dashboard(geschiedenis, maak_gebruiker, rol, gemeenten):
    user = maak_gebruiker(rol, *gemeenten)
    stand = selectors.stand_op(parken=parken(user), datum=date.today())
    dashboard = dashboard_cijfers(user=user)
    assert stand["stap_totalen"] == dashboard["stap_totalen"]
    assert stand["per_status"] == dashboard["per_status"]
    assert [(p["code"], p["per_stap"]) for p in stand["trechter"]] == [(p["code"], p["per_stap"]) for p in dashboard["trechter"]]


def test_parks_beyond_the_norm_from_the_day_after_their_deadline(geschiedenis, maak_gebruiker):
    alle = parken(maak_gebruiker("medewerker"))
    # C entered step 3 on 1 July: three months gives 1 October as deadline.
    assert selectors.boven_norm(parken=alle, datum=date(2026, 10, 1)) == []
    rijen = selectors.boven_norm(parken=alle, datum=date(2026, 10, 5))
    assert [(r["park"].naam, r["stap"], r["termijn_op"], r["dagen_over"], r["park"].regisseur) for r in rijen] == [
        ("Hessenpoort", 3, date(2026, 10, 1), 4, "Renate Regisseur")
    ]
    # 19 March: C (step 1 since 15 Feb) is 4 days past 15 March; A (step 1 since 20 Jan) is not: its deadline,
    # 20 Feb, moves on by the 30 days it was on hold, to 22 March.
    rijen = selectors.boven_norm(parken=alle, datum=date(2026, 3, 19))
    assert [(r["park"].naam, r["stap"], r["termijn_op"], r["dagen_over"]) for r in rijen] == [
        ("Hessenpoort", 1, date(2026, 3, 15), 4)
    ]


def test_exits_rounds_and_filters_of_the_list(geschiedenis, maak_gebruiker):
    medewerker = maak_gebruiker("medewerker")
    vertrek = selectors.vertrek_uit_route(parken=parken(medewerker), van=date(2026, 1, 1), tot=date(2026, 12, 31))
    assert vertrek["rijen"] == [{"stap": 2, "label": vertrek["rijen"][0]["label"], "per_reden": [1, 0, 0, 0], "totaal": 1}]
    rondes = selectors.stap3_rondes(parken=parken(medewerker), van=date(2026, 7, 1), tot=date(2026, 9, 30))
    assert (rondes["nieuwe_rondes"], rondes["afgerond"], rondes["een"], rondes["twee"], rondes["gemiddeld"]) == (1, 1, 0, 1, 2.0)
    # The list's province filter: only Overijssel (Zwolle) leaves C.
    assert [p.naam for p in parken(medewerker, provincie=["PV23"])] == ["Hessenpoort"]
    # A gemeente user sees its own municipality only.
    assert sorted(p.naam for p in parken(maak_gebruiker("gemeente", "GM0200"))) == [
        "Ecofactorij",
        "Kayersdijk",
        "Stadhoudersmolen",
    ]


def test_quarter_bounds():
    assert selectors.kwartaal_grenzen("2026-3") == (date(2026, 7, 1), date(2026, 9, 30))
    assert selectors.kwartaal_grenzen("2026-1") == (date(2026, 1, 1), date(2026, 3, 31))
    with pytest.raises(ValueError):
        selectors.kwartaal_grenzen("2026-5")
