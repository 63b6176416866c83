"""The park search: which fields it looks in, and the condition it builds."""

from django.db.models import Q

from nal_oost import zichtbaarheid

# What the park search looks in (nal_oost/zichtbaarheid.py). A search answers for every park a user sees,
# so it may only look in fields everyone who sees the park may see: a field that is not openbaar drops out.
ZOEKVELDEN = {
    "naam": "terreinen.Bedrijventerrein.naam",
    "gemeente__naam": "terreinen.Gemeente.naam",
    "rin": "terreinen.Bedrijventerrein.rin",
}


def zoekvoorwaarde(zoek: str, *, pad: str = "") -> Q:
    """Parks whose name, municipality or RIN number matches `zoek`; `pad` leads from another model to the park."""
    voorwaarde = Q(pk__in=[])
    for veld, bron in ZOEKVELDEN.items():
        if zichtbaarheid.klasse(bron) != zichtbaarheid.OPENBAAR:
            continue
        if veld == "rin":
            if zoek.isdigit():
                voorwaarde |= Q(**{f"{pad}rin": int(zoek)})
        else:
            voorwaarde |= Q(**{f"{pad}{veld}__icontains": zoek})
    return voorwaarde
