"""Saving and removing a user's named park-list filters and the columns they chose for the list."""

from django.core.exceptions import ValidationError
from django.http import Http404, QueryDict
from django.utils.translation import gettext as _

from nal_oost import rechten
from overzicht.filtersets import BedrijventerreinFilterSet
from overzicht.kolommen import VAST, kolommen_voor
from overzicht.models import Kolomkeuze
from terreinen.models import OpgeslagenFilter

NAAM_MAX = OpgeslagenFilter._meta.get_field("naam").max_length


def filter_querystring_opschonen(*, querystring: str) -> str:
    """Only the park filters and the sorting, without empty values or the page number, in a stable order."""
    bron = QueryDict(querystring.lstrip("?"))
    schoon = QueryDict(mutable=True)
    for sleutel in BedrijventerreinFilterSet.base_filters:
        waarden = [w.strip() for w in bron.getlist(sleutel) if w.strip()]
        if waarden:
            schoon.setlist(sleutel, waarden)
    return schoon.urlencode()


def opgeslagen_filter_bewaren(*, user, naam: str, querystring: str) -> tuple[OpgeslagenFilter, bool]:
    """Save the current list filter under `naam` (a filter with the same name is replaced); returns (filter, created)."""
    naam = (naam or "").strip()
    if not naam:
        raise ValidationError(_("Geef het filter een naam."))
    if len(naam) > NAAM_MAX:
        raise ValidationError(_("De naam is te lang: maximaal %(max)d tekens.") % {"max": NAAM_MAX})
    schoon = filter_querystring_opschonen(querystring=querystring)
    if len(schoon) > OpgeslagenFilter._meta.get_field("querystring").max_length:
        raise ValidationError(_("Dit filter is te groot om op te slaan; kies minder waarden."))
    filter_, created = OpgeslagenFilter.objects.update_or_create(user=user, naam=naam, defaults={"querystring": schoon})
    return filter_, created


def opgeslagen_filter_verwijderen(*, user, pk: int) -> str:
    """Remove one of the user's own saved filters; someone else's filter is a 404. Returns its name."""
    filter_ = OpgeslagenFilter.objects.filter(pk=pk).first()
    if filter_ is None or not rechten.mag_opgeslagen_filter_beheren(user, filter_):
        raise Http404
    naam = filter_.naam
    filter_.delete()
    return naam


def kolomkeuze_bewaren(*, user, sleutels: list[str], lijst: str = Kolomkeuze.Lijst.TERREINEN) -> Kolomkeuze:
    """Store the columns `user` chose for the list, in the given order: only columns the user may see, each once.

    The name always leads the list and is not stored.
    """
    zichtbaar = {k.sleutel for k in kolommen_voor(user)} - {VAST}
    kolommen = list(dict.fromkeys(s for s in sleutels if s in zichtbaar))
    keuze, _created = Kolomkeuze.objects.update_or_create(user=user, lijst=lijst, defaults={"kolommen": kolommen})
    return keuze


def kolomkeuze_herstellen(*, user, lijst: str = Kolomkeuze.Lijst.TERREINEN) -> None:
    """Back to the list's standard columns."""
    Kolomkeuze.objects.filter(user=user, lijst=lijst).delete()
