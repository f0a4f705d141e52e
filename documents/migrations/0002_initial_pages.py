from django.db import migrations


def create_pages(apps, schema_editor):
    # Pages are created only where missing, so text that Sfk has edited is never overwritten.
    from documents.content import ensure_pages

    ensure_pages(apps.get_model("documents", "InfoPage"))


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
