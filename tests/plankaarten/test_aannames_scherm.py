"""The assumptions page shows its figures as a Dutch reader writes them."""

import re

import pytest
from django.urls import reverse

from tests.conftest import WACHTWOORD

pytestmark = pytest.mark.django_db


def test_assumption_values_are_grouped_in_thousands_without_trailing_zeros(client, maak_gebruiker, twee_gemeenten):
    assert client.login(username=maak_gebruiker("gemeente", "GM0200").username, password=WACHTWOORD)
    tekst = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", client.get(reverse("aannames")).content.decode()))
    assert "1.100.000 voertuigen" in tekst and "24.000 voertuigen" in tekst
    assert not re.search(r"\b1100000\b|\b24000\b|\d[.,](0|00|0000) ", tekst)  # no raw or padded values
