"""Every page of the app in nb, nn and en, with bounded queries."""

import pytest

from documents.models import ContactMessage
from tests.documents.factories import NewsArticleFactory, PublicationFactory
from tests.helpers import assert_pages

pytestmark = pytest.mark.django_db


def test_admin_pages_render_in_every_language(client, sfk_admin, unit_a, themes):
    publication = PublicationFactory(unit=unit_a)
    article = NewsArticleFactory()
    ContactMessage.objects.create(name="A", email="a@example.no", subject="S", message="M")
    client.force_login(sfk_admin)
    urls = [
        "/dokumenter/ny/",
        "/dokumenter/mine/",
        f"/dokumenter/{publication.slug}/rediger/",
        f"/dokumenter/{publication.slug}/slett/",
        "/aktuelt/ny/",
        f"/aktuelt/{article.slug}/rediger/",
        "/kontakt/meldinger/",
        "/sider/personvern/rediger/",
    ]
    assert_pages(client, urls, max_queries=10)


def test_coordinator_pages_render_in_every_language(client, coordinator_a, unit_a):
    publication = PublicationFactory(unit=unit_a, is_restricted=True)
    client.force_login(coordinator_a)
    assert_pages(
        client,
        ["/dokumenter/", "/dokumenter/ny/", "/dokumenter/mine/", f"/dokumenter/{publication.slug}/"],
        max_queries=10,
    )


def test_contact_form_is_prefilled_for_logged_in_users(client, coordinator_a):
    client.force_login(coordinator_a)
    html = client.get("/kontakt/").content.decode()
    assert f'value="{coordinator_a.email}"' in html
