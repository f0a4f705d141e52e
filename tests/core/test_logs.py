"""Request ids and JSON log lines: an id on every line, in the X-Request-ID header and on the
error pages; no e-mail addresses, IP addresses or URL tokens in the lines."""

import io
import json
import logging
import re

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.test import override_settings

from core.logs import JsonFormatter, RequestIdFilter
from tests.factories import UserFactory
from tests.helpers import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_lines():
    """Everything logged during the test, through the production formatter and filter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)


def test_every_response_has_a_request_id_and_a_proxys_id_is_kept(client):
    first, second = client.get("/"), client.get("/")
    assert re.fullmatch(r"[0-9a-f]{32}", first["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert client.get("/", HTTP_X_REQUEST_ID="nginx-0123456789abcdef")["X-Request-ID"] == "nginx-0123456789abcdef"
    forged = client.get("/", HTTP_X_REQUEST_ID="<script>\nFAKE LINE")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", forged)


def test_log_lines_are_json_with_the_request_id_and_no_personal_data(client, json_lines, settings):
    user = UserFactory(email="kari.nordmann@example.no")
    client.force_login(user)
    response = client.get("/finn-koordinator/?q=kari.nordmann@example.no", REMOTE_ADDR="203.0.113.77")
    lines = json_lines()
    access = [line for line in lines if line["logger"] == "slt.request"]
    assert len(access) == 1
    assert access[0]["request_id"] == response["X-Request-ID"]
    assert access[0]["http"]["status"] == 200
    assert access[0]["http"]["route"] == "/finn-koordinator/"
    assert access[0]["http"]["user_id"] == user.pk
    assert {"time", "level", "logger", "message", "request_id"} <= set(access[0])
    text = json.dumps(lines)
    assert "example.no" not in text and "203.0.113" not in text


def test_server_error_page_and_log_show_the_request_id_without_the_urls_token(json_lines, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("slt_portal.views.latest_news", broken)
    client = Client(raise_request_exception=False)
    response = client.get("/")
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    assert request_id in response.content.decode()
    error = next(line for line in json_lines() if line["logger"] == "django.request")
    assert error["request_id"] == request_id and "RuntimeError: boom" in error["exc"]


def test_database_outage_gives_the_friendly_503_page_with_retry_after(monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("slt_portal.views.latest_news", unreachable)
    client = Client(raise_request_exception=False)
    for prefix, heading in [("", "Tjenesten er midlertidig utilgjengelig"), ("/en", "temporarily unavailable")]:
        response = client.get(f"{prefix}/")
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        html = response.content.decode()
        assert heading in html and response["X-Request-ID"] in html
        assert html.count("<h1") == 1


def test_healthz_answers_whatever_the_host_header(client):
    for host in ("127.0.0.1", "localhost", "10.0.0.5:8000", "evil.example"):
        response = client.get("/healthz", HTTP_HOST=host)
        assert response.status_code == 200, host
        assert response.json() == {"status": "ok", "database": "ok"}


@override_settings(PAGE_CACHE_ENABLED=True)
def test_a_page_cache_hit_is_logged_with_the_route_it_was_stored_under(client, json_lines):
    cache.clear()
    miss, hit = client.get("/tiltak/"), client.get("/tiltak/")
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    access = [line["http"] for line in json_lines() if line["logger"] == "slt.request"]
    assert [line["route"] for line in access] == ["/tiltak/", "/tiltak/"]
    cache.clear()


def test_the_production_console_writes_info_lines_in_batches_and_warnings_at_once(tmp_path, monkeypatch):
    """core.logs.StderrHandler: INFO lines wait in a buffer (at most FLUSH_SECONDS), a WARNING
    writes everything out at once, and closing (at exit) writes what is left."""
    import sys

    from core.logs import StderrHandler

    path = tmp_path / "stderr.log"
    stderr = open(path, "w")  # noqa: SIM115 - closed below
    monkeypatch.setattr(sys, "stderr", stderr)
    handler = StderrHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("slt.test.buffered")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("først")  # starts the clock
        logger.info("linje 1")
        logger.info("linje 2")
        assert path.read_text() == "WARNING først\n"  # the INFO lines wait
        logger.error("feil")
        assert path.read_text() == "WARNING først\nINFO linje 1\nINFO linje 2\nERROR feil\n"
        logger.info("siste")
        handler.close()
        assert path.read_text().endswith("ERROR feil\nINFO siste\n")
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
        stderr.close()
