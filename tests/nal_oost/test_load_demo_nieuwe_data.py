"""Re-running load_demo on a database loaded from the earlier data adds the new parks and changes nothing else."""

import re
import shutil
from io import StringIO

import pytest
from django.core.management import call_command

from plankaarten.models import Plankaart
from terreinen.models import Bedrijventerrein, Netbeheerder, Notitie
from tests.factories import stakeholder_maken

pytestmark = pytest.mark.django_db

NIEUWE_GEMEENTEN = ("GM0221", "GM0183")  # Doesburg, Tubbergen
IBIS_RINS = {628, 629, 3868, 4719, 130003, 130089, 230936}
# What the new data sources may set on parks that existed before.
NIEUWE_BRONNEN = {"geometrie", "geometrie_bron", "netbeheerder_id", "netbeheerder_bron", "gewijzigd_op"}


@pytest.fixture
def oude_data(data_dir, tmp_path):
    """The data folder as it was: the first 828 parks, without IBIS outlines or grid operators."""
    oud = tmp_path / "data-oud"
    oud.mkdir()
    for naam in ("gemeenten.csv", "gemeenten.geojson", "provincies.geojson"):
        shutil.copy(data_dir / naam, oud / naam)
    regels = (data_dir / "bedrijventerreinen.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (oud / "bedrijventerreinen.csv").write_text("".join(regels[:829]), encoding="utf-8")
    return oud


def _parken() -> dict[int, dict]:
    velden = [f.attname for f in Bedrijventerrein._meta.concrete_fields if f.attname != "id"]
    return {w["rin"]: w for w in Bedrijventerrein.objects.values(*velden)}


def _plankaarten():
    return sorted(Plankaart.objects.actueel().values_list("terrein__rin", "zichtjaar", "laadvermogen_kw", "versie_id"))


def test_rerun_on_an_existing_database_adds_the_new_parks_and_keeps_everything_entered(oude_data, data_dir, settings):
    settings.NAL_DATA_DIR = str(oude_data)
    call_command("load_demo", "--zonder-gebruikers", stdout=StringIO())
    assert Bedrijventerrein.objects.count() == 828
    # What people entered since.
    handmatig = Bedrijventerrein.objects.get(rin=777)
    handmatig.netbeheerder = Netbeheerder.objects.get_or_create(naam="Coteq")[0]
    handmatig.aantal_bedrijven = 42
    handmatig.save()
    stakeholder_maken(terrein=handmatig, organisatie="Liander", soort="netbeheerder", naam="Nina")
    Notitie.objects.create(terrein=handmatig, soort="gesprek", datum="2026-03-01", tekst="Gesprek")
    voor_parken, voor_plankaarten = _parken(), _plankaarten()

    settings.NAL_DATA_DIR = str(data_dir)
    uitvoer = StringIO()
    call_command("load_demo", "--zonder-gebruikers", stdout=uitvoer)

    assert "bedrijventerreinen.csv: nieuw 12, gewijzigd 0, ongewijzigd 828" in uitvoer.getvalue()
    na = _parken()
    assert set(na) - set(voor_parken) == set(
        Bedrijventerrein.objects.filter(gemeente__code__in=NIEUWE_GEMEENTEN).values_list("rin", flat=True)
    )
    assert len(na) == 840
    for rin, oud in voor_parken.items():
        veranderd = {veld for veld, waarde in oud.items() if na[rin][veld] != waarde}
        assert veranderd <= NIEUWE_BRONNEN, (rin, veranderd)
        if rin not in IBIS_RINS:
            assert na[rin]["geometrie"] == oud["geometrie"] and na[rin]["geometrie_bron"] == "benaderd"
    assert {r for r, w in na.items() if w["geometrie_bron"] == "ibis"} == IBIS_RINS
    # The netbeheerder entered by hand stays; so does everything else about that park.
    handmatig.refresh_from_db()
    assert (handmatig.netbeheerder.naam, handmatig.netbeheerder_bron, handmatig.aantal_bedrijven) == ("Coteq", "handmatig", 42)
    assert handmatig.betrokkenheden.count() == 1 and handmatig.notities.count() == 1
    # The existing parks keep their plankaarten; only the 12 new parks get theirs.
    na_plankaarten = _plankaarten()
    assert set(voor_plankaarten) <= set(na_plankaarten)
    assert len(na_plankaarten) - len(voor_plankaarten) == 12 * 3

    # A third run changes nothing at all.
    stand = (_parken(), _plankaarten())
    derde = StringIO()
    call_command("load_demo", "--zonder-gebruikers", stdout=derde)
    assert (_parken(), _plankaarten()) == stand
    assert "ibis_geometrie_rijssen-holten.geojson: nieuw 0, gewijzigd 0, ongewijzigd 7" in derde.getvalue()
    assert not re.search(r"(nieuw|, gewijzigd) [1-9]", derde.getvalue())
