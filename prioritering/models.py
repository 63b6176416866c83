"""The afwegingskader (versioned weights), the scores it gives each park, its computation runs and selection rounds."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from prioritering.criteria import CRITERIA, gewichten_fouten, max_score
from terreinen.models import Bedrijventerrein


class Vraagklasse(models.TextChoices):
    HOOG = "hoog", _("Hoog")
    MIDDEL = "middel", _("Middel")
    LAAG = "laag", _("Laag")


class Afwegingskader(models.Model):
    """One version of the weights and class thresholds; a change is a new version, old ones stay readable."""

    class Methode(models.TextChoices):
        TERTIELEN = "tertielen", _("Tertielen van de regio")
        DREMPELS = "drempels", _("Vaste drempels (kW)")

    versie = models.PositiveIntegerField(_("versie"), unique=True, editable=False)
    gewichten = models.JSONField(_("punten per criterium en waarde"))
    vraagklasse_methode = models.CharField(
        _("indeling vermogensvraag 2030"), max_length=10, choices=Methode.choices, default=Methode.TERTIELEN
    )
    drempel_middel_kw = models.DecimalField(
        _("ondergrens klasse middel (kW)"), max_digits=12, decimal_places=1, null=True, blank=True
    )
    drempel_hoog_kw = models.DecimalField(
        _("ondergrens klasse hoog (kW)"), max_digits=12, decimal_places=1, null=True, blank=True
    )
    pareto_aandeel = models.PositiveSmallIntegerField(
        _("paretoset: aandeel van de regionale 2035-vraag (%)"),
        default=80,
        help_text=_("De terreinen met de grootste vraag die samen dit deel van de totale 2035-vraag vormen."),
    )
    ze_zone_afstand_km = models.DecimalField(_("ZE-zone 'dichtbij' tot en met (km)"), max_digits=6, decimal_places=2, default=5)
    toelichting = models.TextField(_("reden van deze versie"))
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("door")
    )

    class Meta:
        ordering = ["-versie"]
        verbose_name = _("afwegingskader")
        verbose_name_plural = _("afwegingskaders")
        constraints = [
            models.CheckConstraint(
                condition=Q(pareto_aandeel__gte=1, pareto_aandeel__lte=100), name="kader_pareto_aandeel_percentage"
            ),
            models.CheckConstraint(condition=Q(ze_zone_afstand_km__gte=0), name="kader_ze_afstand_niet_negatief"),
            models.CheckConstraint(
                condition=Q(vraagklasse_methode="tertielen")
                | Q(drempel_middel_kw__isnull=False, drempel_hoog_kw__gt=models.F("drempel_middel_kw"), drempel_middel_kw__gte=0),
                name="kader_drempels_oplopend",
            ),
        ]

    def __str__(self):
        return str(_("Afwegingskader versie %(versie)s")) % {"versie": self.versie}

    def save(self, *args, **kwargs):
        # Versions are immutable: an edit is a new version (see services.afwegingskader_opslaan).
        if self.pk is not None and not self._state.adding:
            raise ValidationError(_("Een afwegingskader wordt niet gewijzigd; sla een nieuwe versie op."))
        super().save(*args, **kwargs)

    def clean(self):
        fouten = {}
        if gewichten_fouten(self.gewichten):
            fouten["gewichten"] = gewichten_fouten(self.gewichten)
        if self.vraagklasse_methode == self.Methode.DREMPELS:
            if self.drempel_middel_kw is None or self.drempel_hoog_kw is None:
                fouten["drempel_hoog_kw"] = _("Geef bij vaste drempels beide grenzen op.")
            elif self.drempel_middel_kw < 0 or self.drempel_hoog_kw <= self.drempel_middel_kw:
                fouten["drempel_hoog_kw"] = _("De grens voor 'hoog' moet boven de grens voor 'middel' liggen (en niet negatief).")
        if fouten:
            raise ValidationError(fouten)

    @property
    def max_score(self) -> int:
        return max_score(self.gewichten)


class Berekening(models.Model):
    """One recomputation of all scores: queued, running, done or failed; at most one waits in the queue."""

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("In de wachtrij")
        BEZIG = "bezig", _("Bezig")
        KLAAR = "klaar", _("Klaar")
        MISLUKT = "mislukt", _("Mislukt")

    class Aanleiding(models.TextChoices):
        IMPORT = "import", _("Na een import")
        BEWERKING = "bewerking", _("Na een wijziging van gegevens")
        NIEUW_KADER = "nieuw_kader", _("Nieuwe versie van het afwegingskader")
        NACHTELIJK = "nachtelijk", _("Nachtelijke herberekening")
        HANDMATIG = "handmatig", _("Handmatig gestart")
        COMMANDO = "commando", _("Vanaf de opdrachtregel")

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WACHTRIJ)
    aanleiding = models.CharField(_("aanleiding"), max_length=12, choices=Aanleiding.choices)
    kader = models.ForeignKey(
        Afwegingskader, on_delete=models.PROTECT, null=True, blank=True, related_name="berekeningen", verbose_name=_("kader")
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    gestart_op = models.DateTimeField(_("gestart op"), null=True, blank=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    aantal_terreinen = models.PositiveIntegerField(_("aantal terreinen"), null=True, blank=True)
    samenvatting = models.JSONField(_("samenvatting"), default=dict, blank=True)
    fout = models.TextField(_("foutmelding"), blank=True)

    class Meta:
        ordering = ["-aangevraagd_op", "-pk"]
        verbose_name = _("herberekening")
        verbose_name_plural = _("herberekeningen")
        constraints = [
            # Coalescing: a burst of edits joins the one queued run instead of queueing hundreds.
            models.UniqueConstraint(fields=["status"], condition=Q(status="wachtrij"), name="berekening_een_in_wachtrij"),
        ]

    def __str__(self):
        return f"{self.get_aanleiding_display()} – {self.get_status_display()}"


class UitsplitsingField(models.JSONField):
    """JSON bound per row: PostgreSQL's UNNEST bulk insert quotes JSON arrays client-side, ~20× slower here."""

    def get_placeholder(self, value, compiler, connection):
        return "%s"


class Prioriteit(models.Model):
    """A park's score under one afwegingskader version, with the per-criterion breakdown that explains it."""

    terrein = models.ForeignKey(
        Bedrijventerrein, on_delete=models.CASCADE, related_name="prioriteiten", verbose_name=_("bedrijventerrein")
    )
    kader = models.ForeignKey(Afwegingskader, on_delete=models.PROTECT, related_name="prioriteiten", verbose_name=_("kader"))
    score = models.IntegerField(_("score"))
    rang = models.PositiveIntegerField(_("rang"))
    vraagklasse = models.CharField(_("vermogensvraag 2030"), max_length=10, choices=Vraagklasse.choices, blank=True)
    in_paretoset = models.BooleanField(_("in paretoset 2035"), null=True)
    kw_2030 = models.DecimalField(_("laadvermogen 2030 (kW)"), max_digits=12, decimal_places=1, null=True)
    kw_2035 = models.DecimalField(_("laadvermogen 2035 (kW)"), max_digits=12, decimal_places=1, null=True)
    zonder_plankaart = models.BooleanField(_("zonder plankaart"), default=False)
    aantal_onbekend = models.PositiveSmallIntegerField(_("criteria met onbekende gegevens"), default=0)
    uitsplitsing = UitsplitsingField(_("uitsplitsing per criterium"))
    berekend_op = models.DateTimeField(_("score geldt sinds"))

    class Meta:
        ordering = ["kader", "rang"]
        verbose_name = _("prioriteit")
        verbose_name_plural = _("prioriteiten")
        constraints = [
            models.UniqueConstraint(fields=["terrein", "kader"], name="prioriteit_een_per_terrein_en_kader"),
            models.CheckConstraint(condition=Q(rang__gte=1), name="prioriteit_rang_vanaf_1"),
        ]
        indexes = [models.Index(fields=["kader", "rang"], name="prioriteit_kader_rang_idx")]

    def __str__(self):
        return f"{self.terrein_id} v{self.kader_id}: {self.score}"

    @property
    def criteria_bekend(self) -> int:
        """How many of the scored criteria had known data (the ranking shows it and breaks ties on it)."""
        return len(CRITERIA) - self.aantal_onbekend


class Selectieronde(models.Model):
    """A saved selection of N high-demand parks (Bijlage 7), a snapshot with its weights version and reasons."""

    naam = models.CharField(_("naam"), max_length=200)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("door")
    )
    kader = models.ForeignKey(Afwegingskader, on_delete=models.PROTECT, related_name="rondes", verbose_name=_("kader"))
    aantal_gevraagd = models.PositiveSmallIntegerField(_("aantal terreinen (N)"))
    toelichting = models.TextField(_("toelichting"), blank=True)
    vorige = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("vergelijken met")
    )
    aantal_kandidaten = models.PositiveIntegerField(_("kandidaten (vraagklasse hoog)"))
    verdeling = models.JSONField(_("verdeling Gelderland/Overijssel"))
    dekking = models.JSONField(_("dekking van de klassen"))
    tekorten = models.JSONField(_("wat niet gehaald kon worden"), default=list)

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name = _("selectieronde")
        verbose_name_plural = _("selectierondes")
        constraints = [models.CheckConstraint(condition=Q(aantal_gevraagd__gte=1), name="ronde_minstens_een")]

    def __str__(self):
        return self.naam


class SelectieKeuze(models.Model):
    """One chosen park in a round, with the data as it was when chosen and the reason it was chosen."""

    ronde = models.ForeignKey(Selectieronde, on_delete=models.CASCADE, related_name="keuzes", verbose_name=_("ronde"))
    terrein = models.ForeignKey(
        Bedrijventerrein, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("bedrijventerrein")
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"))
    rin = models.PositiveIntegerField(_("RIN"))
    naam = models.CharField(_("naam"), max_length=200)
    gemeente = models.CharField(_("gemeente"), max_length=100)
    provincie = models.CharField(_("provincie"), max_length=100)
    score = models.IntegerField(_("score"))
    rang = models.PositiveIntegerField(_("rang"))
    kw_2030 = models.DecimalField(_("laadvermogen 2030 (kW)"), max_digits=12, decimal_places=1, null=True)
    klassen = models.JSONField(_("klassen"))
    reden = models.TextField(_("reden"))

    class Meta:
        ordering = ["ronde", "volgorde"]
        verbose_name = _("gekozen terrein")
        verbose_name_plural = _("gekozen terreinen")
        constraints = [
            models.UniqueConstraint(fields=["ronde", "volgorde"], name="keuze_volgorde_uniek"),
            models.UniqueConstraint(fields=["ronde", "rin"], name="keuze_terrein_een_keer"),
        ]

    def __str__(self):
        return f"{self.ronde}: {self.naam}"
