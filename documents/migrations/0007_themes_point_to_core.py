# Publication.themes points to core.Theme (same table and column; see measures.0007).
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("documents", "0006_newsarticle_language"), ("core", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="publication",
                    name="themes",
                    field=models.ManyToManyField(
                        blank=True, related_name="publications", to="core.theme", verbose_name="temaer"
                    ),
                ),
            ],
        )
    ]
