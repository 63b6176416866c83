"""The visibility register covers every field of every model, and the README shows what it says."""

import re
from pathlib import Path

import pytest
from django.db import models

from nal_oost import zichtbaarheid
from stappenplan.models import Traject
from terreinen.models import Bedrijventerrein


def test_every_model_field_has_a_visibility_class():
    ontbrekend = zichtbaarheid.ontbrekende_sleutels()
    assert not ontbrekend, (
        "Deze velden hebben geen zichtbaarheidsklasse; voeg in nal_oost/zichtbaarheid.py (REGISTER) per veld één regel "
        "toe met OPENBAAR, GEMEENTE of VERTROUWELIJK:\n" + "\n".join(f'    "{s}": ...,' for s in ontbrekend)
    )
    assert not zichtbaarheid.overbodige_sleutels(), zichtbaarheid.overbodige_sleutels()
    assert set(zichtbaarheid.REGISTER.values()) <= set(zichtbaarheid.KLASSEN)


@pytest.fixture
def ongeclassificeerd_veld():
    """A field added to the park model without a line in the register (removed again afterwards)."""
    veld = models.TextField(blank=True)
    veld.contribute_to_class(Bedrijventerrein, "geheime_aantekening")
    try:
        yield veld
    finally:
        Bedrijventerrein._meta.local_fields.remove(veld)
        Bedrijventerrein._meta._expire_cache()
        delattr(Bedrijventerrein, "geheime_aantekening")


def test_a_new_field_without_a_class_fails_with_its_name(ongeclassificeerd_veld):
    assert zichtbaarheid.ontbrekende_sleutels() == ["terreinen.Bedrijventerrein.geheime_aantekening"]
    with pytest.raises(AssertionError, match=r'"terreinen.Bedrijventerrein.geheime_aantekening": \.\.\.'):
        test_every_model_field_has_a_visibility_class()
    with pytest.raises(KeyError, match="geheime_aantekening staat niet in nal_oost/zichtbaarheid.py"):
        zichtbaarheid.klasse(Bedrijventerrein, "geheime_aantekening")


def test_readme_tables_are_the_register():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    blok = re.search(r"<!-- zichtbaarheid:begin -->\n(.*)<!-- zichtbaarheid:einde -->", readme, re.S)
    assert blok, "README.md mist het blok met de zichtbaarheidstabellen"
    assert blok.group(1) == zichtbaarheid.readme_tabellen(), (
        "De tabellen in README.md wijken af van nal_oost/zichtbaarheid.py; maak ze opnieuw met readme_tabellen()"
    )


@pytest.mark.django_db
def test_who_sees_which_class(maak_gebruiker, twee_gemeenten):
    apeldoorn, zwolle = twee_gemeenten
    eigen = Bedrijventerrein(gemeente=apeldoorn, rin=1, naam="Eigen")
    elders = Bedrijventerrein(gemeente=zwolle, rin=2, naam="Elders")
    gemeente = maak_gebruiker("gemeente", "GM0200")
    medewerker = maak_gebruiker("medewerker")
    sleutel = "stappenplan.Traject.warm_contact_via"
    assert zichtbaarheid.mag_zien(medewerker, sleutel, terrein=elders)
    assert not zichtbaarheid.mag_zien(gemeente, sleutel, terrein=eigen)
    assert zichtbaarheid.mag_zien(gemeente, "stappenplan.Traject.probleemstelling", terrein=eigen)
    assert not zichtbaarheid.mag_zien(gemeente, "stappenplan.Traject.probleemstelling", terrein=elders)
    assert zichtbaarheid.mag_zien(gemeente, "terreinen.Bedrijventerrein.warme_contacten", terrein=eigen)
    assert not zichtbaarheid.mag_zien(zichtbaarheid.PARTNER, "stappenplan.Traject.probleemstelling")
    assert zichtbaarheid.mag_zien(zichtbaarheid.PARTNER, "terreinen.Bedrijventerrein.warme_contacten")
    assert "warm_contact_via" not in zichtbaarheid.zichtbare_velden(gemeente, Traject, terrein=eigen)
    assert "probleemstelling" in zichtbaarheid.zichtbare_velden(gemeente, Traject, terrein=eigen)
    assert "warm_contact_via" in zichtbaarheid.zichtbare_velden(medewerker, Traject)
