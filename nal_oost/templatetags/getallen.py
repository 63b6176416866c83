"""Numbers on screens as a Dutch reader expects them: `{{ waarde|getal }}` gives 3.765, 2,5 and 1.100.000.

The same rule as the exports (nal_oost/exports.py `zonder_ruis`): no float artefacts, no trailing zeros;
on screen the thousands are grouped with a dot and the decimals follow a comma (Django's nl formats).
"""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

from nal_oost.exports import zonder_ruis

register = template.Library()


@register.filter
def getal(waarde, decimalen=None):
    """A number grouped in thousands with a decimal comma; `getal:1` rounds to one decimal. None and text pass unchanged."""
    if isinstance(waarde, bool) or not isinstance(waarde, int | float | Decimal):
        return waarde
    if decimalen not in (None, ""):
        waarde = round(Decimal(str(waarde)), int(decimalen))
    waarde = zonder_ruis(waarde) if isinstance(waarde, float | Decimal) else waarde
    return number_format(waarde, use_l10n=True, force_grouping=True)
