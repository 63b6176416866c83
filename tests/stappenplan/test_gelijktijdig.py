import threading

import pytest
from django.db import connection, connections

from stappenplan import services
from stappenplan.models import StapOvergang, Traject
from tests.stappenplan.conftest import stap0_invullen, zet

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_users_moving_the_same_park_at_once_exactly_one_wins(traject, regisseur, maak_gebruiker):
    stap0_invullen(traject, regisseur)
    beheerder = maak_gebruiker("beheerder")
    start = threading.Barrier(2)
    uitkomsten = {}

    def verplaats(naam, user):
        try:
            # Each thread reads the park on its own database connection, then both move at the same moment.
            eigen = Traject.objects.select_related("terrein").get(pk=traject.pk)
            uitkomsten[f"{naam}-pid"] = connection.cursor().connection.info.backend_pid
            start.wait(timeout=10)
            zet(eigen, "inventarisatie_afronden", user)
            uitkomsten[naam] = "gelukt"
        except services.GelijktijdigeWijziging as fout:
            uitkomsten[naam] = fout
        finally:
            connections.close_all()

    draden = [threading.Thread(target=verplaats, args=(n, u)) for n, u in (("a", regisseur), ("b", beheerder))]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=30)

    assert uitkomsten["a-pid"] != uitkomsten["b-pid"]  # two real connections
    resultaten = [uitkomsten["a"], uitkomsten["b"]]
    assert resultaten.count("gelukt") == 1
    verliezer = next(r for r in resultaten if r != "gelukt")
    assert isinstance(verliezer, services.GelijktijdigeWijziging)
    assert "Iemand anders heeft dit terrein intussen in het stappenplan verplaatst" in str(verliezer)
    traject.refresh_from_db()
    assert (traject.stap, traject.versie) == (1, 1)
    logs = list(StapOvergang.objects.filter(traject=traject))
    assert len(logs) == 1 and logs[0].versie == 1
