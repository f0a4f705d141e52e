"""Absolute URLs come from SITE_URL, never from the request's Host header (issue 10 item 2)."""

import re

import pytest
from django.core import mail

from tests.documents.factories import NewsArticleFactory
from tests.events.factories import EventFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8101"
FOREIGN = "proxy.example.org"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, FOREIGN]


def _urls(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)


def test_password_reset_link_uses_site_url(client, django_capture_on_commit_callbacks):
    UserFactory(email="glemsk@example.no")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/konto/glemt-passord/", {"email": "glemsk@example.no"}, HTTP_HOST=FOREIGN)
    assert response.status_code == 302
    (message,) = mail.outbox
    links = _urls(message.body)
    assert links and all(link.startswith(SITE + "/") for link in links), links
    assert FOREIGN not in message.body


@pytest.mark.parametrize("path", ["/aktuelt/rss/", "/aktuelt/atom/", "/en/aktuelt/rss/"])
def test_news_feeds_link_to_site_url(client, path):
    NewsArticleFactory()
    body = client.get(path, HTTP_HOST=FOREIGN).content.decode()
    assert FOREIGN not in body
    links = [url for url in _urls(body) if "w3.org" not in url and "purl.org" not in url]
    assert links and all(url.startswith(SITE + "/") for url in links), links


def test_calendars_use_site_url(client):
    event = EventFactory()
    for path in (f"/arrangementer/{event.slug}/kalender.ics", "/arrangementer/kalender.ics"):
        response = client.get(path, HTTP_HOST=FOREIGN)
        assert response.status_code == 200, path
        body = response.content.decode().replace("\r\n ", "")
        assert FOREIGN not in body and "127.0.0.1:8000" not in body
        assert f"URL:{SITE}/arrangementer/{event.slug}/" in body
        assert "UID:event-" in body and "@127.0.0.1:8101" in body
