import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from documents.models import NewsArticle
from tests.documents.factories import NewsArticleFactory
from tests.helpers import assert_page, assert_pages

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_news_pages_render(client):
    article = NewsArticleFactory()
    assert_pages(client, ["/aktuelt/", f"/aktuelt/{article.slug}/"], max_queries=6)


def test_scheduled_and_draft_news_are_hidden_until_published(client, sfk_admin):
    now = timezone.now()
    NewsArticleFactory(title="Publisert", slug="publisert", publish_at=now - dt.timedelta(minutes=1))
    NewsArticleFactory(title="Planlagt", slug="planlagt", publish_at=now + dt.timedelta(days=1))
    NewsArticleFactory(title="Utkast", slug="utkast", publish_at=None)
    html = client.get("/aktuelt/").content.decode()
    assert "Publisert" in html and "Planlagt" not in html and "Utkast" not in html
    assert client.get("/aktuelt/planlagt/").status_code == 404
    assert client.get("/aktuelt/utkast/").status_code == 404
    assert [a.title for a in NewsArticle.objects.published(now=now + dt.timedelta(days=2))] == [
        "Planlagt",
        "Publisert",
    ]
    client.force_login(sfk_admin)  # Sfk admins preview scheduled articles
    assert client.get("/aktuelt/planlagt/").status_code == 200


def test_news_list_is_paginated_with_constant_queries(client):
    for i in range(25):
        NewsArticleFactory(publish_at=timezone.now() - dt.timedelta(hours=i + 1))
    response = assert_page(client, "/aktuelt/", max_queries=5)
    assert len(response.context["page_obj"]) == 10
    assert response.context["page_obj"].paginator.num_pages == 3
    assert_page(client, "/aktuelt/?page=3", max_queries=5)


def test_rss_feed_parses_and_lists_only_published_items(client):
    NewsArticleFactory(title="Publisert & klar", slug="publisert")
    NewsArticleFactory(title="Planlagt", slug="planlagt", publish_at=timezone.now() + dt.timedelta(days=1))
    response = client.get(reverse("documents:news_rss"))
    assert response.status_code == 200 and "rss+xml" in response["Content-Type"]
    root = ET.fromstring(response.content)
    items = root.findall("./channel/item")
    assert [item.findtext("title") for item in items] == ["Publisert & klar"]
    assert items[0].findtext("link").endswith("/aktuelt/publisert/")
    assert items[0].findtext("pubDate")


def test_atom_feed_parses(client):
    NewsArticleFactory(title="Nyheten", slug="nyheten")
    root = ET.fromstring(client.get(reverse("documents:news_atom")).content)
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Nyheten"]


def test_news_body_is_sanitised(client):
    article = NewsArticleFactory(body="Hei <script>alert(1)</script> [x](javascript:alert(2))")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "alert(1)" not in html and "javascript:" not in html


def test_image_needs_alt_text(client, sfk_admin):
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (10, 10), "blue").save(buffer, "PNG")
    client.force_login(sfk_admin)
    data = {
        "title": "Med bilde",
        "language": "nb",
        "lead": "Ingress",
        "body": "Tekst",
        "publish_at": "2025-01-01T10:00",
        "image": SimpleUploadedFile("bilde.png", buffer.getvalue(), content_type="image/png"),
    }
    response = client.post(reverse("documents:news_create"), data)
    assert response.status_code == 400
    assert 'id="id_image_alt_error"' in response.content.decode()
    assert not NewsArticle.objects.exists()
    data["image"] = SimpleUploadedFile("bilde.png", buffer.getvalue(), content_type="image/png")
    data["image_alt"] = "Et blått kvadrat"
    assert client.post(reverse("documents:news_create"), data).status_code == 302
    article = NewsArticle.objects.get()
    assert article.author == sfk_admin and article.slug == "med-bilde"
    assert article.image.name.startswith("news/") and "bilde" not in article.image.name
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'alt="Et blått kvadrat"' in html


def test_related_event_and_publication_are_linked_when_public(client):
    from events.models import Event
    from tests.documents.factories import PublicationFactory
    from tests.events.factories import EventFactory

    event = EventFactory(title="SLT-konferansen")
    article = NewsArticleFactory(related_publication=PublicationFactory(title="Rapporten"))
    event.news_articles.add(article)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Rapporten" in html and "SLT-konferansen" in html and event.get_absolute_url() in html
    draft = NewsArticleFactory()
    EventFactory(title="Hemmelig utkast", status=Event.Status.DRAFT).news_articles.add(draft)
    assert "Hemmelig utkast" not in client.get(draft.get_absolute_url()).content.decode()
    hidden = NewsArticleFactory(related_publication=PublicationFactory(title="Skjult", is_restricted=True))
    assert "Skjult" not in client.get(hidden.get_absolute_url()).content.decode()


def test_latest_news_for_the_home_page():
    from documents.selectors import latest_news

    now = timezone.now()
    for i in range(5):
        NewsArticleFactory(title=f"N{i}", publish_at=now - dt.timedelta(days=i))
    NewsArticleFactory(title="Framtid", publish_at=now + dt.timedelta(days=1))
    assert [a.title for a in latest_news()] == ["N0", "N1", "N2"]


def test_restricted_related_publication_is_linked_for_coordinators(client, coordinator_a):
    from tests.documents.factories import PublicationFactory

    article = NewsArticleFactory(related_publication=PublicationFactory(title="Skjult", is_restricted=True))
    client.force_login(coordinator_a)
    assert "Skjult" in client.get(article.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("media_url", "expected"),
    [
        ("/media/", "https://slt.example.no/media/news/bilde.png"),  # on this site: SITE_URL in front
        ("https://media.example.no/", "https://media.example.no/news/bilde.png"),  # object storage's own URL
    ],
)
def test_shared_image_address_is_absolute_wherever_uploads_live(client, settings, media_url, expected):
    settings.SITE_URL = "https://slt.example.no"
    settings.MEDIA_URL = media_url
    article = NewsArticleFactory(image="news/bilde.png", image_alt="Et blått kvadrat")
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'<meta property="og:image" content="{expected}">' in html
