import datetime as dt

import pytest
from django.urls import reverse

from stappenplan.models import Traject
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory

pytestmark = pytest.mark.django_db


def test_dashboard_lists_overdue_parks_in_the_users_scope_only(client, twee_gemeenten, maak_gebruiker):
    apeldoorn, zwolle = twee_gemeenten
    gisteren = dt.date.today() - dt.timedelta(days=1)
    eigen = BedrijventerreinFactory(gemeente=apeldoorn, naam="Ecofactorij")
    elders = BedrijventerreinFactory(gemeente=zwolle, naam="Hessenpoort")
    op_tijd = BedrijventerreinFactory(gemeente=apeldoorn, naam="Stadhoudersmolen")
    for terrein in (eigen, elders):
        Traject.objects.update_or_create(terrein=terrein, defaults={"termijn_op": gisteren})
    Traject.objects.update_or_create(terrein=op_tijd, defaults={"termijn_op": dt.date.today() + dt.timedelta(days=30)})

    assert client.login(username=maak_gebruiker("gemeente", "GM0200").username, password=WACHTWOORD)
    body = client.get(reverse("home")).content.decode()
    assert "1 terrein is over de doorlooptijd van zijn stap." in body
    assert "Ecofactorij" in body and "Hessenpoort" not in body

    client.logout()
    assert client.login(username=maak_gebruiker("regisseur").username, password=WACHTWOORD)
    body = client.get(reverse("home")).content.decode()
    assert "2 terreinen zijn over de doorlooptijd van hun stap." in body
