"""Password rule on top of Django's: several kinds of characters (BIO2 asks for strong passwords)."""

from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
