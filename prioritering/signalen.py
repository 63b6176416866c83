"""Receivers that queue a recomputation when an input of the score changes."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from nal_oost.signalen import gegevens_gewijzigd
from plankaarten.models import Plankaart
from prioritering.models import Berekening
from prioritering.services import herberekening_na_commit
from terreinen.models import Bedrijventerrein, Initiatief


def _na_import(sender, **kwargs):
    if sender in (Bedrijventerrein, Plankaart):
        herberekening_na_commit(aanleiding=Berekening.Aanleiding.IMPORT)


def _na_bewerking(sender, raw=False, **kwargs):
    if not raw:  # fixtures loading
        herberekening_na_commit(aanleiding=Berekening.Aanleiding.BEWERKING)


def _na_koppeling(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        herberekening_na_commit(aanleiding=Berekening.Aanleiding.BEWERKING)


def verbinden():
    gegevens_gewijzigd.connect(_na_import, dispatch_uid="prioritering.na_import")
    for model in (Bedrijventerrein, Plankaart, Initiatief):
        post_save.connect(_na_bewerking, sender=model, dispatch_uid=f"prioritering.opslaan.{model.__name__}")
        post_delete.connect(_na_bewerking, sender=model, dispatch_uid=f"prioritering.verwijderen.{model.__name__}")
    m2m_changed.connect(_na_koppeling, sender=Bedrijventerrein.initiatieven.through, dispatch_uid="prioritering.initiatieven")


def loskoppelen():
    """For bulk tooling (benchmarks) that must not queue recomputations."""
    gegevens_gewijzigd.disconnect(dispatch_uid="prioritering.na_import")
    for model in (Bedrijventerrein, Plankaart, Initiatief):
        post_save.disconnect(sender=model, dispatch_uid=f"prioritering.opslaan.{model.__name__}")
        post_delete.disconnect(sender=model, dispatch_uid=f"prioritering.verwijderen.{model.__name__}")
    m2m_changed.disconnect(sender=Bedrijventerrein.initiatieven.through, dispatch_uid="prioritering.initiatieven")
