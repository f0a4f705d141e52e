# The related event now lives on the event (events.0003 copied the links).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0007_themes_point_to_core"),
        ("events", "0003_news_reference"),
    ]

    operations = [migrations.RemoveField(model_name="newsarticle", name="related_event")]
