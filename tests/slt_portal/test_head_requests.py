"""Monitors and link checkers use HEAD: every public page that answers GET answers HEAD the same way."""

import os
import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve

pytestmark = pytest.mark.django_db

START = ["/", "/nn/", "/en/", "/healthz", "/robots.txt", "/favicon.ico"]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def _drain(response) -> bytes:
    """The body; a streaming one (a download from an open file) is read to the end, which closes it
    through the test client's wrapper. (response.close() would send request_finished outside a
    request, and its close_old_connections closes the test's database connection.)"""
    return b"".join(response.streaming_content) if response.streaming else response.content


def _route(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name


def _public_urls(client) -> dict[str, str]:
    """Crawl the public site (demo data, anonymous): one URL per route, in the order found."""
    seen, found, queue = set(), {}, list(START)
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        route = _route(urlsplit(url).path)
        # Query-string variants of a route already seen add nothing; other languages are the same views.
        if route is None or route in found:
            continue
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            _drain(response)
            if response.status_code == 200:
                found[route] = url
            continue
        found[route] = url
        parser = _Links()
        parser.feed(response.content.decode())
        for href in parser.links:
            href = urldefrag(href)[0]
            if href.startswith("/") and not href.startswith(("/static/", "/media/", "//")):
                queue.append(href)
    return found


def test_head_is_answered_like_get_on_every_public_page(client, municipalities, settings):
    settings.DEMO_MODE = True
    with open(os.devnull, "w") as devnull:
        call_command("load_pages", stdout=devnull)
        call_command("load_demo", allow_production=True, stdout=devnull)
    urls = _public_urls(client)
    # The crawl reaches the pages named in the report, and many more.
    for route in ("home", "healthz", "robots_txt", "municipalities:search", "measures:list", "events:list"):
        assert route in urls, (route, sorted(urls))
    assert len(urls) > 25, sorted(urls)
    failures = []
    for route, url in urls.items():
        response = client.head(url)
        if response.status_code != 200:
            failures.append(f"{url} ({route}): HEAD {response.status_code}")
        elif _drain(response):
            failures.append(f"{url} ({route}): HEAD returned a body")
    assert not failures, failures


def test_no_view_is_restricted_to_get_alone():
    """`require_GET` answers HEAD with 405; views use `require_safe` (GET and HEAD)."""
    from pathlib import Path

    from django.conf import settings as django_settings

    root = Path(django_settings.BASE_DIR)
    offenders = [
        str(path.relative_to(root))
        for path in root.glob("*/*.py")
        if ".venv" not in path.parts
        and path.parts[-2] != "tests"
        and re.search(r"require_GET\b|require_http_methods\(\[\"GET\", \"POST\"\]\)", path.read_text())
    ]
    assert not offenders, offenders
