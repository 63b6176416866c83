"""API keys of partner organisations: stored hashed, with a scope, an expiry and revocation."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Resource(models.TextChoices):
    """The API's collections a key may be scoped to; a new collection adds one member here."""

    BEDRIJVENTERREINEN = "bedrijventerreinen", _("Bedrijventerreinen")
    GEMEENTEN = "gemeenten", _("Gemeenten")
    PLANKAARTEN = "plankaarten", _("Plankaarten")
    TRAJECTEN = "trajecten", _("Trajecten (stappenplan)")
    AGGREGATEN = "aggregaten", _("Totalen per provincie en gemeente")
    INSTRUMENTEN = "instrumenten", _("Toolbox-instrumenten")


class ApiSleutel(models.Model):
    """An API key of one partner organisation.

    Only a SHA-256 hash of the key is stored; the short public `prefix` (the part before the dot)
    finds the row without scanning. Keys carry 256 bits of randomness, so a plain hash is enough.
    """

    organisatie = models.CharField(_("organisatie"), max_length=200)
    omschrijving = models.CharField(_("omschrijving"), max_length=300, blank=True)
    prefix = models.CharField(_("prefix"), max_length=12, unique=True, editable=False)
    sleutel_hash = models.CharField(_("hash van de sleutel"), max_length=64, editable=False)
    scope = models.JSONField(_("toegang tot"), default=list)
    verloopt_op = models.DateField(_("verloopt op"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    laatst_gebruikt_op = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("door")
    )

    class Meta:
        ordering = ["organisatie", "-aangemaakt_op"]
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")
        constraints = [
            models.CheckConstraint(condition=~Q(organisatie=""), name="apisleutel_organisatie_verplicht"),
        ]

    def __str__(self):
        return f"{self.organisatie} ({self.prefix}…)"

    @property
    def verlopen(self) -> bool:
        return self.verloopt_op is not None and self.verloopt_op < timezone.localdate()

    @property
    def geldig(self) -> bool:
        return self.ingetrokken_op is None and not self.verlopen

    def get_scope_display(self) -> str:
        labels = dict(Resource.choices)
        return ", ".join(str(labels.get(r, r)) for r in self.scope)
