"""The anonymous page cache (core/pagecache.py): what it serves, what it never stores, how a content
change through a service shows at once, and that processes sharing the database cache agree."""

import gzip
import time

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from core import pagecache
from core.cache import DatabaseCache
from core.content import VERSION_KEY, content_changed, content_version
from core.pagecache import PageCacheMiddleware
from measures import services as measures
from tests.core import pagecache_urls
from tests.measures.factories import published

pytestmark = pytest.mark.django_db

on = override_settings(PAGE_CACHE_ENABLED=True)
with_test_urls = override_settings(PAGE_CACHE_ENABLED=True, ROOT_URLCONF="tests.core.pagecache_urls")


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@on
def test_second_anonymous_request_is_served_from_the_cache_without_queries(client, sfk_admin):
    measure = published(title="Leksehjelp for alle")
    first = client.get(measure.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(measure.get_absolute_url())
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert "Leksehjelp for alle" in second.content.decode()


@on
def test_a_change_through_a_service_shows_on_the_next_anonymous_request(
    client, sfk_admin, django_capture_on_commit_callbacks
):
    measure = published(title="Gammel tittel")
    assert "Gammel tittel" in client.get(measure.get_absolute_url(), follow=True).content.decode()
    assert client.get("/tiltak/")["X-Page-Cache"] == "miss"
    with django_capture_on_commit_callbacks(execute=True):
        measures.measure_update(measure=measure, by=sfk_admin, data={"title": "Ny tittel"})
    measure.refresh_from_db()
    page = client.get(measure.get_absolute_url())
    assert page["X-Page-Cache"] == "miss"
    assert "Ny tittel" in page.content.decode()
    listing = client.get("/tiltak/")
    assert listing["X-Page-Cache"] == "miss"
    assert "Ny tittel" in listing.content.decode()


@on
def test_browsers_get_no_cache_and_an_etag_and_a_matching_if_none_match_gets_304(client):
    first = client.get("/om-slt/", follow=True)
    url = first.request["PATH_INFO"]
    response = client.get(url)
    assert response["Cache-Control"] == "no-cache"
    assert "max-age" not in response["Cache-Control"]
    etag = response["ETag"]
    assert etag.startswith('"')
    not_modified = client.get(url, headers={"if-none-match": etag})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag
    # GZipMiddleware makes ETags weak: a weak validator matches as well.
    assert client.get(url, headers={"if-none-match": f"W/{etag}"}).status_code == 304
    assert client.get(url, headers={"if-none-match": '"other"'}).status_code == 200


@with_test_urls
def test_head_first_then_get_returns_the_full_body_with_the_same_etag(client):
    head = client.head("/plain/")
    assert head.status_code == 200
    assert head.content == b""
    assert head["X-Page-Cache"] == "miss"
    get = client.get("/plain/")
    assert get["X-Page-Cache"] == "hit"
    assert get.content.startswith(b"<p>plain ")
    assert get["ETag"] == head["ETag"]
    assert int(head["Content-Length"]) == len(get.content)
    head_again = client.head("/plain/")
    assert head_again["X-Page-Cache"] == "hit"
    assert head_again["ETag"] == head["ETag"]


@on
def test_head_on_a_real_page_shares_the_entry_with_get(client):
    head = client.head("/tiltak/")
    get = client.get("/tiltak/")
    assert get["X-Page-Cache"] == "hit"
    assert get["ETag"] == head["ETag"]
    assert "<h1" in get.content.decode()


@with_test_urls
def test_known_parameters_are_part_of_the_key_and_unknown_ones_bypass_the_cache(client):
    pagecache_urls.calls["count"] = 0
    assert client.get("/plain/?page=2")["X-Page-Cache"] == "miss"
    assert client.get("/plain/?page=2")["X-Page-Cache"] == "hit"
    assert b"page=3" in client.get("/plain/?page=3").content
    for junk in range(3):
        response = client.get(f"/plain/?utm={junk}")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
    assert client.get("/plain/?page=2&utm=x").has_header("X-Page-Cache") is False
    assert pagecache_urls.calls["count"] == 2 + 4  # two stored pages, four bypasses


@with_test_urls
@pytest.mark.parametrize("url", ["/csrf/", "/message/", "/cookie/", "/private/", "/404/"])
def test_responses_with_a_csrf_token_a_message_a_cookie_or_marked_private_are_never_stored(client, url):
    first = client.get(url)
    assert "X-Page-Cache" not in first
    client.cookies.clear()
    second = client.get(url)
    assert "X-Page-Cache" not in second


@with_test_urls
def test_csrf_and_language_cookies_do_not_stop_the_cache_but_a_session_does(client):
    client.get("/plain/")
    client.cookies["csrftoken"] = "x" * 32
    client.cookies["django_language"] = "en"
    assert client.get("/plain/")["X-Page-Cache"] == "hit"
    client.cookies["sessionid"] = "abc"
    assert "X-Page-Cache" not in client.get("/plain/")
    del client.cookies["sessionid"]
    client.cookies["messages"] = "something"
    assert "X-Page-Cache" not in client.get("/plain/")


@on
def test_logged_in_users_never_get_or_fill_the_cache(client, coordinator_a):
    anonymous = client.get("/tiltak/")
    assert anonymous["X-Page-Cache"] == "miss"
    client.force_login(coordinator_a)
    mine = client.get("/tiltak/")
    assert "X-Page-Cache" not in mine
    assert "Logg ut" in mine.content.decode()
    client.logout()
    client.cookies.clear()
    again = client.get("/tiltak/")
    assert again["X-Page-Cache"] == "hit"
    assert "Logg ut" not in again.content.decode()


@on
def test_each_language_has_its_own_entry(client):
    client.get("/tiltak/")
    english = client.get("/en/tiltak/")
    assert english["X-Page-Cache"] == "miss"
    assert english["Content-Language"] == "en"
    assert '<html lang="en"' in english.content.decode()
    assert client.get("/tiltak/")["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/finn-koordinator/?q=oslo",
        "/sok/?q=leksehjelp",
        "/fylker/",
        "/dekningskart/",
        "/slt-enhet/enhet-a/",
        "/tiltak/",
        "/dokumenter/",
        "/aktuelt/",
        "/arrangementer/",
        "/arrangementer/tidligere/",
        "/arrangementer/opptak/",
        "/om-slt/",
        "/personvern/",
        "/tilgjengelighet/",
    ],
)
@on
def test_public_pages_are_cached_for_anonymous_visitors(client, unit_a, url):
    first = client.get(url, follow=True)
    assert first.status_code == 200
    final = first.request["PATH_INFO"] + (f"?{first.request['QUERY_STRING']}" if first.request["QUERY_STRING"] else "")
    client.get(final)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(final)
    assert response["X-Page-Cache"] == "hit", url
    assert len(queries) == 0


DATABASE_CACHES = {
    "default": {"BACKEND": "core.cache.DatabaseCache", "LOCATION": "slt_test_cache"},
}


@override_settings(PAGE_CACHE_ENABLED=True, CACHES=DATABASE_CACHES)
def test_a_change_in_another_process_shows_through_the_database_cache(client, django_capture_on_commit_callbacks):
    """Two cache clients over the same table stand for two worker processes: the other one's
    content_changed() (an increment of the shared version) makes this one's entries stale."""
    call_command("createcachetable", verbosity=0)
    measure = published(title="Før endringen")
    url = measure.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    other_process = DatabaseCache("slt_test_cache", {})
    Measure = type(measure)
    Measure.objects.filter(pk=measure.pk).update(title="Etter endringen")
    other_process.incr(VERSION_KEY)  # what content_changed() does on commit in the other process

    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Etter endringen" in response.content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert other_process.get(VERSION_KEY) == cache.get(VERSION_KEY)


@with_test_urls
def test_gzip_and_plain_variants_have_their_own_entries_and_hits_keep_the_encoding(client):
    """The page cache runs before GZipMiddleware: a hit must carry the encoding it was stored with."""
    pagecache_urls.calls["count"] = 0
    big = "/big/"
    zipped = client.get(big, headers={"accept-encoding": "gzip, br"})
    assert zipped["X-Page-Cache"] == "miss"
    assert zipped["Content-Encoding"] == "gzip"
    plain = client.get(big)
    assert plain["X-Page-Cache"] == "miss"  # its own entry, not the gzip bytes
    assert not plain.has_header("Content-Encoding")
    assert plain.content.startswith(b"<p>")

    zipped_hit = client.get(big, headers={"accept-encoding": "gzip"})
    plain_hit = client.get(big)
    assert zipped_hit["X-Page-Cache"] == plain_hit["X-Page-Cache"] == "hit"
    assert zipped_hit["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped_hit.content) == plain_hit.content
    assert "Accept-Encoding" in zipped_hit["Vary"]
    assert zipped_hit["ETag"] != plain_hit["ETag"]
    assert pagecache_urls.calls["count"] == 2


@on
def test_a_hit_carries_the_security_headers_of_the_rendered_page(client):
    miss = client.get("/tiltak/")
    hit = client.get("/tiltak/")
    assert hit["X-Page-Cache"] == "hit"
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"):
        assert hit[name] == miss[name], name
    assert hit["X-Request-ID"] != miss["X-Request-ID"]  # added per request, outside the cache


def _process():
    """A page cache middleware of its own, standing for another worker process (its own memory)."""
    rendered = []

    def view(request):
        rendered.append(request.path)
        return HttpResponse(f"<p>version {len(rendered)}</p>")

    return PageCacheMiddleware(view, local=pagecache._LocalEntries(max_bytes=10**6)), rendered


@with_test_urls
def test_each_process_keeps_entries_in_memory_but_a_change_anywhere_shows_in_every_process(
    rf, django_capture_on_commit_callbacks
):
    first, first_rendered = _process()
    second, second_rendered = _process()
    assert first(rf.get("/plain/"))["X-Page-Cache"] == "miss"
    assert second(rf.get("/plain/"))["X-Page-Cache"] == "hit"  # fetched from the shared cache
    version = cache.get(VERSION_KEY)
    cache.clear()  # the shared entry is gone (evicted), the version stays
    cache.set(VERSION_KEY, version, None)
    assert second(rf.get("/plain/"))["X-Page-Cache"] == "hit"  # its own copy, checked against the version
    with django_capture_on_commit_callbacks(execute=True):
        content_changed()  # in a third process, say: only the shared version changes
    assert first(rf.get("/plain/"))["X-Page-Cache"] == "miss"
    assert second(rf.get("/plain/"))["X-Page-Cache"] == "hit"  # the first one stored the new version
    assert first_rendered == ["/plain/", "/plain/"]
    assert second_rendered == []


@with_test_urls
def test_entries_expire_at_the_same_time_in_every_process(rf, monkeypatch):
    first, _ = _process()
    second, _ = _process()
    first(rf.get("/plain/"))
    assert second(rf.get("/plain/"))["X-Page-Cache"] == "hit"
    later = time.time() + 61
    monkeypatch.setattr(pagecache.time, "time", lambda: later)
    assert second(rf.get("/plain/"))["X-Page-Cache"] == "miss"


def test_a_lost_content_version_restarts_above_every_version_handed_out_before():
    version = content_version()
    for _ in range(5):
        cache.incr(VERSION_KEY)
    cache.delete(VERSION_KEY)  # evicted, or the cache restarted
    time.sleep(0.001)
    assert content_version() > version + 5


def test_the_memory_of_a_process_is_bounded():
    local = pagecache._LocalEntries(max_bytes=100)
    for n in range(5):
        local.put(f"k{n}", {"content": b"x" * 30})
    assert local.size <= 100
    assert local.get("k0") is None
    assert local.get("k4") is not None
    local.put("huge", {"content": b"x" * 101})
    assert local.get("huge") is None


@with_test_urls
def test_an_entry_stored_by_an_older_release_is_rendered_afresh(rf):
    """Entries from before the per-entry expiry time (no "until") are still in Redis after a deploy."""
    first, rendered = _process()
    assert first(rf.get("/plain/"))["X-Page-Cache"] == "miss"
    key = pagecache._key(rf.get("/plain/"), [])
    old = cache.get(key)
    del old["until"]
    cache.set(key, old)
    second, _ = _process()  # a process started after the deploy, with nothing in memory
    assert second(rf.get("/plain/"))["X-Page-Cache"] == "miss"
    assert "until" in cache.get(key)
