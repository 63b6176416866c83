import threading

import pytest
from django.db import connection, connections

from audit.models import Wijziging
from terreinen.models import Bedrijventerrein
from terreinen.services.bewerken import GelijktijdigeWijziging, terrein_bewerken, terrein_momentopname
from tests.factories import BedrijventerreinFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_editors_saving_the_same_park_at_once_exactly_one_wins_and_the_other_is_told(twee_gemeenten, maak_gebruiker):
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0])
    gezien = Bedrijventerrein.objects.get(pk=terrein.pk)
    momentopname = terrein_momentopname(terrein=gezien)
    start = threading.Barrier(2)
    uitkomsten = {}

    def opslaan(naam, user, waarde):
        try:
            uitkomsten[f"{naam}-pid"] = connection.cursor().connection.info.backend_pid
            start.wait(timeout=10)
            terrein_bewerken(
                terrein=gezien,
                user=user,
                gegevens={"netcongestie": waarde},
                gezien_op=gezien.gewijzigd_op,
                momentopname=momentopname,
            )
            uitkomsten[naam] = "gelukt"
        except GelijktijdigeWijziging as fout:
            uitkomsten[naam] = fout
        finally:
            connections.close_all()

    draden = [
        threading.Thread(target=opslaan, args=("a", maak_gebruiker("regisseur"), "volledig")),
        threading.Thread(target=opslaan, args=("b", maak_gebruiker("beheerder"), "nee")),
    ]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=30)

    assert uitkomsten["a-pid"] != uitkomsten["b-pid"]
    resultaten = [uitkomsten["a"], uitkomsten["b"]]
    assert resultaten.count("gelukt") == 1
    verliezer = next(r for r in resultaten if r != "gelukt")
    winnaar = "volledig" if uitkomsten["a"] == "gelukt" else "nee"
    assert isinstance(verliezer, GelijktijdigeWijziging)
    assert [label for label, _was, _nu in verliezer.wijzigingen] == ["Netcongestie"]
    terrein.refresh_from_db()
    assert terrein.netcongestie == winnaar
    assert Wijziging.objects.filter(terrein_id=terrein.pk, actie="gewijzigd").count() == 1
