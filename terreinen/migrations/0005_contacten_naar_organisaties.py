"""Move every Contact row into the organisation records, without loss.

Contact(terrein, organisatie, soort, naam, rol, email, telefoon, warm_contact) becomes:
- Organisatie(naam, soort): one per name (case-insensitive) and kind, shared by every park;
- Betrokkenheid(terrein, organisatie, warm_contact): one per park and organisation; the warm-contact
  mark is set when any of the park's contacts at that organisation was one;
- Contactpersoon(organisatie, naam, rol, email, telefoon) when the row named a person (name, e-mail
  or phone); identical people are stored once. The link's aanspreekpunt is its warm contact, else
  its first person. A `rol` without a person becomes the organisation's role on the park.
"""

from django.db import migrations


def contacten_overzetten(apps, schema_editor):
    try:
        Contact = apps.get_model("terreinen", "Contact")
    except LookupError:
        # Re-run against a later state (tests restoring reference data): there are no contacts left to move.
        return
    Organisatie = apps.get_model("terreinen", "Organisatie")
    Contactpersoon = apps.get_model("terreinen", "Contactpersoon")
    Betrokkenheid = apps.get_model("terreinen", "Betrokkenheid")
    organisaties = {}
    for contact in Contact.objects.order_by("pk").iterator():
        naam = " ".join(contact.organisatie.split()) or "?"
        sleutel = (naam.lower(), contact.soort)
        organisatie = organisaties.get(sleutel)
        if organisatie is None:
            organisatie = organisaties[sleutel] = Organisatie.objects.create(naam=naam, soort=contact.soort)
        persoon = None
        if contact.naam or contact.email or contact.telefoon:
            gegevens = {"naam": contact.naam, "rol": contact.rol, "email": contact.email, "telefoon": contact.telefoon}
            persoon = Contactpersoon.objects.filter(organisatie=organisatie, **gegevens).first()
            if persoon is None:
                persoon = Contactpersoon.objects.create(organisatie=organisatie, **gegevens)
        link, nieuw = Betrokkenheid.objects.get_or_create(terrein_id=contact.terrein_id, organisatie=organisatie)
        if persoon is None and contact.rol and not link.rol:
            link.rol = contact.rol
        if contact.warm_contact:
            if not link.warm_contact and persoon is not None:
                link.contactpersoon = persoon
            link.warm_contact = True
        if link.contactpersoon_id is None and persoon is not None:
            link.contactpersoon = persoon
        link.save()


def organisaties_terugzetten(apps, schema_editor):
    """Reverse: one Contact per park link and person (or per link when it has nobody)."""
    Contact = apps.get_model("terreinen", "Contact")
    Betrokkenheid = apps.get_model("terreinen", "Betrokkenheid")
    for link in Betrokkenheid.objects.select_related("organisatie", "contactpersoon").order_by("pk"):
        personen = list(link.organisatie.contactpersonen.order_by("pk")) or [None]
        for persoon in personen:
            Contact.objects.create(
                terrein_id=link.terrein_id,
                organisatie=link.organisatie.naam,
                soort=link.organisatie.soort,
                naam=persoon.naam if persoon else "",
                rol=persoon.rol if persoon else link.rol,
                email=persoon.email if persoon else "",
                telefoon=persoon.telefoon if persoon else "",
                warm_contact=link.warm_contact and (persoon is None or persoon.pk == link.contactpersoon_id),
            )


class Migration(migrations.Migration):
    dependencies = [("terreinen", "0004_organisaties_logboek")]

    operations = [migrations.RunPython(contacten_overzetten, organisaties_terugzetten)]
