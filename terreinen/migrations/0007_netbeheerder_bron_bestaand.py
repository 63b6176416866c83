"""Netbeheerders entered before their source was recorded were entered by hand (in the admin)."""

from django.db import migrations


def bestaande_handmatig(apps, schema_editor):
    Bedrijventerrein = apps.get_model("terreinen", "Bedrijventerrein")
    Bedrijventerrein.objects.filter(netbeheerder__isnull=False, netbeheerder_bron="").update(netbeheerder_bron="handmatig")


class Migration(migrations.Migration):
    dependencies = [("terreinen", "0006_delete_contact")]

    operations = [migrations.RunPython(bestaande_handmatig, migrations.RunPython.noop)]
