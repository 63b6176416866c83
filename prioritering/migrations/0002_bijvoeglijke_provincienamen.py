"""Saved selection rounds said "binnen het Gelderlande/Overijssele aandeel": the adjectives are Gelderse and Overijsselse."""

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Replace

FOUT_GOED = (("het Gelderlande aandeel", "het Gelderse aandeel"), ("het Overijssele aandeel", "het Overijsselse aandeel"))


def herstellen(apps, schema_editor):
    SelectieKeuze = apps.get_model("prioritering", "SelectieKeuze")
    for fout, goed in FOUT_GOED:
        SelectieKeuze.objects.filter(reden__contains=fout).update(reden=Replace("reden", Value(fout), Value(goed)))


class Migration(migrations.Migration):
    dependencies = [("prioritering", "0001_initial")]

    operations = [migrations.RunPython(herstellen, migrations.RunPython.noop)]
