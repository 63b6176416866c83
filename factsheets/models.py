"""Rendered factsheet PDFs per park and variant, and bulk rendering runs with their progress."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nal_oost.uploads import UploadValidator
from terreinen.models import Bedrijventerrein


class Variant(models.TextChoices):
    FACTSHEET = "factsheet", _("Factsheet")
    PLANKAART_DETAIL = "plankaart_detail", _("Plankaart detail")


VARIANT_OMSCHRIJVING = {
    Variant.FACTSHEET: _("voor bedrijven en parkmanagement"),
    Variant.PLANKAART_DETAIL: _("voor gemeente en provincie"),
}


class Factsheet(models.Model):
    """The last rendered PDF of one park in one variant, with the hash of the data it was rendered from.

    Staleness is derived, never stored: the factsheet is current when the hash of the data it would
    render now equals `data_hash` (see `factsheets.selectors.factsheet_status`).
    """

    terrein = models.ForeignKey(
        Bedrijventerrein, on_delete=models.CASCADE, related_name="factsheets", verbose_name=_("bedrijventerrein")
    )
    variant = models.CharField(_("variant"), max_length=20, choices=Variant.choices)
    data_hash = models.CharField(_("hash van de gegevens"), max_length=64)
    bestand = models.FileField(_("bestand"), upload_to="factsheets/", max_length=300, validators=[UploadValidator("factsheet")])
    grootte = models.PositiveIntegerField(_("grootte (bytes)"), default=0)
    gegenereerd_op = models.DateTimeField(_("gegenereerd op"))
    duur_ms = models.PositiveIntegerField(_("rendertijd (ms)"), default=0)
    taak_id = models.CharField(_("taak-id"), max_length=64, blank=True)
    aantal_renders = models.PositiveIntegerField(_("aantal keer gegenereerd"), default=1)

    class Meta:
        ordering = ["terrein", "variant"]
        verbose_name = _("factsheet")
        verbose_name_plural = _("factsheets")
        constraints = [
            models.UniqueConstraint(fields=["terrein", "variant"], name="factsheet_een_per_terrein_variant"),
            models.CheckConstraint(condition=Q(variant__in=("factsheet", "plankaart_detail")), name="factsheet_variant_geldig"),
        ]

    def __str__(self):
        return f"{self.terrein} – {self.get_variant_display()}"


class FactsheetRun(models.Model):
    """One "Alle factsheets genereren" action: which park/variant pairs were stale and how far rendering is."""

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("In de wachtrij")
        BEZIG = "bezig", _("Bezig")
        KLAAR = "klaar", _("Klaar")
        MISLUKT = "mislukt", _("Klaar met fouten")

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WACHTRIJ)
    alles = models.BooleanField(_("alles opnieuw (ook actuele)"), default=False)
    totaal = models.PositiveIntegerField(_("totaal"), default=0)
    gedaan = models.PositiveIntegerField(_("gedaan"), default=0)
    mislukt = models.PositiveIntegerField(_("mislukt"), default=0)
    gestart_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gestart door"),
    )
    gestart_op = models.DateTimeField(_("gestart op"), auto_now_add=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    taak_id = models.CharField(_("taak-id"), max_length=64, blank=True)
    fout = models.TextField(_("fout"), blank=True)

    class Meta:
        ordering = ["-gestart_op", "-pk"]
        verbose_name = _("factsheetrun")
        verbose_name_plural = _("factsheetruns")
        constraints = [
            models.CheckConstraint(condition=Q(gedaan__lte=models.F("totaal")), name="factsheetrun_gedaan_max_totaal"),
            models.CheckConstraint(
                condition=Q(mislukt__lte=models.F("totaal") - models.F("gedaan")), name="factsheetrun_mislukt_max_rest"
            ),
        ]

    def __str__(self):
        return f"{self.gestart_op:%d-%m-%Y %H:%M} – {self.get_status_display()} ({self.gedaan}/{self.totaal})"

    @property
    def afgerond(self) -> bool:
        return self.status in (self.Status.KLAAR, self.Status.MISLUKT)

    @property
    def percentage(self) -> int:
        if not self.totaal:
            return 100 if self.afgerond else 0
        return int(100 * (self.gedaan + self.mislukt) / self.totaal)


class FactsheetRunItem(models.Model):
    """One park/variant of a run; its state moves once from `open` to `gedaan` or `mislukt`, so a redelivered task counts once."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        GEDAAN = "gedaan", _("Gedaan")
        MISLUKT = "mislukt", _("Mislukt")

    run = models.ForeignKey(FactsheetRun, on_delete=models.CASCADE, related_name="items", verbose_name=_("run"))
    terrein = models.ForeignKey(Bedrijventerrein, on_delete=models.CASCADE, related_name="+", verbose_name=_("bedrijventerrein"))
    variant = models.CharField(_("variant"), max_length=20, choices=Variant.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    gerenderd = models.BooleanField(_("opnieuw gerenderd"), default=False)
    fout = models.TextField(_("fout"), blank=True)

    class Meta:
        ordering = ["run", "terrein", "variant"]
        verbose_name = _("factsheetrun-onderdeel")
        verbose_name_plural = _("factsheetrun-onderdelen")
        constraints = [models.UniqueConstraint(fields=["run", "terrein", "variant"], name="factsheetrunitem_uniek")]

    def __str__(self):
        return f"{self.run_id}: {self.terrein_id} {self.variant} ({self.status})"
