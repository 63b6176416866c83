from django.db import migrations


def trajecten_aanmaken(apps, schema_editor):
    Bedrijventerrein = apps.get_model("terreinen", "Bedrijventerrein")
    Traject = apps.get_model("stappenplan", "Traject")
    zonder = Bedrijventerrein.objects.filter(traject__isnull=True).values_list("pk", flat=True)
    Traject.objects.bulk_create([Traject(terrein_id=pk) for pk in zonder.iterator()], batch_size=500, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("stappenplan", "0002_uitkomsten_log_documenten")]

    operations = [migrations.RunPython(trajecten_aanmaken, migrations.RunPython.noop)]
