# Step 3 of 3: Measure.themes points to core.Theme (same table and column), and measures.Theme goes.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("measures", "0007_theme_table_to_core"),
        ("core", "0001_initial"),
        ("documents", "0007_themes_point_to_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="measure",
                    name="themes",
                    field=models.ManyToManyField(related_name="measures", to="core.theme", verbose_name="temaer"),
                ),
                migrations.DeleteModel(name="Theme"),
            ],
        )
    ]
