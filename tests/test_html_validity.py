"""Checks the Nu Html Checker made on real pages, including form error states: at most one element
with `autofocus`, and every `<time datetime>` a valid HTML date/time string (no microseconds)."""

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from tests.documents.factories import NewsArticleFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ("", "/nn", "/en")
# HTML "valid date string", "valid local date and time string" and "valid global date and time string"
# (seconds optional, at most three fraction digits, zone Z or ±hh[:]mm).
VALID_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)


class _Checks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.autofocus = []
        self.datetimes = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "autofocus" in attrs:
            self.autofocus.append(tag + (f"#{attrs['id']}" if attrs.get("id") else ""))
        if tag in {"time", "del", "ins"} and "datetime" in attrs:
            self.datetimes.append(attrs["datetime"])


def assert_valid_html(response):
    checks = _Checks()
    checks.feed(response.content.decode())
    where = response.wsgi_request.path
    assert len(checks.autofocus) <= 1, f"{where}: several autofocus elements {checks.autofocus}"
    bad = [value for value in checks.datetimes if not VALID_DATETIME.match(value)]
    assert not bad, f"{where}: invalid datetime attributes {bad}"
    return checks


def test_valid_datetime_pattern():
    assert VALID_DATETIME.match("2027-05-04T09:00:00+02:00")
    assert VALID_DATETIME.match("2027-05-04")
    assert not VALID_DATETIME.match("2027-05-04T09:00:00.123456+02:00")


def test_login_after_a_failed_attempt_has_one_autofocus(client):
    UserFactory(email="person@example.no")
    for prefix in LANGUAGES:
        assert_valid_html(client.get(f"{prefix}/konto/logg-inn/"))
        response = client.post(f"{prefix}/konto/logg-inn/", {"username": "person@example.no", "password": "feil"})
        assert response.status_code == 400
        checks = assert_valid_html(response)
        assert checks.autofocus == ["div"], checks.autofocus  # the error summary takes the focus


def test_password_forms_with_errors_have_one_autofocus(client):
    user = UserFactory()
    client.force_login(user)
    for prefix in LANGUAGES:
        assert_valid_html(client.get(f"{prefix}/konto/passord/"))
        response = client.post(
            f"{prefix}/konto/passord/",
            {"old_password": "feil", "new_password1": "kort", "new_password2": "annen"},
        )
        assert response.status_code == 400
        assert len(assert_valid_html(response).autofocus) == 1
    client.logout()
    for prefix in LANGUAGES:
        response = client.post(f"{prefix}/konto/glemt-passord/", {"email": "ikke en adresse"})
        assert response.status_code == 400
        assert_valid_html(response)


def test_news_pages_have_valid_datetime_attributes(client):
    article = NewsArticleFactory(publish_at=timezone.now().replace(microsecond=123456) - dt.timedelta(hours=1))
    for prefix in LANGUAGES:
        for url in (f"{prefix}/aktuelt/", f"{prefix}/aktuelt/{article.slug}/", f"{prefix}/"):
            response = client.get(url)
            assert response.status_code == 200, url
            checks = assert_valid_html(response)
            if "aktuelt" in url:
                assert checks.datetimes, url
