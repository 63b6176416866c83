"""What every spreadsheet export shares: cells that cannot run as formulas."""

# A cell starting with one of these is read as a formula by spreadsheets (OWASP: CSV injection).
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r", "\n")


def formule_veilig(waarde):
    """Text that a spreadsheet would evaluate gets a leading apostrophe; numbers and other values pass unchanged."""
    if isinstance(waarde, str) and waarde.startswith(FORMULE_TEKENS):
        return "'" + waarde
    return waarde


def werkboek(bladen) -> bytes:
    """An XLSX of `bladen`, each (titel, koppen, rijen, bevriezen): a bold header row, every cell formula-safe.

    `bevriezen` is the cell above-left of which rows and columns stay in view (e.g. "B2"), or None.
    """
    import io

    from django.utils.functional import Promise
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    def waarde(w):
        return formule_veilig(str(w) if isinstance(w, Promise) else w)

    boek = Workbook(write_only=True)
    vet = Font(bold=True)
    for titel, koppen, rijen, bevriezen in bladen:
        blad = boek.create_sheet(title=str(titel)[:31])
        if bevriezen:
            blad.freeze_panes = bevriezen
        kop = []
        for tekst in koppen:
            cel = WriteOnlyCell(blad, value=waarde(str(tekst)))
            cel.font = vet
            kop.append(cel)
        blad.append(kop)
        for rij in rijen:
            blad.append([waarde(w) for w in rij])
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
