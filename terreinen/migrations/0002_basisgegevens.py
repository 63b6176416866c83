from django.db import migrations

PROVINCIES = [("PV25", "Gelderland"), ("PV23", "Overijssel"), ("PV26", "Utrecht")]
NETBEHEERDERS = ["Liander", "Enexis", "Coteq", "Stedin", "Rendo"]
INITIATIEVEN = [
    ("Lola", "lola"),
    ("Clean Energy Hub", "clean_energy_hub"),
    ("Smart Energy Hub", "smart_energy_hub"),
    ("Toekomstbestendig bedrijventerrein", "toekomstbestendig"),
    ("Milence", "commercieel"),
    ("Leap24", "commercieel"),
]


def vullen(apps, schema_editor):
    Provincie = apps.get_model("terreinen", "Provincie")
    Netbeheerder = apps.get_model("terreinen", "Netbeheerder")
    Initiatief = apps.get_model("terreinen", "Initiatief")
    for code, naam in PROVINCIES:
        Provincie.objects.update_or_create(code=code, defaults={"naam": naam})
    for naam in NETBEHEERDERS:
        Netbeheerder.objects.get_or_create(naam=naam)
    for naam, soort in INITIATIEVEN:
        Initiatief.objects.get_or_create(naam=naam, defaults={"soort": soort})


class Migration(migrations.Migration):
    dependencies = [("terreinen", "0001_initial")]
    operations = [migrations.RunPython(vullen, migrations.RunPython.noop)]
