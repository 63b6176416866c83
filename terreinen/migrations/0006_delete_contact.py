from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("terreinen", "0005_contacten_naar_organisaties")]

    operations = [migrations.DeleteModel(name="Contact")]
