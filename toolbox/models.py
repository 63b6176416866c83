"""The toolbox (Bijlage 6): a catalogue of instruments and their use on parks in the stappenplan."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nal_oost import rechten
from nal_oost.uploads import UploadValidator
from stappenplan.models import Stap
from terreinen.models import Bedrijventerrein

# The step in which the plan repeats "uitwerking – bespreken – besluiten" with the toolbox when no good solution is found.
HERHAALSTAP = Stap.OPLOSSINGSRICHTING


class Categorie(models.TextChoices):
    SAMENWERKING = "samenwerking", _("Samenwerking")
    FINANCIEEL = "financieel", _("Financieel")
    JURIDISCH = "juridisch", _("Juridisch")
    LAADINFRA = "laadinfra", _("Laadinfra")
    NETCAPACITEIT = "netcapaciteit", _("Netcapaciteit")
    COMMUNICATIE = "communicatie", _("Communicatie")
    PRIORITERING = "prioritering", _("Prioritering")


class Doelgroep(models.TextChoices):
    BEDRIJVEN = "bedrijven", _("Bedrijven")
    GEMEENTEN = "gemeenten", _("Gemeenten")
    PARKMANAGEMENT = "parkmanagement", _("Parkmanagement")
    EIGEN_GEBRUIK = "eigen_gebruik", _("Eigen gebruik")


class InstrumentStatus(models.TextChoices):
    BESCHIKBAAR = "beschikbaar", _("Beschikbaar")
    IN_ONTWIKKELING = "in_ontwikkeling", _("In ontwikkeling")


def ziet_eigen_gebruik(user) -> bool:
    """Instruments for 'eigen gebruik' are internal to the programme team: the provincial roles only."""
    return rechten.ziet_vertrouwelijk(user)


class InstrumentQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """Instruments `user` may see: all for provincial roles; gemeente users never see 'eigen gebruik'."""
        if ziet_eigen_gebruik(user):
            return self
        if rechten.is_gemeente(user):
            return self.openbaar()
        return self.none()

    def openbaar(self):
        """Instruments for others than the programme team itself: everything but 'eigen gebruik' (also for API partners)."""
        return self.exclude(pk__in=InstrumentDoelgroep.objects.filter(doelgroep=Doelgroep.EIGEN_GEBRUIK).values("instrument_id"))


class Instrument(models.Model):
    """One instrument of the toolbox: a document, tool, map or overview that helps a park through the steps."""

    titel = models.CharField(
        _("titel"), max_length=200, unique=True, error_messages={"unique": _("Er bestaat al een instrument met deze titel.")}
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    categorie = models.CharField(_("categorie"), max_length=16, choices=Categorie.choices)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=InstrumentStatus.choices, default=InstrumentStatus.IN_ONTWIKKELING
    )
    eigenaar = models.CharField(
        _("eigenaar"), max_length=120, blank=True, help_text=_("Organisatie die het instrument beheert, bijv. NAL of PVB.")
    )
    link = models.URLField(_("link"), max_length=500, blank=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = InstrumentQuerySet.as_manager()

    class Meta:
        ordering = ["categorie", "titel"]
        verbose_name = _("instrument")
        verbose_name_plural = _("instrumenten")
        constraints = [
            models.CheckConstraint(condition=Q(categorie__in=[c.value for c in Categorie]), name="instrument_categorie_geldig"),
            models.CheckConstraint(condition=Q(status__in=[s.value for s in InstrumentStatus]), name="instrument_status_geldig"),
        ]

    def __str__(self):
        return self.titel


class InstrumentStap(models.Model):
    """A step of the stappenplan an instrument serves."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="stappen")
    stap = models.PositiveSmallIntegerField(_("stap"), choices=Stap.choices)

    class Meta:
        ordering = ["stap"]
        verbose_name = _("stap van instrument")
        verbose_name_plural = _("stappen van instrument")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "stap"], name="instrumentstap_uniek"),
            models.CheckConstraint(condition=Q(stap__gte=0, stap__lte=6), name="instrumentstap_0_tot_6"),
        ]

    def __str__(self):
        return f"{self.instrument} – {self.get_stap_display()}"


class InstrumentDoelgroep(models.Model):
    """An audience an instrument is meant for; 'eigen gebruik' means internal to the programme team."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="doelgroepen")
    doelgroep = models.CharField(_("doelgroep"), max_length=16, choices=Doelgroep.choices)

    class Meta:
        ordering = ["doelgroep"]
        verbose_name = _("doelgroep van instrument")
        verbose_name_plural = _("doelgroepen van instrument")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "doelgroep"], name="instrumentdoelgroep_uniek"),
            models.CheckConstraint(condition=Q(doelgroep__in=[d.value for d in Doelgroep]), name="instrumentdoelgroep_geldig"),
        ]

    def __str__(self):
        return f"{self.instrument} – {self.get_doelgroep_display()}"


def _versie_pad(versie: "InstrumentVersie", bestandsnaam: str) -> str:
    # One folder per version: a new upload never overwrites an older file.
    return f"toolbox/{versie.instrument_id}/v{versie.nummer}/{bestandsnaam}"


class InstrumentVersie(models.Model):
    """One uploaded version of an instrument's document; versions are kept, the highest number is current."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="versies")
    nummer = models.PositiveIntegerField(_("versie"))
    bestand = models.FileField(_("bestand"), upload_to=_versie_pad, max_length=300, validators=[UploadValidator("toolbox")])
    bestandsnaam = models.CharField(_("oorspronkelijke bestandsnaam"), max_length=200)
    mime_type = models.CharField(_("bestandstype"), max_length=120)
    grootte = models.PositiveBigIntegerField(_("grootte (bytes)"))
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    geupload_op = models.DateTimeField(_("geüpload op"), auto_now_add=True)

    class Meta:
        ordering = ["instrument", "-nummer"]
        verbose_name = _("versie van instrument")
        verbose_name_plural = _("versies van instrument")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "nummer"], name="instrumentversie_uniek"),
            models.CheckConstraint(condition=Q(nummer__gte=1), name="instrumentversie_vanaf_1"),
        ]

    def __str__(self):
        return f"{self.instrument} v{self.nummer}"


class InstrumentInzetQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """Uses on parks the user may see, of instruments the user may see."""
        return self.filter(
            terrein__in=Bedrijventerrein.objects.zichtbaar_voor(user),
            instrument__in=Instrument.objects.zichtbaar_voor(user),
        )


class InstrumentInzet(models.Model):
    """A regisseur used an instrument on a park in a step; at step 3 a new round means the toolbox was used again."""

    terrein = models.ForeignKey(
        Bedrijventerrein, on_delete=models.CASCADE, related_name="instrument_inzetten", verbose_name=_("bedrijventerrein")
    )
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="inzetten", verbose_name=_("instrument"))
    stap = models.PositiveSmallIntegerField(_("stap"), choices=Stap.choices)
    datum = models.DateField(_("datum"))
    notitie = models.TextField(_("notitie (vertrouwelijk)"), blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=300, blank=True)
    ronde = models.PositiveSmallIntegerField(_("ronde"), default=1)
    opnieuw_ingezet = models.BooleanField(_("geen goede oplossing gevonden, toolbox opnieuw ingezet"), default=False)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    objects = InstrumentInzetQuerySet.as_manager()

    class Meta:
        ordering = ["-datum", "-pk"]
        verbose_name = _("inzet van instrument")
        verbose_name_plural = _("inzet van instrumenten")
        constraints = [
            models.CheckConstraint(condition=Q(stap__gte=0, stap__lte=6), name="instrumentinzet_stap_0_tot_6"),
            models.CheckConstraint(condition=Q(ronde__gte=1), name="instrumentinzet_ronde_vanaf_1"),
            # Repeating the toolbox round is part of step 3 only.
            models.CheckConstraint(
                condition=Q(ronde=1, opnieuw_ingezet=False) | Q(stap=HERHAALSTAP),
                name="instrumentinzet_ronde_alleen_stap_3",
            ),
        ]
        indexes = [models.Index(fields=["terrein", "stap"]), models.Index(fields=["instrument", "terrein"])]

    def __str__(self):
        return f"{self.instrument} op {self.terrein} ({self.get_stap_display()}, {self.datum:%d-%m-%Y})"
