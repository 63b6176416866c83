"""Provinces, municipalities, grid operators, business parks and what is known about them."""

from decimal import Decimal

from django.conf import settings
from django.contrib.gis.db import models
from django.core.exceptions import ValidationError
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from nal_oost import rollen

RD_NEW = 28992


class Provincie(models.Model):
    """A province; Utrecht exists only for Veenendaal."""

    code = models.CharField(_("CBS-code"), max_length=4, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    geometrie = models.MultiPolygonField(_("grens"), srid=RD_NEW, null=True, blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("provincie")
        verbose_name_plural = _("provincies")
        constraints = [models.CheckConstraint(condition=Q(code__regex=r"^PV[0-9]{2}$"), name="provincie_code_pvxx")]

    def __str__(self):
        return self.naam


class Netbeheerder(models.Model):
    """A grid operator (Liander, Enexis, Coteq, Stedin, Rendo)."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("netbeheerder")
        verbose_name_plural = _("netbeheerders")

    def __str__(self):
        return self.naam


class Gemeente(models.Model):
    """A municipality, keyed by its CBS code; merged municipalities get `geldig_tot`, not deleted."""

    code = models.CharField(_("CBS-code"), max_length=6, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    provincie = models.ForeignKey(Provincie, on_delete=models.PROTECT, related_name="gemeenten", verbose_name=_("provincie"))
    geometrie = models.MultiPolygonField(_("grens"), srid=RD_NEW, null=True, blank=True)
    netbeheerders = models.ManyToManyField(Netbeheerder, blank=True, related_name="gemeenten", verbose_name=_("netbeheerders"))
    ze_zone = models.BooleanField(_("zero-emissiezone stadslogistiek"), default=False)
    oppervlakte_land_ha = models.PositiveIntegerField(_("landoppervlakte (ha)"), null=True, blank=True)
    inwoners = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)
    geldig_van = models.DateField(_("geldig van"), null=True, blank=True)
    geldig_tot = models.DateField(_("geldig tot"), null=True, blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^GM[0-9]{4}$"), name="gemeente_code_gmxxxx"),
            models.CheckConstraint(
                condition=Q(geldig_tot__isnull=True) | Q(geldig_van__isnull=True) | Q(geldig_tot__gt=models.F("geldig_van")),
                name="gemeente_geldigheid_oplopend",
            ),
        ]

    def __str__(self):
        return self.naam


class Initiatief(models.Model):
    """A running initiative a park can join."""

    class Soort(models.TextChoices):
        LOLA = "lola", _("Lola")
        CLEAN_ENERGY_HUB = "clean_energy_hub", _("Clean Energy Hub")
        SMART_ENERGY_HUB = "smart_energy_hub", _("Smart Energy Hub")
        TOEKOMSTBESTENDIG = "toekomstbestendig", _("Toekomstbestendig bedrijventerrein")
        COMMERCIEEL = "commercieel", _("Commercieel (Milence, Leap24 …)")
        OVERIG = "overig", _("Overig")

    naam = models.CharField(_("naam"), max_length=200, unique=True)
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices, default=Soort.OVERIG)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    provincie_betrokken = models.BooleanField(_("provincie is aangesloten"), default=False)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")

    def __str__(self):
        return self.naam


class Grootteklasse(models.TextChoices):
    """Bijlage 7: size by net area."""

    KLEIN = "klein", _("Klein (0–10 ha netto)")
    MIDDEL = "middel", _("Middel (11–50 ha netto)")
    GROOT = "groot", _("Groot (>50 ha netto)")


# Upper bounds (inclusive) in net hectares; above the last bound is `groot`.
GROOTTE_GRENZEN = ((Decimal("10"), Grootteklasse.KLEIN), (Decimal("50"), Grootteklasse.MIDDEL))


def grootteklasse_voor(ha_netto) -> str | None:
    if ha_netto is None:
        return None
    for grens, klasse in GROOTTE_GRENZEN:
        if ha_netto <= grens:
            return klasse
    return Grootteklasse.GROOT


class SbiDiversiteit(models.TextChoices):
    LAAG = "laag", _("Lage diversiteit (<10 sectoren)")
    GEMIDDELD = "gemiddeld", _("Gemiddelde diversiteit (10–20 sectoren)")
    ZEER_DIVERS = "zeer_divers", _("Zeer divers (>20 sectoren)")


class LogistiekAandeel(models.TextChoices):
    WEINIG = "weinig", _("Weinig (<20% van de bedrijven)")
    GEMIDDELD = "gemiddeld", _("Gemiddeld (20–50%)")
    VEEL = "veel", _("Veel (>50%)")


class BedrijventerreinQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """The parks `user` may see: all for provincial roles, own municipalities for gemeente users."""
        rol = rollen.rol_van(user)
        if rol in rollen.PROVINCIALE_ROLLEN:
            return self
        if rol == rollen.GEMEENTE:
            return self.filter(gemeente__toegang__user=user)
        return self.none()

    def met_grootteklasse(self):
        whens = [When(ha_netto__lte=grens, then=Value(str(klasse))) for grens, klasse in GROOTTE_GRENZEN]
        return self.annotate(
            grootteklasse_db=Case(*whens, When(ha_netto__isnull=False, then=Value(str(Grootteklasse.GROOT))), default=None)
        )


class Bedrijventerrein(models.Model):
    """A business park from IBIS, keyed by its RIN number, with the Bijlage 7 selection attributes."""

    class GeometrieBron(models.TextChoices):
        IBIS = "ibis", _("IBIS")
        BENADERD = "benaderd", _("Benaderd (geen IBIS-geometrie)")

    class Netcongestie(models.TextChoices):
        ONBEKEND = "", _("Onbekend")
        NEE = "nee", _("Nee")
        CONGESTIEMANAGEMENT = "congestiemanagement", _("Ja, congestiemanagement(onderzoek)")
        VOLLEDIG = "volledig", _("Ja, volledige congestie")

    class NetbeheerderBron(models.TextChoices):
        ONBEKEND = "", _("Onbekend")
        AFGELEID = "afgeleid_gemeente", _("Afgeleid van gemeente")
        HANDMATIG = "handmatig", _("Handmatig ingevuld")

    class Bereikbaarheid(models.TextChoices):
        ONBEKEND = "", _("Onbekend")
        GOED = "goed", _("Goed")
        REDELIJK = "redelijk", _("Redelijk")
        SLECHT = "slecht", _("Slecht")

    rin = models.PositiveIntegerField(_("IBIS RIN-nummer"), unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="terreinen", verbose_name=_("gemeente"))
    peiljaar = models.PositiveSmallIntegerField(_("IBIS-peiljaar"), null=True, blank=True)
    ha_bruto = models.DecimalField(_("bruto oppervlakte (ha)"), max_digits=10, decimal_places=4, null=True, blank=True)
    ha_netto = models.DecimalField(_("netto oppervlakte (ha)"), max_digits=10, decimal_places=4, null=True, blank=True)
    ha_uitgeefbaar = models.DecimalField(_("nog uitgeefbaar (ha)"), max_digits=10, decimal_places=4, null=True, blank=True)
    wloc_type = models.CharField(_("IBIS werklocatietype"), max_length=20, blank=True)
    geometrie = models.MultiPolygonField(_("geometrie"), srid=RD_NEW, null=True, blank=True)
    geometrie_bron = models.CharField(_("bron geometrie"), max_length=10, choices=GeometrieBron.choices, blank=True)
    netbeheerder = models.ForeignKey(
        Netbeheerder, on_delete=models.SET_NULL, null=True, blank=True, related_name="terreinen", verbose_name=_("netbeheerder")
    )
    # Where the netbeheerder value comes from; see `save()` for the rule that keeps it honest.
    netbeheerder_bron = models.CharField(
        _("bron netbeheerder"), max_length=20, choices=NetbeheerderBron.choices, blank=True, default=""
    )
    onderstation = models.CharField(_("onderstation"), max_length=100, blank=True)
    parkmanagement = models.BooleanField(_("parkmanagement"), null=True, blank=True)
    aantal_bedrijven = models.PositiveIntegerField(_("aantal bedrijven"), null=True, blank=True)
    aantal_sectoren = models.PositiveIntegerField(_("aantal sectoren (SBI)"), null=True, blank=True)
    aandeel_logistiek = models.DecimalField(
        _("aandeel logistieke bedrijven (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    netcongestie = models.CharField(_("netcongestie"), max_length=20, choices=Netcongestie.choices, blank=True, default="")
    bereikbaarheid = models.CharField(_("bereikbaarheid"), max_length=10, choices=Bereikbaarheid.choices, blank=True, default="")
    terrein_vol = models.BooleanField(_("terrein vol"), null=True, blank=True)
    warme_contacten = models.BooleanField(_("warme contacten"), null=True, blank=True)
    eigen_initiatief = models.BooleanField(_("eigen initiatief laadinfra/slim energiemanagement"), null=True, blank=True)
    afstand_ze_zone_km = models.DecimalField(
        _("afstand tot dichtstbijzijnde ZE-zone (km)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    initiatieven = models.ManyToManyField(Initiatief, blank=True, related_name="terreinen", verbose_name=_("initiatieven"))
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = BedrijventerreinQuerySet.as_manager()

    class Meta:
        ordering = ["naam", "rin"]
        verbose_name = _("bedrijventerrein")
        verbose_name_plural = _("bedrijventerreinen")
        constraints = [
            models.CheckConstraint(
                condition=Q(ha_bruto__gte=0) | Q(ha_bruto__isnull=True), name="terrein_ha_bruto_niet_negatief"
            ),
            models.CheckConstraint(
                condition=Q(ha_netto__gte=0) | Q(ha_netto__isnull=True), name="terrein_ha_netto_niet_negatief"
            ),
            models.CheckConstraint(
                condition=Q(ha_uitgeefbaar__gte=0) | Q(ha_uitgeefbaar__isnull=True), name="terrein_ha_uitgeefbaar_niet_negatief"
            ),
            models.CheckConstraint(
                condition=Q(aandeel_logistiek__isnull=True) | Q(aandeel_logistiek__gte=0, aandeel_logistiek__lte=100),
                name="terrein_aandeel_logistiek_percentage",
            ),
            models.CheckConstraint(
                condition=Q(geometrie__isnull=True) | ~Q(geometrie_bron=""), name="terrein_geometrie_heeft_bron"
            ),
        ]

    def __str__(self):
        return self.naam

    @classmethod
    def from_db(cls, db, field_names, values):
        terrein = super().from_db(db, field_names, values)
        terrein._netbeheerder_geladen = terrein.__dict__.get("netbeheerder_id", models.DEFERRED)
        return terrein

    def netbeheerder_bron_volgen(self) -> bool:
        """Mark a netbeheerder set by hand as `handmatig` (or clear the source when it is emptied).

        Any save that changes the netbeheerder — a form, the admin, an import — is an entry by hand;
        only `netbeheerder_afleiden` sets `afgeleid_gemeente`, and it does so with a bulk update that
        bypasses this. Returns whether the source changed.
        """
        geladen = getattr(self, "_netbeheerder_geladen", None)
        if geladen is models.DEFERRED or geladen == self.netbeheerder_id:
            return False
        nieuw = self.NetbeheerderBron.HANDMATIG if self.netbeheerder_id else self.NetbeheerderBron.ONBEKEND
        self._netbeheerder_geladen = self.netbeheerder_id
        if self.netbeheerder_bron == nieuw:
            return False
        self.netbeheerder_bron = nieuw
        return True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        raakt_netbeheerder = update_fields is None or {"netbeheerder", "netbeheerder_id"} & set(update_fields)
        if raakt_netbeheerder and self.netbeheerder_bron_volgen() and update_fields is not None:
            kwargs["update_fields"] = [*update_fields, "netbeheerder_bron"]
        super().save(*args, **kwargs)

    @property
    def grootteklasse(self) -> str | None:
        return grootteklasse_voor(self.ha_netto)

    def get_grootteklasse_display(self):
        klasse = self.grootteklasse
        return Grootteklasse(klasse).label if klasse else _("Onbekend")

    @property
    def sbi_diversiteit(self) -> str | None:
        if self.aantal_sectoren is None:
            return None
        if self.aantal_sectoren < 10:
            return SbiDiversiteit.LAAG
        if self.aantal_sectoren <= 20:
            return SbiDiversiteit.GEMIDDELD
        return SbiDiversiteit.ZEER_DIVERS

    @property
    def logistiek_klasse(self) -> str | None:
        if self.aandeel_logistiek is None:
            return None
        if self.aandeel_logistiek < 20:
            return LogistiekAandeel.WEINIG
        if self.aandeel_logistiek <= 50:
            return LogistiekAandeel.GEMIDDELD
        return LogistiekAandeel.VEEL


class Organisatie(models.Model):
    """An organisation involved in parks (a municipality, Liander, a parkmanagement foundation, a company).

    One organisation can be linked to many parks (`Betrokkenheid`); names are unique per kind,
    case-insensitively, so "Liander" is one record however often it is entered.
    """

    class Soort(models.TextChoices):
        GEMEENTE = "gemeente", _("Gemeente")
        NETBEHEERDER = "netbeheerder", _("Netbeheerder")
        PARKMANAGEMENT = "parkmanagement", _("Parkmanagement")
        BEDRIJF = "bedrijf", _("Bedrijf")
        PROVINCIE = "provincie", _("Provincie")
        OVERIG = "overig", _("Overig")

    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    # Optimistic lock: raised by one on every edit through the services.
    versie = models.PositiveIntegerField(_("versie"), default=0)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["naam", "soort"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        constraints = [
            models.UniqueConstraint(Lower("naam"), "soort", name="organisatie_naam_soort_uniek"),
            models.CheckConstraint(condition=~Q(naam=""), name="organisatie_naam_gevuld"),
        ]

    def __str__(self):
        return f"{self.naam} ({self.get_soort_display()})"


class Contactpersoon(models.Model):
    """A person at an organisation, with role and contact details. Confidential."""

    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, related_name="contactpersonen", verbose_name=_("organisatie")
    )
    naam = models.CharField(_("naam"), max_length=200, blank=True)
    rol = models.CharField(_("rol"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    versie = models.PositiveIntegerField(_("versie"), default=0)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["organisatie", "naam", "pk"]
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        constraints = [
            models.CheckConstraint(condition=~Q(naam="", email="", telefoon=""), name="contactpersoon_naam_of_gegevens"),
        ]

    def __str__(self):
        return self.naam or self.email or self.telefoon


class Betrokkenheid(models.Model):
    """An organisation linked to a park: its role on that park and whether it is a warm contact there.

    The stakeholder analysis of step 1 reads these links; the park's parkmanagement organisation is
    the linked organisation of kind `parkmanagement`.
    """

    terrein = models.ForeignKey(
        Bedrijventerrein, on_delete=models.CASCADE, related_name="betrokkenheden", verbose_name=_("terrein")
    )
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, related_name="betrokkenheden", verbose_name=_("organisatie")
    )
    rol = models.CharField(_("rol op dit terrein"), max_length=200, blank=True)
    warm_contact = models.BooleanField(_("warm contact"), default=False)
    contactpersoon = models.ForeignKey(
        Contactpersoon,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aanspreekpunt voor dit terrein"),
    )
    versie = models.PositiveIntegerField(_("versie"), default=0)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["terrein", "organisatie__soort", "organisatie__naam"]
        verbose_name = _("betrokken organisatie")
        verbose_name_plural = _("betrokken organisaties")
        constraints = [models.UniqueConstraint(fields=["terrein", "organisatie"], name="betrokkenheid_uniek_per_terrein")]

    def __str__(self):
        return f"{self.organisatie} – {self.terrein}"

    def clean(self):
        if self.contactpersoon_id and self.contactpersoon.organisatie_id != self.organisatie_id:
            raise ValidationError({"contactpersoon": _("Het aanspreekpunt werkt niet bij deze organisatie.")})


class Notitie(models.Model):
    """A confidential journal entry on a park, optionally with a date to follow it up."""

    class Soort(models.TextChoices):
        GESPREK = "gesprek", _("Gesprek")
        AFSPRAAK = "afspraak", _("Afspraak")
        RISICO = "risico", _("Risico")
        BESLUIT = "besluit", _("Besluit")

    terrein = models.ForeignKey(Bedrijventerrein, on_delete=models.CASCADE, related_name="notities", verbose_name=_("terrein"))
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices)
    datum = models.DateField(_("datum"))
    tekst = models.TextField(_("tekst"))
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("auteur")
    )
    opvolgen_op = models.DateField(_("opvolgen op"), null=True, blank=True, db_index=True)
    opgevolgd = models.BooleanField(_("opgevolgd"), default=False)
    versie = models.PositiveIntegerField(_("versie"), default=0)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["-datum", "-aangemaakt_op"]
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")

    def __str__(self):
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y}"

    @property
    def open_opvolging(self) -> bool:
        return self.opvolgen_op is not None and not self.opgevolgd


class GemeenteToegang(models.Model):
    """Links a gemeente user to a municipality whose parks they may read."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gemeente_toegang")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="toegang")

    class Meta:
        ordering = ["user", "gemeente"]
        verbose_name = _("gemeentetoegang")
        verbose_name_plural = _("gemeentetoegang")
        constraints = [models.UniqueConstraint(fields=["user", "gemeente"], name="gemeentetoegang_uniek")]

    def __str__(self):
        return f"{self.user} → {self.gemeente}"


class OpgeslagenFilter(models.Model):
    """A named park-list filter of one user: the list's query string, so it opens the same view again."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="opgeslagen_filters", verbose_name=_("gebruiker")
    )
    naam = models.CharField(_("naam"), max_length=100)
    querystring = models.CharField(_("filter (querystring)"), max_length=2000, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["user", "naam"]
        verbose_name = _("opgeslagen filter")
        verbose_name_plural = _("opgeslagen filters")
        constraints = [models.UniqueConstraint(fields=["user", "naam"], name="opgeslagen_filter_naam_uniek_per_gebruiker")]

    def __str__(self):
        return self.naam
