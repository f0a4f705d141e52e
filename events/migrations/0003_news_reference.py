# A news article's related event becomes Event.news_articles, so the reference points down the
# layers (events → documents). Existing links are copied before documents.0008 drops the old field.
from django.db import migrations, models


def copy_links(apps, schema_editor):
    NewsArticle = apps.get_model("documents", "NewsArticle")
    Event = apps.get_model("events", "Event")
    for article_id, event_id in NewsArticle.objects.filter(related_event__isnull=False).values_list(
        "pk", "related_event_id"
    ):
        Event.objects.get(pk=event_id).news_articles.add(article_id)


def copy_back(apps, schema_editor):
    NewsArticle = apps.get_model("documents", "NewsArticle")
    Through = apps.get_model("events", "Event").news_articles.through
    for link in Through.objects.all():
        NewsArticle.objects.filter(pk=link.newsarticle_id).update(related_event_id=link.event_id)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0007_themes_point_to_core"),
        ("events", "0002_event_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="news_articles",
            field=models.ManyToManyField(
                blank=True, related_name="related_events", to="documents.newsarticle", verbose_name="relaterte nyheter"
            ),
        ),
        migrations.RunPython(copy_links, copy_back),
    ]
