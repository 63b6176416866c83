from django.db import migrations


def trajecten_aanmaken(apps, schema_editor):
    """Parks created before trajecten came with the park got theirs lazily, on a page view; give every one its own now."""
    Bedrijventerrein = apps.get_model("terreinen", "Bedrijventerrein")
    Traject = apps.get_model("stappenplan", "Traject")
    zonder = Bedrijventerrein.objects.filter(traject__isnull=True).values_list("pk", flat=True)
    Traject.objects.bulk_create([Traject(terrein_id=pk) for pk in zonder.iterator()], batch_size=500, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("stappenplan", "0004_document_uploadvalidator")]

    operations = [migrations.RunPython(trajecten_aanmaken, migrations.RunPython.noop)]
