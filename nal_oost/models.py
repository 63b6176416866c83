"""What is truly shared: background work that could not reach the broker yet."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UitgesteldeTaak(models.Model):
    """A task that could not be handed to the broker (Redis down); sent again once the broker answers."""

    taak = models.CharField(_("taak"), max_length=200)
    args = models.JSONField(_("argumenten"), default=list)
    kwargs = models.JSONField(_("benoemde argumenten"), default=dict)
    fout = models.CharField(_("fout"), max_length=500, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    pogingen = models.PositiveIntegerField(_("pogingen"), default=1)

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        verbose_name = _("uitgestelde taak")
        verbose_name_plural = _("uitgestelde taken")

    def __str__(self):
        return f"{self.taak} ({self.aangemaakt_op:%d-%m-%Y %H:%M})"
