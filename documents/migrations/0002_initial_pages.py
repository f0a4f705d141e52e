from django.db import migrations

# Pages are created only where missing, so text that Sfk has edited is never overwritten.
from documents.content.pages import PAGES


def create_pages(apps, schema_editor):
    InfoPage = apps.get_model("documents", "InfoPage")
    for data in PAGES:
        data = dict(data)
        slug = data.pop("slug")
        InfoPage.objects.get_or_create(slug=slug, defaults=data)


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
