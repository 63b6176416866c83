"""What the map says about the outlines it draws: real IBIS outlines or approximate squares ("benaderd")."""

from django.db.models import Count, Q

from terreinen.models import Bedrijventerrein


def omtrek_telling(terreinen) -> dict:
    """How many of `terreinen` are on the map, and how many of those have an approximate outline.

    A park without an IBIS outline gets a square of its gross area placed inside its municipality
    (terreinen/services/geometrie.py): its place is only roughly right and its shape not at all, which the map must say.
    """
    return terreinen.order_by().aggregate(
        aantal=Count("pk"),
        benaderd=Count("pk", filter=Q(geometrie_bron=Bedrijventerrein.GeometrieBron.BENADERD)),
        ibis=Count("pk", filter=Q(geometrie_bron=Bedrijventerrein.GeometrieBron.IBIS)),
    )
