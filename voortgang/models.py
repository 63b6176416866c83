"""Requested quarterly reports: who asked for which quarter and filter, and the PDF the worker rendered for it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nal_oost.uploads import UploadValidator


class Kwartaalrapport(models.Model):
    """One request for the quarterly report; the worker renders its PDF once (see `services.kwartaalrapport_renderen`).

    The figures depend on what the requesting user may see, so a report belongs to that user alone.
    """

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("In de wachtrij")
        KLAAR = "klaar", _("Klaar")
        MISLUKT = "mislukt", _("Mislukt")

    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("aangevraagd door")
    )
    kwartaal = models.CharField(_("kwartaal"), max_length=7, help_text=_("jaar-kwartaal, bijvoorbeeld 2026-3"))
    filters = models.JSONField(_("filters van de lijst"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WACHTRIJ)
    # A PDF the worker renders, checked like the factsheets it is made the same way as.
    bestand = models.FileField(
        _("PDF"), upload_to="kwartaalrapporten/", max_length=300, blank=True, validators=[UploadValidator("factsheet")]
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    duur_ms = models.PositiveIntegerField(_("rendertijd (ms)"), default=0)
    fout = models.TextField(_("fout"), blank=True)

    class Meta:
        ordering = ["-aangevraagd_op", "-pk"]
        verbose_name = _("kwartaalrapportage")
        verbose_name_plural = _("kwartaalrapportages")

    def __str__(self):
        return f"{self.kwartaal} ({self.aangevraagd_door_id}, {self.get_status_display()})"
