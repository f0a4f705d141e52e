"""Page cache hits answered before Django's handler (core.pagecache.PageCacheWSGIHandler, the
application gunicorn serves): the same answers as the middleware gives through the test client,
without the request signals or the middleware chain; everything else goes to Django unchanged."""

import io
import json
import logging

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from core.logs import JsonFormatter, RequestIdFilter
from core.pagecache import PageCacheMiddleware, PageCacheWSGIHandler

pytestmark = pytest.mark.django_db

GZIP = "gzip, deflate, br"


@pytest.fixture
def handler(settings):
    """The WSGI application, and a list of the requests Django's own handler saw (request_started)."""
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    started = []

    def count(sender, environ=None, **kwargs):
        started.append(environ["PATH_INFO"])

    request_started.connect(count)
    try:
        wsgi = PageCacheWSGIHandler()
        wsgi.django_saw = started
        yield wsgi
    finally:
        request_started.disconnect(count)
        cache.clear()


def call(handler, environ):
    """(status code, headers with lower-case names, body) of one request through the application.
    As Django's test client does, stale connections are not closed around the request: the test's
    transaction holds the connection."""
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = int(status[:3]), headers

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        chunks = handler(environ, start_response)
        body = b"".join(chunks)
        getattr(chunks, "close", lambda: None)()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], {name.lower(): value for name, value in answer["headers"]}, body


def test_a_hit_is_answered_before_djangos_handler_with_what_the_middleware_sends(client, handler, rf):
    assert client.get("/tiltak/", HTTP_ACCEPT_ENCODING=GZIP)["X-Page-Cache"] == "miss"
    through_middleware = client.get("/tiltak/", HTTP_ACCEPT_ENCODING=GZIP)
    assert through_middleware["X-Page-Cache"] == "hit"
    handler.django_saw.clear()  # the test client's requests

    status, headers, body = call(handler, rf.get("/tiltak/", HTTP_ACCEPT_ENCODING=GZIP).environ)
    assert status == 200 and handler.django_saw == []
    assert body == through_middleware.content and headers["content-encoding"] == "gzip"
    expected = {name.lower(): value for name, value in through_middleware.items()}
    assert headers.pop("x-request-id") != expected.pop("x-request-id")  # one per request
    assert headers == expected  # security headers, CSP, Vary, ETag, no-cache, X-Page-Cache: hit


def test_head_and_a_current_copy_get_no_body(client, handler, rf):
    full = client.get("/tiltak/")
    handler.django_saw.clear()
    status, headers, body = call(handler, rf.head("/tiltak/").environ)
    assert (status, body) == (200, b"")
    assert headers["etag"] == full["ETag"] and headers["content-length"] == str(len(full.content))

    status, headers, body = call(handler, rf.get("/tiltak/", HTTP_IF_NONE_MATCH=full["ETag"]).environ)
    assert (status, body) == (304, b"")
    assert headers["etag"] == full["ETag"] and headers["x-page-cache"] == "hit"
    assert handler.django_saw == []


def test_a_session_a_miss_or_an_unknown_parameter_goes_to_django(client, handler, rf, monkeypatch):
    client.get("/tiltak/")
    handler.django_saw.clear()
    lookups = []
    find = PageCacheMiddleware.find
    monkeypatch.setattr(PageCacheMiddleware, "find", lambda self, request: lookups.append(1) or find(self, request))
    status, headers, _body = call(handler, rf.get("/tiltak/", HTTP_COOKIE="sessionid=abc").environ)
    assert status == 200 and "x-page-cache" not in headers
    status, headers, _body = call(handler, rf.get("/tiltak/?utm_source=x").environ)
    assert status == 200 and "x-page-cache" not in headers
    lookups.clear()
    status, headers, body = call(handler, rf.get("/dokumenter/").environ)  # not stored yet
    assert status == 200 and headers["x-page-cache"] == "miss" and b"<h1" in body
    assert len(lookups) == 1  # the middleware does not look the miss up again
    assert handler.django_saw == ["/tiltak/", "/tiltak/", "/dokumenter/"]
    status, headers, _body = call(handler, rf.get("/dokumenter/").environ)
    assert headers["x-page-cache"] == "hit" and len(handler.django_saw) == 3


def test_a_failure_while_looking_up_is_left_to_django(client, handler, rf, monkeypatch):
    client.get("/tiltak/")
    handler.django_saw.clear()

    def broken(request):
        raise ConnectionError("the shared cache is unreachable")

    monkeypatch.setattr(handler.hits, "find", broken)
    status, _headers, body = call(handler, rf.get("/tiltak/").environ)
    assert status == 200 and b"<h1" in body
    assert handler.django_saw == ["/tiltak/"]


def test_a_hit_has_its_request_id_and_access_line(client, handler, rf):
    client.get("/tiltak/")
    stream = io.StringIO()
    log = logging.StreamHandler(stream)
    log.setFormatter(JsonFormatter())
    log.addFilter(RequestIdFilter())
    logging.getLogger().addHandler(log)
    try:
        _status, headers, _body = call(handler, rf.get("/tiltak/", HTTP_X_REQUEST_ID="proxy-0123456789").environ)
    finally:
        logging.getLogger().removeHandler(log)
    assert headers["x-request-id"] == "proxy-0123456789"
    [line] = [json.loads(text) for text in stream.getvalue().splitlines()]
    assert line["request_id"] == "proxy-0123456789"
    assert line["http"]["route"] == "/tiltak/" and line["http"]["status"] == 200


def test_the_api_rate_limit_counts_hits_answered_here(client, handler, rf, settings):
    settings.API_RATE_LIMIT = 3
    assert client.get("/api/v1/counties", REMOTE_ADDR="203.0.113.7")["X-Page-Cache"] == "miss"
    handler.django_saw.clear()
    answers = [call(handler, rf.get("/api/v1/counties", REMOTE_ADDR="203.0.113.7").environ) for _ in range(3)]
    assert [status for status, _headers, _body in answers] == [200, 200, 429]
    assert answers[0][1]["x-page-cache"] == "hit" and answers[0][1]["access-control-allow-origin"] == "*"
    assert int(answers[2][1]["retry-after"]) >= 1
    assert handler.django_saw == []
