"""Shared page checks. Every page of the portal goes through `assert_page`."""

import re
from html.parser import HTMLParser

from django.db import connection
from django.test import Client as DjangoClient
from django.test.utils import CaptureQueriesContext


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.h1 = 0
        self.html_lang = None
        self.title = ""
        self._in_title = False
        self.meta_description = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1":
            self.h1 += 1
        elif tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and attrs.get("name") == "description":
            self.meta_description = attrs.get("content")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse_page(html: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(html)
    return parser


def language_of(url: str) -> str:
    match = re.match(r"^/(nn|en)/", url)
    return match.group(1) if match else "nb"


def assert_page(client, url: str, *, max_queries: int = 10, status: int = 200, lang: str | None = None):
    """GET url: expected status, exactly one h1, <html lang> = the URL's language, a title and
    a meta description, and at most max_queries database queries. Returns the response."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == status, f"{url}: status {response.status_code}"
    html = response.content.decode()
    page = parse_page(html)
    assert page.h1 == 1, f"{url}: {page.h1} h1 elements"
    assert page.html_lang == (lang or language_of(url)), f"{url}: lang={page.html_lang}"
    assert page.title.strip(), f"{url}: empty <title>"
    assert page.meta_description, f"{url}: no meta description"
    assert len(queries) <= max_queries, f"{url}: {len(queries)} queries > {max_queries}"
    return response


def assert_pages(client, urls, *, max_queries: int = 10, languages=("nb", "nn", "en")):
    """assert_page for each URL (given without language prefix) in each language."""
    for url in urls:
        for code in languages:
            assert_page(client, url if code == "nb" else f"/{code}{url}", max_queries=max_queries)


def mark_two_factor_verified(client, user):
    """Finish the second login step for `user` in `client`'s session, as the code step would:
    the user gets a confirmed authenticator if they have none."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


class Client(DjangoClient):
    """The test client: `force_login` of an Sfk admin (or any user with two-factor login on) also
    completes the two-factor step, so tests of other features log in as before. Tests of the
    two-factor step itself log in with `DjangoClient.force_login` or the login form."""

    def force_login(self, user, backend=None):
        from accounts.two_factor import has_device, two_factor_required

        super().force_login(user, backend)
        if two_factor_required(user) or has_device(user):
            mark_two_factor_verified(self, user)


def finish_response(response):
    """Read a streaming response (a file download) to its end, so the test client closes it and its
    file as a server would. (Calling `response.close()` from a test fires `request_finished`, whose
    handler closes the database connection of a test transaction on PostgreSQL.)"""
    if response.streaming:
        b"".join(response.streaming_content)


class _HistoryParser(HTMLParser):
    """The text of each changed field on a history page (`includes/history_table.html`)."""

    def __init__(self):
        super().__init__()
        self.changes, self._depth, self._item = [], 0, None

    def handle_starttag(self, tag, attrs):
        if tag == "ul" and "history-changes" in (dict(attrs).get("class") or ""):
            self._depth += 1
        elif tag == "li" and self._depth:
            self._item = []

    def handle_endtag(self, tag):
        if tag == "ul" and self._depth:
            self._depth -= 1
        elif tag == "li" and self._item is not None:
            self.changes.append(" ".join("".join(self._item).split()))
            self._item = None

    def handle_data(self, data):
        if self._item is not None:
            self._item.append(data)


def history_changes(html: str) -> list[str]:
    """["Tittel: fra Gammel → til Ny", ...] as a screen reader reads them, newest entry first."""
    parser = _HistoryParser()
    parser.feed(html)
    return parser.changes
