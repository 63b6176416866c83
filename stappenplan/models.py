"""A park's journey through the stappenplan (Bijlage 2): steps 0–6, a status, outputs per step and a log."""

from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.query_utils import DeferredAttribute
from django.utils.translation import gettext_lazy as _

from nal_oost.uploads import UploadValidator
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


class Aanvliegroute(models.TextChoices):
    ONBEKEND = "", _("Nog niet gekozen")
    AANSLUITEN = "aansluiten", _("Aansluiten bij lopend initiatief")
    LOS_INITIATIEF = "los_initiatief", _("Los initiatief")
    KOUDE_AANPAK = "koude_aanpak", _("Koude aanpak")


class WarmContactVia(models.TextChoices):
    ONBEKEND = "", _("Onbekend")
    TERREIN = "terrein", _("Via het bedrijventerrein (parkmanagement)")
    BEDRIJF = "bedrijf", _("Via één bedrijf")
    GEEN = "geen", _("Geen warm contact")


class StartsessieUitkomst(models.TextChoices):
    ONBEKEND = "", _("Nog niet bepaald")
    ZELFSTANDIG = "zelfstandig", _("Zelfstandig verder met de toolbox")
    VERDER_ONDERZOEK = "verder_onderzoek", _("Verder onderzoek")
    GEEN_BEHOEFTE = "geen_behoefte", _("Geen behoefte")


# Step 0: the background information the plan asks for before starting (Bijlage 2, stap 0).
CHECKLIST_ACHTERGROND = (
    ("grootte", _("grootte van het terrein")),
    ("bedrijven", _("type bedrijven")),
    ("economisch_belang", _("economisch belang")),
    ("bereikbaarheid", _("bereikbaarheid")),
    ("beleid", _("beleid")),
    ("grondeigendom", _("grondeigendom")),
    ("elektriciteitsbehoefte", _("elektriciteitsbehoefte")),
    ("organisatieniveau", _("organisatieniveau")),
    ("ruimte", _("ruimte")),
    ("publiek_laden", _("plannen voor publiek laden")),
    ("tijdsplanning", _("tijdsplanning")),
)

# Step 3: the local considerations every solution direction is weighed against.
LOKALE_AFWEGINGEN = (
    ("openbare_ruimte", _("openbare ruimte voor collectief laden")),
    ("lokale_opwek", _("lokale opwek")),
    ("elektrificeren_productie", _("elektrificeren van productieprocessen")),
    ("warmtetransitie", _("warmtetransitie")),
    ("slim_energiemanagement", _("slim energiemanagement")),
    ("ruimtelijke_ontwikkelingen", _("toekomstige ruimtelijke ontwikkelingen")),
    ("verdeling_laadvormen", _("verdeling depotladen/snelladen/laden bij de buren/collectief")),
    ("verdeling_publiek_privaat", _("verdeling publiek, semi-publiek en privaat laden")),
)

# Step 4: what a financial close covers (financiering, penvoering, inkoop, planning, tekenmoment).
CHECKLIST_FINANCIAL_CLOSE = (
    ("financiering", _("financiering")),
    ("penvoering", _("penvoering")),
    ("inkoop", _("inkoop")),
    ("planning", _("planning")),
    ("ondertekening", _("ondertekening door alle partijen")),
)


class BeschermdeToestand(DeferredAttribute):
    """A field that can be set when the object is built or loaded, but not assigned afterwards.

    Like django-fsm's protected state: only `stap_zetten` (which opens `Traject.toestand_vrijgeven`)
    may change where a park stands, so no form, admin or script can skip a guard or the log.
    """

    def __set__(self, instance, value):
        naam = self.field.attname
        if naam in instance.__dict__ and not getattr(instance, "_toestand_vrij", False) and instance.__dict__[naam] != value:
            raise AttributeError(f"Traject.{naam} verandert alleen via stappenplan.services.stap_zetten")
        instance.__dict__[naam] = value


def _beschermd(field):
    field.descriptor_class = BeschermdeToestand
    return field


class Traject(models.Model):
    """One per park: where it stands in the stappenplan, who leads it, and the outputs per step."""

    terrein = models.OneToOneField(
        Bedrijventerrein, on_delete=models.CASCADE, related_name="traject", verbose_name=_("bedrijventerrein")
    )
    stap = _beschermd(models.PositiveSmallIntegerField(_("huidige stap"), choices=Stap.choices, default=Stap.INVENTARISATIE))
    status = _beschermd(models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ACTIEF))
    regisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trajecten",
        verbose_name=_("regisseur"),
    )
    # Optimistic lock: every transition raises it by one, and only succeeds from the version it read.
    versie = _beschermd(models.PositiveIntegerField(_("versie"), default=0))

    # Clock of the current step; `termijn_op` is stored so lists can sort and filter on it.
    stap_gestart_op = models.DateField(_("stap gestart op"), null=True, blank=True)
    termijn_op = models.DateField(_("uiterlijk klaar op"), null=True, blank=True, db_index=True)
    uitgesteld_sinds = models.DateField(_("uitgesteld sinds"), null=True, blank=True)
    resterende_dagen = models.IntegerField(_("resterende dagen bij uitstel"), null=True, blank=True)
    herbeoordelen_op = models.DateField(_("opnieuw beoordelen op"), null=True, blank=True)

    eerste_contact_op = models.DateField(_("eerste contactmoment"), null=True, blank=True)
    # Step 0
    checklist_achtergrond = models.JSONField(_("achtergrondchecklist"), default=list, blank=True)
    # Step 1
    orientatiegesprek_op = models.DateField(_("oriëntatiegesprek met de gemeente"), null=True, blank=True)
    aanvliegroute = models.CharField(_("aanvliegroute"), max_length=20, choices=Aanvliegroute.choices, blank=True, default="")
    warm_contact_via = models.CharField(
        _("warm contact via"), max_length=10, choices=WarmContactVia.choices, blank=True, default=""
    )
    # Step 2
    startsessie_op = models.DateField(_("startsessie gehouden op"), null=True, blank=True)
    probleemstelling = models.TextField(_("probleemstelling"), blank=True)
    startsessie_uitkomst = models.CharField(
        _("uitkomst startsessie"), max_length=20, choices=StartsessieUitkomst.choices, blank=True, default=""
    )
    projectteam = models.TextField(_("projectteam"), blank=True, help_text=_("Eén lid per regel: naam en organisatie."))
    kartrekker = models.CharField(_("kartrekker"), max_length=200, blank=True)
    # Step 3
    ronde = models.PositiveSmallIntegerField(_("ronde oplossingsrichting"), default=1)
    besluit_op = models.DateField(_("besluit over oplossingsrichting op"), null=True, blank=True)
    # Step 4
    checklist_financial_close = models.JSONField(_("financial close-checklist"), default=list, blank=True)
    penvoerder = models.CharField(_("penvoerder"), max_length=200, blank=True)
    # Step 5
    gerealiseerd_op = models.DateField(_("gerealiseerd op"), null=True, blank=True)
    realisatie = models.TextField(_("wat is gerealiseerd"), blank=True)

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
            models.CheckConstraint(
                condition=~Q(status="uitgesteld") | Q(uitgesteld_sinds__isnull=False, herbeoordelen_op__isnull=False),
                name="traject_uitgesteld_heeft_datums",
            ),
            models.CheckConstraint(condition=Q(ronde__gte=1), name="traject_ronde_vanaf_1"),
        ]
        indexes = [models.Index(fields=["regisseur", "termijn_op"], name="traject_regisseur_termijn_idx")]

    def __str__(self):
        return f"{self.terrein} – {self.get_stap_display()} ({self.get_status_display()})"

    def refresh_from_db(self, *args, **kwargs):
        self._toestand_vrij = True
        try:
            super().refresh_from_db(*args, **kwargs)
        finally:
            self._toestand_vrij = False


class StapOvergang(models.Model):
    """One transition of a park in the stappenplan; append-only, written with the state change."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="overgangen", verbose_name=_("traject"))
    actie = models.CharField(_("actie"), max_length=40)
    van_stap = models.PositiveSmallIntegerField(_("van stap"), choices=Stap.choices)
    naar_stap = models.PositiveSmallIntegerField(_("naar stap"), choices=Stap.choices)
    van_status = models.CharField(_("van status"), max_length=12, choices=Status.choices)
    naar_status = models.CharField(_("naar status"), max_length=12, choices=Status.choices)
    versie = models.PositiveIntegerField(_("versie na de overgang"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, verbose_name=_("door")
    )
    op = models.DateTimeField(_("op"))
    reden = models.TextField(_("reden"), blank=True)

    class Meta:
        ordering = ["traject", "versie"]
        verbose_name = _("stapovergang")
        verbose_name_plural = _("stapovergangen")
        constraints = [
            # One log row per version: a second writer of the same move cannot log it twice.
            models.UniqueConstraint(fields=["traject", "versie"], name="stapovergang_een_per_versie"),
        ]

    def __str__(self):
        return f"{self.traject.terrein}: {self.actie} ({self.van_stap}→{self.naar_stap})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Een stapovergang wordt nooit gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Een stapovergang wordt nooit verwijderd.")


class Oplossingsrichting(models.Model):
    """A solution direction worked out in step 3, in a given round, weighed against the local considerations."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="oplossingsrichtingen", verbose_name=_("traject"))
    ronde = models.PositiveSmallIntegerField(_("ronde"))
    titel = models.CharField(_("titel"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    afwegingen = models.JSONField(_("gewogen lokale afwegingen"), default=list, blank=True)
    gekozen = models.BooleanField(_("gekozen"), default=False)
    # Optimistic lock for edits (two regisseurs editing the same direction).
    versie = models.PositiveIntegerField(_("versie"), default=0)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["traject", "ronde", "aangemaakt_op"]
        verbose_name = _("oplossingsrichting")
        verbose_name_plural = _("oplossingsrichtingen")
        constraints = [
            models.UniqueConstraint(
                fields=["traject", "ronde"], condition=Q(gekozen=True), name="oplossingsrichting_een_gekozen_per_ronde"
            ),
        ]

    def __str__(self):
        return self.titel

    @property
    def afwegingen_labels(self) -> list[str]:
        namen = dict(LOKALE_AFWEGINGEN)
        return [str(namen[s]) for s in self.afwegingen if s in namen]


def _document_pad(instance, filename):
    return f"stappenplan/{instance.traject.terrein.rin}/stap{instance.stap}/{Path(filename).name}"


class DocumentQuerySet(models.QuerySet):
    def actueel(self):
        """Documents as they stand now: not replaced by a newer version and not deleted."""
        return self.filter(verwijderd_op__isnull=True, volgende__isnull=True)


class Document(models.Model):
    """An uploaded file belonging to a step (letter of intent, signed project plan, …).

    Kept as versions: a new version points to the one it replaces (`vorige`, at most one successor),
    and deleting only marks the document, so every earlier version stays in the history.
    """

    class Soort(models.TextChoices):
        INTENTIEVERKLARING = "intentieverklaring", _("Intentieverklaring")
        PROJECTPLAN = "projectplan", _("Getekend projectplan")
        VERSLAG = "verslag", _("Verslag")
        OVERIG = "overig", _("Overig")

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="documenten", verbose_name=_("traject"))
    stap = models.PositiveSmallIntegerField(_("stap"), choices=Stap.choices)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    bestand = models.FileField(_("bestand"), upload_to=_document_pad, max_length=300, validators=[UploadValidator("document")])
    naam = models.CharField(_("bestandsnaam"), max_length=200)
    grootte = models.PositiveIntegerField(_("grootte (bytes)"))
    inhoudstype = models.CharField(_("inhoudstype"), max_length=100)
    vertrouwelijk = models.BooleanField(_("vertrouwelijk"), default=True)
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("geüpload door")
    )
    geupload_op = models.DateTimeField(_("geüpload op"), auto_now_add=True)
    vorige = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="volgende", verbose_name=_("vorige versie")
    )
    versienummer = models.PositiveSmallIntegerField(_("versie"), default=1)
    verwijderd_op = models.DateTimeField(_("verwijderd op"), null=True, blank=True)
    verwijderd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verwijderd door"),
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["traject", "stap", "-geupload_op"]
        verbose_name = _("document")
        verbose_name_plural = _("documenten")

    def __str__(self):
        return self.naam


class Evaluatienotitie(models.Model):
    """Tips, tops and improvement points, written after any step; read across parks to improve the stappenplan."""

    class Soort(models.TextChoices):
        TIP = "tip", _("Tip")
        TOP = "top", _("Top")
        VERBETERPUNT = "verbeterpunt", _("Verbeterpunt voor het stappenplan")

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="evaluaties", verbose_name=_("traject"))
    stap = models.PositiveSmallIntegerField(_("na stap"), choices=Stap.choices)
    soort = models.CharField(_("soort"), max_length=15, choices=Soort.choices)
    tekst = models.TextField(_("tekst"))
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("auteur")
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("evaluatienotitie")
        verbose_name_plural = _("evaluatienotities")

    def __str__(self):
        return f"{self.get_soort_display()} – {self.traject.terrein}"


class OverzichtVerzending(models.Model):
    """Marks that a regisseur's daily digest went out, so a repeated task run sends nothing twice."""

    regisseur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    datum = models.DateField()
    aantal_terreinen = models.PositiveIntegerField()

    class Meta:
        ordering = ["-datum"]
        verbose_name = _("verzonden dagoverzicht")
        verbose_name_plural = _("verzonden dagoverzichten")
        constraints = [models.UniqueConstraint(fields=["regisseur", "datum"], name="overzicht_een_per_dag")]

    def __str__(self):
        return f"{self.regisseur} {self.datum}"
