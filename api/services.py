"""Writes of API keys: create (the plain key is returned once), revoke, record use."""

import hashlib
import secrets
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from api.models import ApiSleutel, Resource

# Writing "last used" on every request would turn reads into writes; once a minute is precise enough.
GEBRUIK_NAUWKEURIGHEID = timedelta(minutes=1)


def sleutel_hash(ruwe_sleutel: str) -> str:
    return hashlib.sha256(ruwe_sleutel.encode()).hexdigest()


def scope_lezen(waarden) -> list[str]:
    """Validate a scope (iterable of resource names, or comma-separated strings); empty means every resource."""
    namen = []
    for waarde in waarden or ():
        namen += [n.strip() for n in str(waarde).split(",") if n.strip()]
    onbekend = sorted(set(namen) - set(Resource.values))
    if onbekend:
        raise ValidationError(
            _("Onbekende onderdelen in de scope: %(onbekend)s. Kies uit: %(keuzes)s.")
            % {"onbekend": ", ".join(onbekend), "keuzes": ", ".join(Resource.values)}
        )
    return [r for r in Resource.values if r in namen] or list(Resource.values)


@transaction.atomic
def api_sleutel_aanmaken(
    *, organisatie: str, scope=(), verloopt_op: date | None = None, omschrijving: str = "", door=None
) -> tuple[ApiSleutel, str]:
    """Create a key for `organisatie`; returns the row and the plain key, which is not stored and cannot be shown again."""
    organisatie = (organisatie or "").strip()
    if not organisatie:
        raise ValidationError(_("Vul de naam van de organisatie in."))
    if verloopt_op is not None and verloopt_op <= timezone.localdate():
        raise ValidationError(_("De vervaldatum moet na vandaag liggen."))
    prefix = secrets.token_hex(4)
    while ApiSleutel.objects.filter(prefix=prefix).exists():
        prefix = secrets.token_hex(4)
    ruwe_sleutel = f"{prefix}.{secrets.token_urlsafe(32)}"
    sleutel = ApiSleutel(
        organisatie=organisatie,
        omschrijving=omschrijving.strip(),
        prefix=prefix,
        sleutel_hash=sleutel_hash(ruwe_sleutel),
        scope=scope_lezen(scope),
        verloopt_op=verloopt_op,
        aangemaakt_door=door,
    )
    sleutel.full_clean()
    sleutel.save()
    return sleutel, ruwe_sleutel


def api_sleutel_intrekken(*, sleutel: ApiSleutel) -> ApiSleutel:
    """Revoke a key; the next request with it fails. Revoking twice keeps the first moment."""
    if sleutel.ingetrokken_op is None:
        sleutel.ingetrokken_op = timezone.now()
        ApiSleutel.objects.filter(pk=sleutel.pk, ingetrokken_op__isnull=True).update(ingetrokken_op=sleutel.ingetrokken_op)
    return sleutel


def api_sleutel_gebruik_vastleggen(*, sleutel: ApiSleutel) -> None:
    nu = timezone.now()
    if sleutel.laatst_gebruikt_op is None or nu - sleutel.laatst_gebruikt_op >= GEBRUIK_NAUWKEURIGHEID:
        ApiSleutel.objects.filter(pk=sleutel.pk).update(laatst_gebruikt_op=nu)
        sleutel.laatst_gebruikt_op = nu
