"""Which models are audited, how a row finds its park, and which fields are confidential.

Register a model once, in an AppConfig.ready():

    from audit.registry import registreer
    registreer("stappenplan.StapOvergang", terrein="traject__terrein_id", vertrouwelijk={"reden"})

`terrein` names the attribute holding the park's id ("pk" for the park itself, "terrein_id" for
its children, or a "__"-separated path); `vertrouwelijk` is a set of field names, or True when the
whole model is confidential (contacts, notes). Confidential changes never reach gemeente users.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db import models


@dataclass(frozen=True)
class GeauditModel:
    model: type[models.Model]
    terrein: str | None = "terrein_id"
    vertrouwelijk: frozenset[str] | bool = frozenset()
    uitgesloten: frozenset[str] = field(default_factory=frozenset)
    # When given, only these fields are public; every other field counts as confidential (an allowlist).
    openbaar: frozenset[str] | None = None

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

    def is_vertrouwelijk(self, veldnaam: str) -> bool:
        if self.vertrouwelijk is True:
            return True
        if self.openbaar is not None and veldnaam not in self.openbaar:
            return True
        return veldnaam in self.vertrouwelijk

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


def registreer(
    model, *, terrein: str | None = "terrein_id", vertrouwelijk=frozenset(), uitgesloten=frozenset(), openbaar=None
) -> GeauditModel:
    from audit import signals

    if isinstance(model, str):
        model = apps.get_model(model)
    geaudit = GeauditModel(
        model=model,
        terrein=terrein,
        vertrouwelijk=vertrouwelijk if vertrouwelijk is True else frozenset(vertrouwelijk),
        uitgesloten=frozenset(uitgesloten),
        openbaar=frozenset(openbaar) if openbaar is not None else None,
    )
    _REGISTER[model] = geaudit
    signals.verbind(model)
    return geaudit


def geaudit_model(model) -> GeauditModel | None:
    return _REGISTER.get(model)


def geauditeerde_modellen() -> list[GeauditModel]:
    return list(_REGISTER.values())
