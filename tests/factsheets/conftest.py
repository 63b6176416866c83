import shutil
import subprocess
from decimal import Decimal

import pytest

from plankaarten.models import PlankaartVersie
from terreinen.models import Notitie
from tests.factories import (
    BedrijventerreinFactory,
    PlankaartFactory,
    PlankaartVersieFactory,
    UserFactory,
    stakeholder_maken,
    traject_zetten,
)

FIGUREN = {2025: Decimal("845.0"), 2030: Decimal("3420.0"), 2035: Decimal("6620.0")}


@pytest.fixture
def media(settings, tmp_path):
    """MEDIA_ROOT in a fresh folder, so rendered PDFs of one test never meet another's."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def plankaart_voor(terrein, *, versie=None, figuren=FIGUREN, gemodelleerd=True, **extra):
    versie = versie or PlankaartVersieFactory(bron="NAL Oost demo-model", gemodelleerd=gemodelleerd)
    for jaar, kw in figuren.items():
        PlankaartFactory(
            terrein=terrein,
            versie=versie,
            zichtjaar=jaar,
            laadvermogen_kw=kw,
            bestelwagens=int(kw / 10),
            vrachtwagens=int(kw / 60),
            aandeel_eigen_terrein=Decimal("70"),
            netcapaciteit="deels",
            behoefte_laadplein=jaar == 2035,
            gemodelleerd=gemodelleerd,
            bron="NAL Oost demo-model",
            **extra,
        )
    return versie


@pytest.fixture
def terrein_met_alles(twee_gemeenten):
    """A park in Apeldoorn with geometry, modelled plankaart figures, a traject with regisseur, and confidential data."""
    apeldoorn, _zwolle = twee_gemeenten
    terrein = BedrijventerreinFactory(gemeente=apeldoorn, naam="Ecofactorij", met_geometrie=True, onderstation="Apeldoorn-Noord")
    plankaart_voor(terrein)
    regisseur = UserFactory(
        username="r.regisseur", first_name="Renate", last_name="Regisseur", email="r.regisseur@provincie.example"
    )
    traject_zetten(terrein=terrein, stap=2, status="actief", regisseur=regisseur)
    stakeholder_maken(
        terrein=terrein, organisatie="Transport BV", soort="bedrijf", naam="Geheime Gerda", email="gerda@vertrouwelijk.example"
    )
    Notitie.objects.create(terrein=terrein, soort="risico", datum="2026-01-01", tekst="Vertrouwelijke risiconotitie")
    return terrein


def volgende_versie(**kwargs) -> PlankaartVersie:
    return PlankaartVersieFactory(**kwargs)


def pdf_tekst(pad) -> str:
    """Text of a PDF as poppler's pdftotext extracts it."""
    programma = shutil.which("pdftotext")
    assert programma, "pdftotext (poppler-utils) is needed; scripts/bootstrap.sh test installs it"
    return subprocess.run([programma, "-layout", str(pad), "-"], check=True, capture_output=True, text=True).stdout  # noqa: S603


def pdf_ontleed(data: bytes) -> bytes:
    """The PDF with every Flate stream inflated, so catalog entries inside object streams can be found."""
    import re
    import zlib

    delen = [data]
    for stroom in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            delen.append(zlib.decompress(stroom.group(1)))
        except zlib.error:
            continue
    return b"\n".join(delen)
