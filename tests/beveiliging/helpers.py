"""Reusable checks that confidential data never reaches gemeente users or API partners.

Seed a park with recognisable confidential values, render or export it as a gemeente user, and
check the bytes:

    from tests.beveiliging.helpers import assert_geen_vertrouwelijks, vertrouwelijks_zaaien

    def test_gemeente_export_has_no_confidential_data(client, maak_gebruiker, twee_gemeenten):
        terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0])
        vertrouwelijks_zaaien(terrein)
        client.force_login(maak_gebruiker("gemeente", "GM0200"))
        response = client.get(reverse("terrein-export"), {"formaat": "xlsx"})
        assert_geen_vertrouwelijks(response)

`assert_geen_vertrouwelijks` accepts a response (also streaming), bytes or str, and reads HTML,
JSON/GeoJSON, CSV (UTF-8 or Windows-1252) and zip-based files (XLSX, DOCX, ODS) member by member.
PDFs cannot be searched reliably (fonts are subset and text is encoded per glyph): check the HTML
the PDF is rendered from instead.
"""

import io
import subprocess
import zipfile

from terreinen.models import Betrokkenheid, Notitie
from tests.factories import stakeholder_maken

# Every seeded confidential value contains this token, so one search finds any of them.
MERKTEKEN = "ZQXGEHEIM"
CONTACT_NAAM = f"Contactpersoon {MERKTEKEN}"
CONTACT_EMAIL = f"{MERKTEKEN.lower()}@voorbeeld.nl"
CONTACT_TELEFOON = f"06-{MERKTEKEN}-1234"
NOTITIE_TEKST = f"Vertrouwelijke afspraak {MERKTEKEN} over de wachtrij bij het onderstation"
VERTROUWELIJKE_WAARDEN = (MERKTEKEN, CONTACT_NAAM, CONTACT_EMAIL, CONTACT_TELEFOON, NOTITIE_TEKST)


def vertrouwelijks_zaaien(terrein, *, auteur=None) -> tuple[Betrokkenheid, Notitie]:
    """Give `terrein` a contact and a note made of sentinel values, and change the contact once,
    so its confidential history exists too. Returns (contact, notitie)."""
    contact = stakeholder_maken(
        terrein=terrein,
        organisatie=f"Transport {MERKTEKEN} BV",
        soort="bedrijf",
        naam=CONTACT_NAAM,
        rol="Fleetmanager",
        email=f"oud-{CONTACT_EMAIL}",
        telefoon=CONTACT_TELEFOON,
        warm_contact=True,
    )
    persoon = contact.contactpersoon
    persoon.email = CONTACT_EMAIL
    persoon.save()
    notitie = Notitie.objects.create(
        terrein=terrein, soort=Notitie.Soort.AFSPRAAK, datum="2026-03-01", tekst=NOTITIE_TEKST, auteur=auteur
    )
    return contact, notitie


def pdf_tekst(inhoud: bytes) -> str:
    """The text of a PDF as poppler's pdftotext extracts it."""
    uitvoer = subprocess.run(["/usr/bin/pdftotext", "-q", "-", "-"], input=inhoud, capture_output=True, timeout=60, check=False)
    return uitvoer.stdout.decode("utf-8", "replace")


def inhoud_als_tekst(inhoud) -> str:
    """The text of a response, bytes or str: zip containers (XLSX included) member by member, PDFs through pdftotext."""
    if hasattr(inhoud, "streaming_content") and getattr(inhoud, "streaming", False):
        inhoud = b"".join(inhoud.streaming_content)
    elif hasattr(inhoud, "content"):
        inhoud = inhoud.content
    if isinstance(inhoud, str):
        return inhoud
    if inhoud.startswith(b"%PDF-"):
        return pdf_tekst(inhoud)
    if inhoud.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            return "\n".join(f"{naam}\n{inhoud_als_tekst(archief.read(naam))}" for naam in archief.namelist())
    for codering in ("utf-8-sig", "cp1252"):
        try:
            return inhoud.decode(codering)
        except UnicodeDecodeError:
            continue
    return inhoud.decode("latin-1")


def assert_geen_vertrouwelijks(inhoud, *, extra: tuple[str, ...] = ()) -> None:
    """Fail when any seeded confidential value (or one of `extra`) occurs in the content."""
    tekst = inhoud_als_tekst(inhoud).lower()
    gevonden = [w for w in (*VERTROUWELIJKE_WAARDEN, *extra) if w.lower() in tekst]
    assert not gevonden, f"vertrouwelijke gegevens in de uitvoer: {gevonden}"
