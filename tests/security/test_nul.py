"""NUL bytes (which PostgreSQL refuses in text) in any public parameter or form: never a 500."""

import pytest
from django.urls import reverse

from tests.events.factories import EventFactory
from tests.helpers import Client

pytestmark = pytest.mark.django_db

LISTS = ["/tiltak/", "/tiltak/eksport.csv", "/finn-koordinator/", "/dokumenter/", "/arrangementer/", "/aktuelt/"]
PARAMS = ["q", "page", "sort", "theme", "evidence", "county", "status", "kind", "type", "language"]


def test_nul_in_query_parameters():
    client = Client(raise_request_exception=False)
    for url in LISTS:
        for param in PARAMS:
            response = client.get(url, {param: "a\x00b"})
            assert response.status_code in (200, 400), (url, param, response.status_code)


def test_nul_in_public_forms():
    client = Client(raise_request_exception=False)
    event = EventFactory()
    posts = [
        (reverse("documents:contact"), ["name", "email", "subject", "message", "municipality"]),
        (reverse("events:register", args=[event.slug]), ["name", "email", "organisation", "role", "invitasjon"]),
        (reverse("accounts:login"), ["username", "password"]),
        (reverse("accounts:password_reset"), ["email"]),
    ]
    for url, fields in posts:
        response = client.post(url, {name: "x\x00y" for name in fields})
        assert response.status_code in (200, 302, 400, 429), (url, response.status_code)
