from django.db import migrations

from measures.managed_lists import load_managed_lists


def load(apps, schema_editor):
    load_managed_lists(apps.get_model("measures", "Theme"), apps.get_model("measures", "Classification"))


class Migration(migrations.Migration):
    dependencies = [("measures", "0002_measure")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
