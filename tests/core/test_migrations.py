"""The layering moved data between apps: nothing is lost on the way."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("documents", "0007_themes_point_to_core"), ("events", "0002_event_language")]


@pytest.mark.django_db(transaction=True)
def test_a_news_articles_related_event_survives_the_reversed_reference():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    start = timezone.now() + dt.timedelta(days=10)
    event = old.get_model("events", "Event").objects.create(
        title="SLT-konferansen", slug="slt-konferansen", start=start, end=start, status="published"
    )
    article = old.get_model("documents", "NewsArticle").objects.create(
        title="Program klart", slug="program-klart", related_event_id=event.pk
    )
    old.get_model("documents", "NewsArticle").objects.create(title="Uten", slug="uten")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from events.models import Event

    assert list(Event.objects.get(pk=event.pk).news_articles.values_list("pk", flat=True)) == [article.pk]
