"""Password rules (BIO2 asks for strong passwords): length, kinds of characters, and hard to guess.

`RaadbaarheidValidator` estimates how quickly a password is guessed (zxcvbn), with the Dutch words an
attacker tries first; it covers what Django's common-password, numeric and user-attribute validators
did, so those are not configured next to it.
"""

import re

from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from zxcvbn import zxcvbn

SOORTEN = (
    (str.islower, "kleine letters"),
    (str.isupper, "hoofdletters"),
    (str.isdigit, "cijfers"),
    (lambda c: not c.isalnum(), "leestekens of spaties"),
)


class TekensoortenValidator:
    """At least `minimum_soorten` of: lower case, upper case, digits, punctuation/space."""

    def __init__(self, minimum_soorten: int = 3):
        self.minimum_soorten = minimum_soorten

    def validate(self, password, user=None):
        aanwezig = sum(1 for test, _naam in SOORTEN if any(test(c) for c in password))
        if aanwezig < self.minimum_soorten:
            raise ValidationError(
                ngettext(
                    "Het wachtwoord moet minstens %(n)d soort tekens bevatten uit: "
                    "kleine letters, hoofdletters, cijfers, leestekens.",
                    "Het wachtwoord moet minstens %(n)d soorten tekens bevatten uit: "
                    "kleine letters, hoofdletters, cijfers, leestekens.",
                    self.minimum_soorten,
                )
                % {"n": self.minimum_soorten},
                code="password_too_simple",
            )

    def get_help_text(self):
        return _("Gebruik minstens %(n)d van: kleine letters, hoofdletters, cijfers, leestekens.") % {"n": self.minimum_soorten}


class MinimumLengteValidator(MinimumLengthValidator):
    """Django's minimum length, with the Dutch message its translation lacks."""

    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(
                _("Dit wachtwoord is te kort: gebruik minstens %(min_length)d tekens.") % {"min_length": self.min_length},
                code="password_too_short",
                params={"min_length": self.min_length},
            )

    def get_help_text(self):
        return _("Uw wachtwoord moet minstens %(min_length)d tekens bevatten.") % {"min_length": self.min_length}


# Words tried first against Dutch accounts, most likely first (zxcvbn ranks them in this order).
VOORSPELBARE_WOORDEN = (
    *("welkom", "wachtwoord", "geheim", "hallo", "test", "admin", "beheer", "beheerder"),
    *("lente", "zomer", "herfst", "winter", "voorjaar", "najaar"),
    *("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus"),
    *("september", "oktober", "november", "december"),
    *("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    # The application and its programme.
    *("nal", "oost", "naloost", "laadinfra", "laadpaal", "laadplein", "bedrijventerrein", "bedrijventerreinen"),
    *("provincie", "gemeente", "gelderland", "overijssel", "nederland"),
)
# zxcvbn's running time grows with the length; beyond this a password is long enough anyway.
_MAX_LENGTE = 100
_VOORSPELBAAR = {"dictionary", "spatial", "repeat", "sequence", "regex", "date"}


def _gemeentenamen() -> list[str]:
    """The municipalities in the database (an attacker tries the local place names); none without a database."""
    from terreinen.models import Gemeente

    try:
        return list(Gemeente.objects.order_by("naam").values_list("naam", flat=True))
    except DatabaseError:
        return []


def _gebruikerswoorden(user) -> list[str]:
    """The user's own name, username and e-mail address, whole and in parts."""
    woorden = []
    for veld in ("username", "first_name", "last_name", "email"):
        waarde = str(getattr(user, veld, "") or "").lower()
        if waarde:
            woorden.append(waarde)
            woorden += [deel for deel in re.split(r"[^\w]+", waarde) if len(deel) >= 3]
    return woorden


class RaadbaarheidValidator:
    """Refuses passwords a guesser finds quickly: a zxcvbn score below `minimum_score` (0–4), or a
    password made only of predictable parts (words an attacker tries first, years, dates, repeats,
    sequences, keyboard rows) plus digits and punctuation, such as `Zomer2026!!!`."""

    def __init__(self, minimum_score: int = 3):
        self.minimum_score = minimum_score

    def validate(self, password, user=None):
        eigen = _gebruikerswoorden(user) if user is not None else []
        woorden = [*VOORSPELBARE_WOORDEN, *(n.lower() for n in _gemeentenamen()), *eigen]
        uitslag = zxcvbn(password[:_MAX_LENGTE], user_inputs=woorden)
        delen = uitslag["sequence"]
        # What is left once the predictable parts are taken out: guessable if it has no letters.
        rest = "".join(d["token"] for d in delen if d["pattern"] not in _VOORSPELBAAR).lower()
        for woord in sorted((w for w in woorden if len(w) >= 3), key=len, reverse=True):
            rest = rest.replace(woord, "")
        voorspelbaar = not any(c.isalpha() for c in rest)
        if uitslag["score"] >= self.minimum_score and not voorspelbaar:
            return
        fouten = [ValidationError(_("Dit wachtwoord is te makkelijk te raden."), code="password_too_guessable")]
        fouten += [ValidationError(reden, code=code) for reden, code in self._redenen(delen, set(eigen))]
        fouten.append(ValidationError(self.get_help_text(), code="password_too_guessable"))
        raise ValidationError(fouten)

    @staticmethod
    def _redenen(delen, eigen: set[str]):
        redenen = {}
        for deel in delen:
            soort, woordenlijst = deel["pattern"], deel.get("dictionary_name")
            if soort == "dictionary" and woordenlijst == "passwords":
                redenen[_("Dit wachtwoord is te algemeen: (een deel ervan) staat in lijsten van veelgebruikte wachtwoorden.")] = (
                    "password_too_common"
                )
            elif soort == "dictionary" and woordenlijst == "user_inputs" and deel["matched_word"] in eigen:
                redenen[_("Het wachtwoord lijkt op uw gebruikersnaam, naam of e-mailadres.")] = "password_too_similar"
            elif soort == "dictionary" and woordenlijst == "user_inputs":
                redenen[
                    _(
                        "Het bevat een woord dat als eerste wordt geprobeerd: een seizoen, maand of dag, een plaatsnaam, "
                        "'welkom', 'wachtwoord' of de naam van deze applicatie."
                    )
                ] = "password_too_guessable"
            elif soort == "dictionary" and deel.get("l33t"):
                redenen[_("Letters vervangen door cijfers of tekens (zoals @ voor a) maakt een woord nauwelijks moeilijker.")] = (
                    "password_too_guessable"
                )
            elif soort in ("date", "regex"):
                redenen[_("Jaartallen en datums zijn makkelijk te raden.")] = "password_too_guessable"
            elif soort in ("repeat", "sequence"):
                redenen[_("Herhalingen en reeksen (zoals !!!, aaa, abc of 123) maken een wachtwoord nauwelijks sterker.")] = (
                    "password_too_guessable"
                )
            elif soort == "spatial":
                redenen[_("Toetsenbordpatronen (zoals qwerty) zijn makkelijk te raden.")] = "password_too_guessable"
        return list(redenen.items())

    def get_help_text(self):
        return _(
            "Kies iets dat niet te raden is, bijvoorbeeld vier of meer ongewone woorden met leestekens ertussen; "
            "geen seizoen, maand of plaatsnaam met een jaartal."
        )
