"""Per-park charging demand forecasts (plankaarten) for 2025, 2030 and 2035, versioned per import."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from terreinen.models import Bedrijventerrein

ZICHTJAREN = (2025, 2030, 2035)


class Zichtjaar(models.IntegerChoices):
    J2025 = 2025, "2025"
    J2030 = 2030, "2030"
    J2035 = 2035, "2035"


class Scenario(models.TextChoices):
    LAAG = "laag", _("Laag")
    MIDDEN = "midden", _("Midden")
    HOOG = "hoog", _("Hoog")


class Netcapaciteit(models.TextChoices):
    ONBEKEND = "", _("Onbekend")
    JA = "ja", _("Ja, voldoende")
    DEELS = "deels", _("Deels")
    NEE = "nee", _("Nee")


class PlankaartVersie(models.Model):
    """One import (or one modelling run) of plankaart figures; the newest row per key is current."""

    nummer = models.PositiveIntegerField(_("versienummer"), unique=True)
    bron = models.CharField(_("bron"), max_length=300)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=300, blank=True)
    gemodelleerd = models.BooleanField(_("gemodelleerd"), default=False)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("door")
    )

    class Meta:
        ordering = ["-nummer"]
        verbose_name = _("plankaartversie")
        verbose_name_plural = _("plankaartversies")

    def __str__(self):
        return f"v{self.nummer} – {self.bron}"


class PlankaartQuerySet(models.QuerySet):
    def actueel(self):
        return self.filter(actueel=True)


class Plankaart(models.Model):
    """Charging demand of one park in one zichtjaar and scenario, as of one version."""

    terrein = models.ForeignKey(
        Bedrijventerrein, on_delete=models.CASCADE, related_name="plankaarten", verbose_name=_("bedrijventerrein")
    )
    versie = models.ForeignKey(PlankaartVersie, on_delete=models.PROTECT, related_name="plankaarten", verbose_name=_("versie"))
    zichtjaar = models.PositiveSmallIntegerField(_("zichtjaar"), choices=Zichtjaar.choices)
    scenario = models.CharField(_("scenario"), max_length=10, choices=Scenario.choices, default=Scenario.MIDDEN)
    laadvermogen_kw = models.DecimalField(_("laadvermogen logistiek (kW)"), max_digits=12, decimal_places=1)
    bestelwagens = models.PositiveIntegerField(_("elektrische bestelwagens (N1)"), null=True, blank=True)
    vrachtwagens = models.PositiveIntegerField(_("elektrische vrachtwagens (N2/N3)"), null=True, blank=True)
    aandeel_eigen_terrein = models.DecimalField(
        _("aandeel laden op eigen terrein (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    netcapaciteit = models.CharField(
        _("netcapaciteit toereikend"), max_length=5, choices=Netcapaciteit.choices, blank=True, default=""
    )
    ruimte_collectief = models.BooleanField(_("ruimte voor collectief laden"), null=True, blank=True)
    behoefte_laadplein = models.BooleanField(_("behoefte aan collectief/publiek laadplein"), null=True, blank=True)
    bron = models.CharField(_("bron"), max_length=300, blank=True)
    gemodelleerd = models.BooleanField(_("gemodelleerd"), default=False)
    actueel = models.BooleanField(_("actueel"), default=True, editable=False)

    objects = PlankaartQuerySet.as_manager()

    class Meta:
        ordering = ["terrein", "zichtjaar", "scenario", "-versie"]
        verbose_name = _("plankaart")
        verbose_name_plural = _("plankaarten")
        constraints = [
            models.UniqueConstraint(fields=["terrein", "zichtjaar", "scenario", "versie"], name="plankaart_uniek_per_versie"),
            models.UniqueConstraint(
                fields=["terrein", "zichtjaar", "scenario"], condition=Q(actueel=True), name="plankaart_een_actuele_per_sleutel"
            ),
            models.CheckConstraint(condition=Q(zichtjaar__in=(2025, 2030, 2035)), name="plankaart_zichtjaar_geldig"),
            models.CheckConstraint(condition=Q(scenario__in=("laag", "midden", "hoog")), name="plankaart_scenario_geldig"),
            models.CheckConstraint(condition=Q(laadvermogen_kw__gte=0), name="plankaart_laadvermogen_niet_negatief"),
            models.CheckConstraint(
                condition=Q(aandeel_eigen_terrein__isnull=True) | Q(aandeel_eigen_terrein__gte=0, aandeel_eigen_terrein__lte=100),
                name="plankaart_aandeel_eigen_terrein_percentage",
            ),
            models.CheckConstraint(
                condition=Q(netcapaciteit__in=("", "ja", "deels", "nee")), name="plankaart_netcapaciteit_geldig"
            ),
        ]
        indexes = [models.Index(fields=["zichtjaar", "scenario"], condition=Q(actueel=True), name="plankaart_actueel_idx")]

    def __str__(self):
        return f"{self.terrein} {self.zichtjaar} ({self.scenario}, v{self.versie.nummer})"


class Aanname(models.Model):
    """A modelling assumption, shown to users on the Aannames page; the demo model reads its values here."""

    sleutel = models.SlugField(_("sleutel"), max_length=60, unique=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    waarde = models.DecimalField(_("waarde"), max_digits=14, decimal_places=4)
    eenheid = models.CharField(_("eenheid"), max_length=60, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    bron = models.CharField(_("bron"), max_length=500, blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["volgorde", "sleutel"]
        verbose_name = _("aanname")
        verbose_name_plural = _("aannames")

    def __str__(self):
        return self.omschrijving
