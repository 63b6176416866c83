"""What every spreadsheet export shares: cells that cannot run as formulas."""

# A cell starting with one of these is read as a formula by spreadsheets (OWASP: CSV injection).
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r", "\n")


def formule_veilig(waarde):
    """Text that a spreadsheet would evaluate gets a leading apostrophe; numbers and other values pass unchanged."""
    if isinstance(waarde, str) and waarde.startswith(FORMULE_TEKENS):
        return "'" + waarde
    return waarde
