"""Shared page checks. Every page of the portal goes through `assert_page`."""

import re
from html.parser import HTMLParser

from django.db import connection
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
