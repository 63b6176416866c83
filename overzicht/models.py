"""Personal settings of the overviews."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kolomkeuze(models.Model):
    """The columns one user chose for a list, in their order; the list and its exports show them (overzicht.kolommen)."""

    class Lijst(models.TextChoices):
        TERREINEN = "terreinen", _("Bedrijventerreinen")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kolomkeuzes", verbose_name=_("gebruiker")
    )
    lijst = models.CharField(_("lijst"), max_length=30, choices=Lijst.choices)
    # Column keys of overzicht.kolommen.KOLOMMEN, in the chosen order.
    kolommen = models.JSONField(_("kolommen"), default=list)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["user", "lijst"]
        verbose_name = _("kolomkeuze")
        verbose_name_plural = _("kolomkeuzes")
        constraints = [models.UniqueConstraint(fields=["user", "lijst"], name="kolomkeuze_een_per_lijst_per_gebruiker")]

    def __str__(self):
        return f"{self.user} · {self.get_lijst_display()}"
