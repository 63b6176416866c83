"""Dates derived from moments are Dutch calendar days: a move just after midnight in Amsterdam is not yesterday's."""

from datetime import UTC, date, datetime

from stappenplan.models import StapOvergang, Traject
from stappenplan.selectors import tijdlijn


def test_timeline_dates_are_the_local_day_of_the_move():
    traject = Traject(stap=2, status="actief")
    overgangen = [
        # 22:30 UTC on 30 June is 00:30 on 1 July in Amsterdam (summer time).
        StapOvergang(van_stap=0, naar_stap=1, op=datetime(2026, 6, 30, 22, 30, tzinfo=UTC)),
        # 23:15 UTC on 14 January is 00:15 on 15 January (winter time).
        StapOvergang(van_stap=1, naar_stap=2, op=datetime(2027, 1, 14, 23, 15, tzinfo=UTC)),
    ]
    stappen = {s.stap: s for s in tijdlijn(traject=traject, overgangen=overgangen)}
    assert stappen[1].begonnen_op == date(2026, 7, 1)
    assert stappen[1].klaar_op == date(2027, 1, 15)
    assert stappen[2].begonnen_op == date(2027, 1, 15)
