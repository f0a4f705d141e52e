from django.db import migrations


def update_pages(apps, schema_editor):
    # Rewrites the privacy and accessibility statements only where their text is still the
    # original initial text (in all three languages): pages Sfk has edited are left alone.
    from documents.content import ORIGINAL_2026_11, update_unedited_pages

    update_unedited_pages(apps.get_model("documents", "InfoPage"), ORIGINAL_2026_11)


class Migration(migrations.Migration):
    dependencies = [("documents", "0004_publication_cover_image")]

    operations = [migrations.RunPython(update_pages, migrations.RunPython.noop)]
