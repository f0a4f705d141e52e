# Theme moves to the ground floor (core) so publications can use it without importing measures.
# Step 1 of 3: rename the table; the model state moves in core.0001 and measures.0008.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("measures", "0006_search_indexes"), ("documents", "0006_newsarticle_language")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AlterModelTable(name="theme", table="core_theme")],
            state_operations=[],
        )
    ]
