"""Evil files for the upload and import tests, built in the test (nothing stored in the repository).

Each builder returns bytes, or writes a file and returns its path when the file is too large to
hold in memory comfortably (the zip bomb is written member by member, streaming).
"""

import io
import zipfile
from pathlib import Path

from openpyxl import Workbook

MB = 1024 * 1024
EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
SHEET = "xl/worksheets/sheet1.xml"
HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"
PDF_KOP = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
PNG_KOP = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"

# A billion laughs: ten levels of ten references, a gigabyte of "lol" if a parser expands it.
BILJOEN_LACHEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + "]>\n"
)
XXE = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
WERKBLAD = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>rin</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>{waarde}</t></is></c></row>'
    "</sheetData></worksheet>"
)


def echte_xlsx(rijen=(("rin", "naam"), (101, "Ecofactorij"))) -> bytes:
    """A real workbook, written by openpyxl."""
    boek = Workbook()
    for rij in rijen:
        boek.active.append(list(rij))
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def _onderdelen(xlsx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(xlsx)) as archief:
        return {naam: archief.read(naam) for naam in archief.namelist()}


def _zip(onderdelen: dict[str, bytes | str], comment: bytes = b"") -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as archief:
        for naam, inhoud in onderdelen.items():
            archief.writestr(naam, inhoud)
        archief.comment = comment
    return uit.getvalue()


def xlsx_met_werkblad(werkblad: bytes | str) -> bytes:
    """A real workbook whose first sheet is replaced by `werkblad`."""
    return _zip({**_onderdelen(echte_xlsx()), SHEET: werkblad})


def biljoen_lachen_xlsx() -> bytes:
    return xlsx_met_werkblad(BILJOEN_LACHEN + WERKBLAD.format(waarde="&lol9;"))


def xxe_xlsx() -> bytes:
    return xlsx_met_werkblad(XXE + WERKBLAD.format(waarde="&xxe;"))


def utf16_dtd_xlsx() -> bytes:
    """The billion laughs in UTF-16, so a byte search for "<!DOCTYPE" in UTF-8 would miss it."""
    return xlsx_met_werkblad((BILJOEN_LACHEN.replace("UTF-8", "UTF-16") + WERKBLAD.format(waarde="&lol9;")).encode("utf-16"))


def docx_als_xlsx() -> bytes:
    """A Word document renamed to .xlsx: a real zip, the wrong content types."""
    return _zip(
        {
            "[Content_Types].xml": f'<Types><Override PartName="/word/document.xml" ContentType="{WORD}"/></Types>',
            "word/document.xml": "<w:document/>",
        }
    )


def zip_zonder_inhoudstypen() -> bytes:
    return _zip({"xl/workbook.xml": "<workbook/>"})


def macro_xlsx() -> bytes:
    onderdelen = _onderdelen(echte_xlsx())
    return _zip({**onderdelen, "xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"})


def zip_commentaar_met_html() -> bytes:
    return _zip(_onderdelen(echte_xlsx()), comment=HTML)


def veel_onderdelen_xlsx(aantal: int) -> bytes:
    return _zip({**_onderdelen(echte_xlsx()), **{f"xl/media/leeg{i}.bin": b"" for i in range(aantal)}})


def zipbom_xlsx(pad: Path, *, mb: int = 300) -> Path:
    """A real workbook whose sheet unpacks to `mb` MB of spaces: written streaming, a few hundred KB on disk."""
    onderdelen = _onderdelen(echte_xlsx())
    blok = b" " * MB
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as archief:
        for naam, inhoud in onderdelen.items():
            if naam != SHEET:
                archief.writestr(naam, inhoud)
        with archief.open(SHEET, "w", force_zip64=True) as deel:
            deel.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for _ in range(mb):
                deel.write(blok)
            deel.write(b"</sheetData></worksheet>")
    return pad


def tekst_met_html_na(grootte: int = 9000) -> bytes:
    """A harmless text whose first `grootte` bytes are plain, with a script after them."""
    regel = b"rin;naam;opmerking\r\n" + b"101;Ecofactorij;gewone tekst zonder opmaak\r\n" * (grootte // 44 + 1)
    return regel + HTML + b"\r\n"


def utf16_html_txt() -> bytes:
    return ("Notitie\n" + HTML.decode()).encode("utf-16")


def pdf_html_polyglot() -> bytes:
    """A file that is a PDF by its header and an HTML page to a browser that sniffs (script after 8 KB)."""
    return PDF_KOP + b"%" + b"x" * 9000 + b"\n" + HTML + b"\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def png_html_polyglot() -> bytes:
    return PNG_KOP + b"\x00" * 64 + HTML
