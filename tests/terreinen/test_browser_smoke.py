import pytest

from tests.factories import BedrijventerreinFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_regisseur_logs_in_and_opens_a_park(inloggen, maak_gebruiker, twee_gemeenten):
    BedrijventerreinFactory(gemeente=twee_gemeenten[0], naam="Ecofactorij")
    pagina = inloggen(maak_gebruiker("regisseur"))
    pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Bedrijventerreinen").click()
    pagina.get_by_role("link", name="Ecofactorij").click()
    assert pagina.get_by_role("heading", level=1).inner_text() == "Ecofactorij"
