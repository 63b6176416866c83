"""Signal handlers: diff audited models on save and delete; log logins, logouts and lockouts."""

import datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.contrib.gis.geos import GEOSGeometry
from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext as _

from audit.models import Wijziging
from nal_oost.verzoek import huidige_context

_OUD = "_audit_oude_waarden"


def verbind(model) -> None:
    uid = f"audit.{model._meta.label_lower}"
    pre_save.connect(_voor_opslaan, sender=model, dispatch_uid=f"{uid}.pre_save", weak=False)
    post_save.connect(_na_opslaan, sender=model, dispatch_uid=f"{uid}.post_save", weak=False)
    post_delete.connect(_na_verwijderen, sender=model, dispatch_uid=f"{uid}.post_delete", weak=False)


def _geaudit(sender):
    from audit.registry import geaudit_model

    return geaudit_model(sender)


def _ruwe_waarden(instance, velden) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in velden}


def _gelijk(a, b) -> bool:
    if isinstance(a, GEOSGeometry) or isinstance(b, GEOSGeometry):
        if a is None or b is None:
            return a is b
        return a.srid == b.srid and bytes(a.ewkb) == bytes(b.ewkb)
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        try:
            return a is not None and b is not None and Decimal(a) == Decimal(b)
        except (TypeError, ArithmeticError, ValueError):
            return False
    return a == b


def _leesbaar(veld: models.Field, waarde, namen: dict | None = None) -> str:
    """The value as recorded: choice labels, ja/nee, related objects by name, dates as ISO text, lists as lists.

    What depends on the reader (dates in words and local time, list items' labels) is done when the
    history is shown (audit.weergave).

    `namen` caches related objects' names across the rows of one bulk write.
    """
    if waarde is None or waarde == "":
        return ""
    if isinstance(waarde, GEOSGeometry):
        oppervlakte = f", {waarde.area / 10_000:.2f} ha" if waarde.srid == 28992 and waarde.area else ""
        return f"{waarde.geom_type}{oppervlakte}"
    if veld.is_relation and (veld.many_to_one or veld.one_to_one):
        sleutel = (veld.related_model, waarde)
        if namen is not None and sleutel in namen:
            return namen[sleutel]
        gerelateerd = veld.related_model._base_manager.filter(pk=waarde).first()
        naam = str(gerelateerd) if gerelateerd is not None else f"#{waarde}"
        if namen is not None:
            namen[sleutel] = naam
        return naam
    if veld.choices:
        return str(dict(veld.flatchoices).get(waarde, waarde))
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    if isinstance(waarde, datetime.datetime):
        return waarde.isoformat(timespec="seconds")
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    if isinstance(waarde, list | dict):
        return waarde  # kept as data: audit.weergave shows the items by their labels
    return str(waarde)[:2000]


def _voor_opslaan(sender, instance, raw=False, update_fields=None, **kwargs):
    geaudit = _geaudit(sender)
    if geaudit is None or raw or instance._state.adding or instance.pk is None:
        return
    velden = geaudit.velden()
    if update_fields:
        velden = [f for f in velden if f.name in update_fields or f.attname in update_fields]
        if not velden:
            # e.g. Django updating last_login: nothing audited changes, so no query and no row.
            return
    oud = sender._base_manager.filter(pk=instance.pk).values(*[f.attname for f in velden]).first()
    setattr(instance, _OUD, oud)


def _omschrijving(instance) -> str:
    try:
        return str(instance)[:300]
    except Exception:  # noqa: BLE001 - an odd __str__ (unsaved, half-typed values) must not stop the save
        return f"{instance._meta.verbose_name} #{instance.pk}"


def wijziging(geaudit, instance, actie, velden) -> Wijziging:
    """The (unsaved) audit row of one object; single saves and bulk writes (audit.bulk) build it here."""
    context = huidige_context()
    gebruiker = context.gebruiker
    return Wijziging(
        actor=gebruiker,
        actor_naam=gebruiker.get_username() if gebruiker else context.actor_naam,
        request_id=context.request_id,
        actie=actie,
        content_type=ContentType.objects.get_for_model(type(instance)),
        object_id=str(instance.pk),
        object_omschrijving=_omschrijving(instance),
        terrein_id=geaudit.terrein_van(instance),
        velden=velden,
    )


def _schrijf(geaudit, instance, actie, velden):
    wijziging(geaudit, instance, actie, velden).save()


def _gevuld(instance, veld) -> bool:
    waarde = getattr(instance, veld.attname)
    return waarde is not None and waarde not in ("", [], {})


def _regel(veld, oud, nieuw, namen: dict | None = None) -> dict:
    return {
        "veld": veld.name,
        "label": str(veld.verbose_name),
        "oud": _leesbaar(veld, oud, namen),
        "nieuw": _leesbaar(veld, nieuw, namen),
    }


def regels_aangemaakt(geaudit, instance, namen: dict | None = None) -> list[dict]:
    """The field lines of a created object: every audited field that has a value."""
    return [_regel(f, None, getattr(instance, f.attname), namen) for f in geaudit.velden() if _gevuld(instance, f)]


def regels_gewijzigd(geaudit, oud: dict, instance, namen: dict | None = None) -> list[dict]:
    """The field lines of a change: audited fields in `oud` (attname → old value) whose value differs now."""
    regels = []
    for veld in geaudit.velden():
        if veld.attname not in oud:
            continue
        nieuw = getattr(instance, veld.attname)
        if not _gelijk(oud[veld.attname], nieuw):
            regels.append(_regel(veld, oud[veld.attname], nieuw, namen))
    return regels


def _na_opslaan(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    geaudit = _geaudit(sender)
    if geaudit is None or raw:
        return
    if created:
        _schrijf(geaudit, instance, Wijziging.Actie.AANGEMAAKT, regels_aangemaakt(geaudit, instance))
        return
    oud = instance.__dict__.pop(_OUD, None)
    if oud is None:
        # The row vanished between pre_save and now, or pre_save was skipped: nothing to diff against.
        return
    regels = regels_gewijzigd(geaudit, oud, instance)
    if regels:
        _schrijf(geaudit, instance, Wijziging.Actie.GEWIJZIGD, regels)


def _na_verwijderen(sender, instance, **kwargs):
    geaudit = _geaudit(sender)
    if geaudit is None:
        return
    regels = [_regel(f, getattr(instance, f.attname), None) for f in geaudit.velden() if _gevuld(instance, f)]
    _schrijf(geaudit, instance, Wijziging.Actie.VERWIJDERD, regels)
