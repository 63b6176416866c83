"""Bulk writes of audited models, with one audit row per object.

`QuerySet.update()`, `bulk_create()` and `bulk_update()` send no save signals, so the handlers in
audit.signals never see them. Every bulk write of a model registered in audit.registry goes
through these functions instead, which write the same rows a save would (one per object, with
the changed fields), in bulk:

    from audit import bulk

    bulk.aanmaken(Bedrijventerrein, nieuwe_terreinen)
    bulk.bijwerken_objecten(Bedrijventerrein, gewijzigd, ["geometrie", "geometrie_bron"])
    bulk.bijwerken(Plankaart.objects.filter(pk__in=oud), actueel=False)

For a model that is not audited they are plain bulk writes. Call them inside a transaction when
the data and its audit rows must stand or fall together.
"""

from django.db import models, transaction
from django.db.models import prefetch_related_objects

from audit.models import Wijziging
from audit.registry import geaudit_model
from audit.signals import regels_aangemaakt, regels_gewijzigd, wijziging

_BATCH = 500


def _oude_waarden(model, pks, velden) -> dict:
    attnames = [f.attname for f in velden]
    return {rij.pop("pk"): rij for rij in model._base_manager.filter(pk__in=pks).values("pk", *attnames)}


def _met_gerelateerde(model, objecten) -> dict:
    """Load the objects' foreign keys in one query each (`__str__` of a row often names its park).

    Returns the names of the related objects, as audit.signals._leesbaar caches them.
    """
    # Only keys that were loaded: reading a deferred one would cost a query per object.
    uitgesteld = objecten[0].get_deferred_fields() if objecten else set()
    velden = [f for f in model._meta.concrete_fields if (f.many_to_one or f.one_to_one) and f.attname not in uitgesteld]
    prefetch_related_objects(objecten, *[f.name for f in velden])
    namen = {}
    for obj in objecten:
        for veld in velden:
            if veld.is_cached(obj) and getattr(obj, veld.name) is not None:
                namen[(veld.related_model, getattr(obj, veld.attname))] = str(getattr(obj, veld.name))
    return namen


def _gewijzigde_velden(geaudit, namen) -> list[models.Field]:
    return [f for f in geaudit.velden() if f.name in namen or f.attname in namen]


def aanmaken(model, objecten: list, *, batch_size: int = _BATCH) -> list:
    """`bulk_create` with an "aangemaakt" row per object (PostgreSQL returns the new keys)."""
    objecten = list(objecten)
    with transaction.atomic():
        objecten = model._default_manager.bulk_create(objecten, batch_size=batch_size)
        geaudit = geaudit_model(model)
        if geaudit is not None and objecten:
            namen = _met_gerelateerde(model, objecten)
            Wijziging.objects.bulk_create(
                [wijziging(geaudit, obj, Wijziging.Actie.AANGEMAAKT, regels_aangemaakt(geaudit, obj, namen)) for obj in objecten],
                batch_size=batch_size,
            )
    return objecten


def bijwerken_objecten(model, objecten: list, velden, *, batch_size: int = _BATCH) -> int:
    """`bulk_update` of `velden` with a "gewijzigd" row per object whose audited fields really changed."""
    objecten = list(objecten)
    if not objecten:
        return 0
    geaudit = geaudit_model(model)
    with transaction.atomic():
        oud = {}
        if geaudit is not None:
            oud = _oude_waarden(model, [o.pk for o in objecten], _gewijzigde_velden(geaudit, set(velden)))
        aantal = model._default_manager.bulk_update(objecten, list(velden), batch_size=batch_size)
        if geaudit is not None:
            _wijzigingen_schrijven(geaudit, objecten, oud, batch_size)
    return aantal


def bijwerken(queryset, **waarden) -> int:
    """`queryset.update(**waarden)` with a "gewijzigd" row per object whose audited fields changed."""
    model = queryset.model
    geaudit = geaudit_model(model)
    if geaudit is None:
        return queryset.update(**waarden)
    velden = _gewijzigde_velden(geaudit, set(waarden))
    with transaction.atomic():
        pks = list(queryset.select_for_update().values_list("pk", flat=True))
        if not pks:
            return 0
        oud = _oude_waarden(model, pks, velden)
        aantal = model._base_manager.filter(pk__in=pks).update(**waarden)
        objecten = list(model._base_manager.filter(pk__in=pks))
        _wijzigingen_schrijven(geaudit, objecten, oud, _BATCH)
    return aantal


def _wijzigingen_schrijven(geaudit, objecten, oud: dict, batch_size: int) -> None:
    namen = _met_gerelateerde(geaudit.model, objecten)
    rijen = []
    for obj in objecten:
        regels = regels_gewijzigd(geaudit, oud.get(obj.pk, {}), obj, namen)
        if regels:
            rijen.append(wijziging(geaudit, obj, Wijziging.Actie.GEWIJZIGD, regels))
    Wijziging.objects.bulk_create(rijen, batch_size=batch_size)
