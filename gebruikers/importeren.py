"""Bulk import of users from a CSV or XLSX file (the `import_users` command).

Columns (headings case-insensitive; spaces, '-' and '_' equivalent): gebruikersnaam (required),
rol (required), gemeenten (CBS codes separated by spaces, commas or '|'), email, voornaam,
achternaam, actief (ja/nee, default ja). Passwords are never read from a file: new users get an
unusable password (or a generated one with --wachtwoorden), existing users keep theirs.
"""

import re
import secrets
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from nal_oost import rollen
from nal_oost.importeren import BestandFout, ImportResultaat, WaardeFout, kolommen_toewijzen, lees_tabel, parse_janee
from terreinen.models import Gemeente
from terreinen.services.gebruikers import gebruiker_opslaan

ALIASSEN = {
    "gebruikersnaam": ("username", "gebruiker", "login"),
    "rol": ("role",),
    "gemeenten": ("gemeente", "gemeentecodes", "gemeente_codes"),
    "email": ("e-mail", "e_mail", "emailadres", "e-mailadres"),
    "voornaam": ("first_name",),
    "achternaam": ("last_name",),
    "actief": ("active", "is_active"),
}


class _Afbreken(Exception):
    pass


def genereer_wachtwoord() -> str:
    """A random password that passes the validators: 4 groups of letters/digits with a separator."""
    alfabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    while True:
        wachtwoord = "-".join("".join(secrets.choice(alfabet) for _ in range(5)) for _ in range(4))
        if re.search(r"[a-z]", wachtwoord) and re.search(r"[A-Z]", wachtwoord) and re.search(r"\d", wachtwoord):
            return wachtwoord


def gebruikers_importeren(*, pad: Path, dry_run: bool = False, wachtwoorden: bool = False):
    """Create or update every user in the file, all or nothing; returns (result, [(name, password)])."""
    resultaat = ImportResultaat(bestand=pad.name, dry_run=dry_run)
    try:
        koppen, rijen = lees_tabel(pad)
        kolommen = kolommen_toewijzen(koppen, ALIASSEN, verplicht=("gebruikersnaam", "rol"))
    except BestandFout as exc:
        resultaat.wijs_af(None, None, str(exc))
        return resultaat, []
    for kop in kolommen.onbekend:
        resultaat.waarschuwingen.append(_("onbekende kolom '%(kop)s' genegeerd") % {"kop": kop})
    bekende_codes = set(Gemeente.objects.values_list("code", flat=True))
    gezien: dict[str, int] = {}
    plannen = []
    for nummer, rij in rijen:
        naam = kolommen.waarde(rij, "gebruikersnaam")
        rol = (kolommen.waarde(rij, "rol") or "").lower()
        if not naam:
            resultaat.wijs_af(nummer, kolommen.kop("gebruikersnaam"), _("gebruikersnaam ontbreekt"))
            continue
        if naam.lower() in gezien:
            resultaat.wijs_af(
                nummer, kolommen.kop("gebruikersnaam"), _("staat ook op rij %(rij)s") % {"rij": gezien[naam.lower()]}
            )
            continue
        gezien[naam.lower()] = nummer
        if rol not in rollen.ROLLEN:
            resultaat.wijs_af(
                nummer,
                kolommen.kop("rol"),
                _("onbekende rol '%(rol)s'; kies uit %(rollen)s") % {"rol": rol, "rollen": ", ".join(rollen.ROLLEN)},
            )
            continue
        codes = [c.upper() for c in re.split(r"[\s,;|]+", kolommen.waarde(rij, "gemeenten") or "") if c]
        onbekend = [c for c in codes if c not in bekende_codes]
        if onbekend:
            resultaat.wijs_af(
                nummer, kolommen.kop("gemeenten"), _("onbekende gemeentecode(s): %(codes)s") % {"codes": ", ".join(onbekend)}
            )
            continue
        try:
            actief = parse_janee(kolommen.waarde(rij, "actief"))
        except WaardeFout as exc:
            resultaat.wijs_af(nummer, kolommen.kop("actief"), str(exc))
            continue
        plannen.append(
            (
                nummer,
                {
                    "username": naam,
                    "rol": rol,
                    "gemeente_codes": codes,
                    "actief": True if actief is None else actief,
                    "email": kolommen.waarde(rij, "email"),
                    "voornaam": kolommen.waarde(rij, "voornaam"),
                    "achternaam": kolommen.waarde(rij, "achternaam"),
                },
            )
        )
    if resultaat.afwijzingen:
        return resultaat, []
    from django.contrib.auth import get_user_model

    bestaand = {u.lower() for u in get_user_model().objects.values_list("username", flat=True)}
    nieuwe_wachtwoorden = []
    try:
        with transaction.atomic():
            for nummer, plan in plannen:
                nieuw = plan["username"].lower() not in bestaand
                wachtwoord = genereer_wachtwoord() if (nieuw and wachtwoorden) else None
                try:
                    gebruiker_opslaan(**plan, password=wachtwoord)
                except ValidationError as exc:
                    for fout in exc.messages:
                        resultaat.wijs_af(nummer, None, fout)
                    continue
                if nieuw:
                    resultaat.nieuw += 1
                    if wachtwoord:
                        nieuwe_wachtwoorden.append((plan["username"], wachtwoord))
                else:
                    resultaat.gewijzigd += 1
            if resultaat.afwijzingen or dry_run:
                raise _Afbreken
    except _Afbreken:
        nieuwe_wachtwoorden = []
    return resultaat, nieuwe_wachtwoorden
