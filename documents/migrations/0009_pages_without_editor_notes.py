from django.db import migrations


def update_pages(apps, schema_editor):
    # The initial texts no longer carry "[Sfk: ...]" notes to the editors. Pages whose text is still
    # the earlier initial text (in all three languages) get the new one; pages Sfk has edited are left
    # alone (their notes are hidden from the public when rendered).
    from documents.content import ORIGINAL_2026_12, update_unedited_pages

    update_unedited_pages(apps.get_model("documents", "InfoPage"), ORIGINAL_2026_12)


class Migration(migrations.Migration):
    dependencies = [("documents", "0008_news_reference")]

    operations = [migrations.RunPython(update_pages, migrations.RunPython.noop)]
