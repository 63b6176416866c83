"""A park's journey through the stappenplan (Bijlage 2): steps 0–6 and a status."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from terreinen.models import Bedrijventerrein


class Stap(models.IntegerChoices):
    INVENTARISATIE = 0, _("0. Inventarisatie")
    VOORBEREIDING = 1, _("1. Voorbereiding")
    STARTSESSIE = 2, _("2. Startsessie")
    OPLOSSINGSRICHTING = 3, _("3. Bepalen oplossingsrichting")
    REALISATIEPLAN = 4, _("4. Realisatieplan")
    UITVOERING = 5, _("5. Uitvoering")
    EVALUATIE = 6, _("6. Evaluatie")


class Status(models.TextChoices):
    ACTIEF = "actief", _("Actief")
    VOLGEN = "volgen", _("Volgen (lopend initiatief)")
    UITGESTELD = "uitgesteld", _("Uitgesteld")
    ZELFSTANDIG = "zelfstandig", _("Zelfstandig verder")
    GESTOPT = "gestopt", _("Gestopt")
    AFGEROND = "afgerond", _("Afgerond")


class Traject(models.Model):
    """One per park: where it stands in the stappenplan and who leads it."""

    terrein = models.OneToOneField(
        Bedrijventerrein, on_delete=models.CASCADE, related_name="traject", verbose_name=_("bedrijventerrein")
    )
    stap = models.PositiveSmallIntegerField(_("huidige stap"), choices=Stap.choices, default=Stap.INVENTARISATIE)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ACTIEF)
    regisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trajecten",
        verbose_name=_("regisseur"),
    )

    class Meta:
        ordering = ["terrein__naam"]
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        constraints = [
            models.CheckConstraint(condition=Q(stap__gte=0, stap__lte=6), name="traject_stap_0_tot_6"),
            models.CheckConstraint(
                condition=Q(status__in=["actief", "volgen", "uitgesteld", "zelfstandig", "gestopt", "afgerond"]),
                name="traject_status_geldig",
            ),
        ]

    def __str__(self):
        return f"{self.terrein} – {self.get_stap_display()} ({self.get_status_display()})"
