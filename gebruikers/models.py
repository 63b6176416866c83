"""Which sessions a user has open, so "uitloggen op alle apparaten" can end every one of them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Sessie(models.Model):
    """A logged-in session of a user; removed at logout, ended together by logout-everywhere."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sessies")
    sessie_sleutel = models.CharField(_("sessiesleutel"), max_length=64, unique=True)
    herkomst = models.GenericIPAddressField(_("herkomst (IP-adres)"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    ingelogd_op = models.DateTimeField(_("ingelogd op"), auto_now_add=True)

    class Meta:
        ordering = ["-ingelogd_op"]
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")

    def __str__(self):
        return f"{self.user} {self.ingelogd_op:%d-%m-%Y %H:%M}"
