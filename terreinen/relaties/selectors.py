"""Reads of a park's organisations, contact persons and journal; confidential, so only for roles that may see it."""

from django.db.models import QuerySet

from terreinen.models import Bedrijventerrein, Betrokkenheid, Contactpersoon, Notitie, Organisatie


def betrokkenheden_van(*, terrein: Bedrijventerrein) -> list[Betrokkenheid]:
    """The park's linked organisations by kind and name, each with `personen` (its contact persons).

    Always two queries, however many organisations the park has.
    """
    links = list(
        Betrokkenheid.objects.filter(terrein=terrein)
        .select_related("organisatie", "contactpersoon")
        .order_by("organisatie__soort", "organisatie__naam")
    )
    personen: dict[int, list[Contactpersoon]] = {}
    for persoon in Contactpersoon.objects.filter(organisatie__betrokkenheden__terrein=terrein).order_by("naam", "pk"):
        personen.setdefault(persoon.organisatie_id, []).append(persoon)
    for link in links:
        link.personen = personen.get(link.organisatie_id, [])
    return links


def parkmanagement_organisatie(*, terrein: Bedrijventerrein) -> Organisatie | None:
    """The park's parkmanagement organisation: the linked organisation of kind parkmanagement (the first by name)."""
    return (
        Organisatie.objects.filter(betrokkenheden__terrein=terrein, soort=Organisatie.Soort.PARKMANAGEMENT)
        .order_by("naam")
        .first()
    )


def logboek_van(*, terrein: Bedrijventerrein) -> QuerySet[Notitie]:
    """The park's journal, newest first."""
    return Notitie.objects.filter(terrein=terrein).select_related("auteur").order_by("-datum", "-aangemaakt_op")
