"""Which models are audited and how a row finds its park.

Register a model once, in an AppConfig.ready():

    from audit.registry import registreer
    registreer("stappenplan.StapOvergang", terrein="traject__terrein_id")

`terrein` names the attribute holding the park's id ("pk" for the park itself, "terrein_id" for
its children, or a "__"-separated path). Who may see a change of which field is not decided here
but in the visibility register (nal_oost/zichtbaarheid.py), see `GeauditModel.veld_zichtbaar`.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from nal_oost import zichtbaarheid


@dataclass(frozen=True)
class GeauditModel:
    model: type[models.Model]
    terrein: str | None = "terrein_id"
    uitgesloten: frozenset[str] = field(default_factory=frozenset)
    # Labels of the items of list fields (a JSONField holding keys): field name → {key: label}.
    keuzes: dict[str, dict] = field(default_factory=dict)

    def velden(self) -> list[models.Field]:
        """Concrete, non-m2m fields that are diffed (the primary key and excluded fields skipped)."""
        return [
            f
            for f in self.model._meta.concrete_fields
            if not f.primary_key
            and f.name not in self.uitgesloten
            and not getattr(f, "auto_now", False)
            and not getattr(f, "auto_now_add", False)
        ]

    def veld_zichtbaar(self, kijker, veldnaam: str) -> bool:
        """May the viewer see a change of this field: its class, and for a relation the class of what it points at."""
        if not zichtbaarheid.mag_zien(kijker, self.model, veldnaam or None):
            return False
        try:
            veld = self.model._meta.get_field(veldnaam)
        except FieldDoesNotExist:
            return False
        return not veld.is_relation or zichtbaarheid.mag_zien(kijker, veld.related_model)

    def terrein_van(self, instance) -> int | None:
        if self.terrein is None:
            return None
        waarde = instance
        for deel in self.terrein.split("__"):
            waarde = getattr(waarde, deel, None)
            if waarde is None:
                return None
        return int(waarde)


_REGISTER: dict[type[models.Model], GeauditModel] = {}


def registreer(model, *, terrein: str | None = "terrein_id", uitgesloten=frozenset(), keuzes=None) -> GeauditModel:
    """Audit `model`. `uitgesloten`: fields neither recorded nor shown (e.g. version counters); `keuzes`: the
    labels of list fields' items, {field: ((key, label), …)}."""
    from audit import signals

    if isinstance(model, str):
        model = apps.get_model(model)
    geaudit = GeauditModel(
        model=model,
        terrein=terrein,
        uitgesloten=frozenset(uitgesloten),
        keuzes={veld: dict(lijst) for veld, lijst in (keuzes or {}).items()},
    )
    _REGISTER[model] = geaudit
    signals.verbind(model)
    return geaudit


def geaudit_model(model) -> GeauditModel | None:
    return _REGISTER.get(model)


def geauditeerde_modellen() -> list[GeauditModel]:
    return list(_REGISTER.values())
