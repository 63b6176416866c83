"""Audit trail: field changes of audited models, and security events (logins, account management).

Both are append-only: no screen, admin page or service changes or deletes a row.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Wijziging(models.Model):
    """One create, change or delete of an audited object, with every field that changed.

    `velden` is a list of {"veld", "label", "oud", "nieuw"} with readable values as they were
    shown at the time. `terrein_id` links rows of a park and of everything belonging to it (its
    plankaarten, contacts, traject) and stays after the park is deleted.
    """

    class Actie(models.TextChoices):
        AANGEMAAKT = "aangemaakt", _("aangemaakt")
        GEWIJZIGD = "gewijzigd", _("gewijzigd")
        VERWIJDERD = "verwijderd", _("verwijderd")

    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gebruiker"),
    )
    actor_naam = models.CharField(_("door"), max_length=150)
    request_id = models.CharField(_("request-id"), max_length=64, db_index=True)
    actie = models.CharField(_("actie"), max_length=12, choices=Actie.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("soort"))
    object_id = models.CharField(_("object-id"), max_length=64)
    object_omschrijving = models.CharField(_("object"), max_length=300)
    terrein_id = models.BigIntegerField(_("bedrijventerrein"), null=True, blank=True)
    velden = models.JSONField(_("gewijzigde velden"), default=list)

    class Meta:
        ordering = ["-tijdstip", "-id"]
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")
        indexes = [
            models.Index(fields=["terrein_id", "-tijdstip"], name="wijziging_terrein_idx"),
            models.Index(fields=["content_type", "object_id"], name="wijziging_object_idx"),
        ]

    def __str__(self):
        return f"{self.tijdstip:%d-%m-%Y %H:%M} {self.actor_naam}: {self.object_omschrijving} {self.get_actie_display()}"


class Gebeurtenis(models.Model):
    """A security event with the fields BIO2 asks for: action, object, result, origin, actor, timestamp."""

    class Actie(models.TextChoices):
        INLOGGEN = "inloggen", _("inloggen")
        UITLOGGEN = "uitloggen", _("uitloggen")
        VERGRENDELD = "vergrendeld", _("account vergrendeld")
        TWEEFACTOR = "tweefactor", _("tweede factor controleren")
        TWEEFACTOR_INSTELLEN = "tweefactor_instellen", _("tweede factor instellen")
        TWEEFACTOR_RESET = "tweefactor_reset", _("tweede factor verwijderd")
        UITLOGGEN_OVERAL = "uitloggen_overal", _("uitloggen op alle apparaten")
        WACHTWOORD = "wachtwoord", _("wachtwoord gewijzigd")
        GEBRUIKER_AANGEMAAKT = "gebruiker_aangemaakt", _("gebruiker aangemaakt")
        GEBRUIKER_GEWIJZIGD = "gebruiker_gewijzigd", _("gebruiker gewijzigd")
        GEBRUIKER_GEDEACTIVEERD = "gebruiker_gedeactiveerd", _("gebruiker gedeactiveerd")

    class Resultaat(models.TextChoices):
        GELUKT = "gelukt", _("gelukt")
        MISLUKT = "mislukt", _("mislukt")
        GEBLOKKEERD = "geblokkeerd", _("geblokkeerd")

    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    actie = models.CharField(_("actie"), max_length=30, choices=Actie.choices)
    object = models.CharField(_("object"), max_length=200, help_text=_("het account waar het om gaat"))
    resultaat = models.CharField(_("resultaat"), max_length=12, choices=Resultaat.choices)
    herkomst = models.GenericIPAddressField(_("herkomst (IP-adres)"), null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gebruiker"),
    )
    actor_naam = models.CharField(_("actor"), max_length=150)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    request_id = models.CharField(_("request-id"), max_length=64, db_index=True)
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        ordering = ["-tijdstip", "-id"]
        verbose_name = _("beveiligingsgebeurtenis")
        verbose_name_plural = _("beveiligingsgebeurtenissen")
        indexes = [models.Index(fields=["object", "-tijdstip"], name="gebeurtenis_object_idx")]

    def __str__(self):
        return f"{self.tijdstip:%d-%m-%Y %H:%M} {self.get_actie_display()} {self.object}: {self.get_resultaat_display()}"
