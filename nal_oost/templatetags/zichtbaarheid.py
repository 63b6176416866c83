"""Template access to the visibility register: `{% if user|mag_zien:"stappenplan.Traject.warm_contact_via" %}`."""

from django import template

from nal_oost import zichtbaarheid

register = template.Library()


@register.filter
def mag_zien(kijker, sleutel: str) -> bool:
    """May this user see the field or object `sleutel` ("app.Model.veld" or "app.Model") at all?"""
    return zichtbaarheid.mag_zien(kijker, sleutel)


@register.filter
def mag_rij_zien(kijker, instance) -> bool:
    """May this user see this object (a confidential document is raised above its model's class)?"""
    return zichtbaarheid.mag_rij_zien(kijker, instance)


@register.filter
def contactpersoon(user) -> dict:
    """A park's regisseur as the province's contact person: {"naam", "email"}."""
    return zichtbaarheid.contactpersoon(user)
