"""HTTP behaviour of the open data API: conditional GET (304), CORS, rate limit (429 with
Retry-After), JSON for unknown paths and other methods, HEAD."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from core.content import content_changed
from tests.documents.factories import NewsArticleFactory

pytestmark = pytest.mark.django_db


def test_revalidation_with_if_none_match_gives_304_until_the_content_changes(client):
    NewsArticleFactory(title="Første")
    first = client.get("/api/v1/news")
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag and modified

    again = client.get("/api/v1/news", headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag
    assert again["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/v1/news", headers={"if-modified-since": modified}).status_code == 304

    NewsArticleFactory(title="Andre")
    changed = client.get("/api/v1/news", headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "Andre" in changed.content.decode()
    # the new body is dated after the old one (even within the same second), so a client that
    # revalidates with the old copy's date gets it too
    assert client.get("/api/v1/news", headers={"if-modified-since": modified}).status_code == 200


def test_etag_differs_per_query(client):
    NewsArticleFactory()
    a = client.get("/api/v1/news?page_size=1")
    b = client.get("/api/v1/news?page_size=2")
    assert a["ETag"] != b["ETag"]
    assert client.get("/api/v1/news?page_size=2", headers={"if-none-match": a["ETag"]}).status_code == 200


def test_cors_allows_any_origin_without_credentials(client):
    response = client.get("/api/v1/counties", headers={"origin": "https://example.org"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/counties",
        headers={"origin": "https://example.org", "access-control-request-headers": "if-none-match"},
    )
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]
    assert client.get("/api/v1/nope")["Access-Control-Allow-Origin"] == "*"


def test_rate_limit_answers_429_with_retry_after(client, settings):
    settings.API_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get("/api/v1/counties", REMOTE_ADDR="203.0.113.9").status_code == 200
    limited = client.get("/api/v1/counties", REMOTE_ADDR="203.0.113.9")
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= settings.API_RATE_WINDOW
    assert limited["Content-Type"] == "application/json"
    assert "Too many requests" in limited.json()["detail"]
    assert limited["Access-Control-Allow-Origin"] == "*"
    # counted per address: another client is not affected
    assert client.get("/api/v1/counties", REMOTE_ADDR="203.0.113.10").status_code == 200
    # and a refused request still counts (the counter goes up before the decision)
    assert client.get("/api/v1/counties", REMOTE_ADDR="203.0.113.9").status_code == 429


def test_rate_limit_behind_proxy_counts_the_forwarded_address(client, settings):
    settings.API_RATE_LIMIT = 1
    settings.TRUSTED_PROXIES = ["10.0.0.1"]  # X-Forwarded-For is believed from this proxy only
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    assert client.get("/api/v1/counties", headers={"x-forwarded-for": "198.51.100.1"}, **proxy).status_code == 200
    assert client.get("/api/v1/counties", headers={"x-forwarded-for": "198.51.100.2"}, **proxy).status_code == 200
    assert client.get("/api/v1/counties", headers={"x-forwarded-for": "198.51.100.1"}, **proxy).status_code == 429


@pytest.mark.parametrize("path", ["/api/docs", "/api/v1/docs", "/api/v1/nope", "/api/v2/counties", "/api/v1/counties/"])
def test_unknown_api_paths_are_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


def test_other_methods_are_405_json(client):
    for method in ("post", "put", "delete", "patch"):
        response = getattr(client, method)("/api/v1/counties")
        assert response.status_code == 405, method
        assert response.json()["detail"]
        assert "GET" in response["Allow"]


def test_head_is_get_without_body(client):
    get = client.get("/api/v1/counties")
    head = client.head("/api/v1/counties")
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == get["ETag"]


def test_answers_do_not_follow_the_visitors_language(client):
    client.cookies["django_language"] = "nn"
    response = client.get("/api/v1/municipalities/9999")
    assert response.json()["detail"] == "Not found."


def test_licence_link_header(client):
    assert 'rel="license"' in client.get("/api/v1/")["Link"]
    info = client.get("/api/v1/").json()
    assert info["licence"]["name"] == "NLOD 2.0"
    assert "personal data" in info["personal_data"].lower() or "personopplysninger" in info["personal_data"]


@override_settings(PAGE_CACHE_ENABLED=True)
def test_api_answers_come_from_the_page_cache_and_change_with_the_content(
    client, sfk_admin, django_capture_on_commit_callbacks
):
    """Issue 14: anonymous API answers are page-cached like public pages (known parameters only),
    keep their API headers on a hit, and a content change shows at once."""
    cache.clear()
    NewsArticleFactory(title="Første nyhet")
    first = client.get("/api/v1/news?page_size=5")
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        hit = client.get("/api/v1/news?page_size=5")
    assert hit["X-Page-Cache"] == "hit"
    assert hit.content == first.content and hit["ETag"] == first["ETag"]
    assert [q for q in queries if "core_ratecounter" not in q["sql"]] == []  # only the rate limit's count
    for name in ("Access-Control-Allow-Origin", "Link", "Content-Type", "Last-Modified"):
        assert hit[name] == first[name], name
    assert client.get("/api/v1/news?page_size=5", headers={"if-none-match": hit["ETag"]}).status_code == 304
    not_modified = client.get("/api/v1/news?page_size=5", headers={"if-modified-since": hit["Last-Modified"]})
    assert not_modified.status_code == 304 and not_modified["Access-Control-Allow-Origin"] == "*"
    assert "X-Page-Cache" not in client.get("/api/v1/news?page_size=5&nonsense=1")  # unknown parameter: no cache

    with django_capture_on_commit_callbacks(execute=True):
        content_changed()
    NewsArticleFactory(title="Andre nyhet")
    with django_capture_on_commit_callbacks(execute=True):
        content_changed()
    fresh = client.get("/api/v1/news?page_size=5")
    assert fresh["X-Page-Cache"] == "miss"
    assert "Andre nyhet" in fresh.content.decode()
    cache.clear()


def test_the_rate_limit_counts_answers_from_the_page_cache(client, settings):
    # (the settings fixture, not @override_settings: mixing the two leaks the decorator's settings)
    cache.clear()
    settings.PAGE_CACHE_ENABLED = True
    settings.API_RATE_LIMIT = 3
    statuses = [client.get("/api/v1/counties", REMOTE_ADDR="203.0.113.7") for _ in range(4)]
    assert [r.status_code for r in statuses] == [200, 200, 200, 429]
    assert [r.get("X-Page-Cache") for r in statuses[:3]] == ["miss", "hit", "hit"]
    assert statuses[3]["Access-Control-Allow-Origin"] == "*" and int(statuses[3]["Retry-After"]) >= 1
    assert client.get("/api/v1/counties", REMOTE_ADDR="203.0.113.8")["X-Page-Cache"] == "hit"  # another address
    cache.clear()
