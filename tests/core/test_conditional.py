"""core.conditional: ETag from the body, Last-Modified from when that body was first seen."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.http import http_date

from core.conditional import body_etag, conditional_get, conditional_response

rf = RequestFactory()


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()


def test_etag_is_the_body_hash_and_matching_request_gets_304():
    response = conditional_response(rf.get("/x"), HttpResponse(b"hello"))
    assert response.status_code == 200 and response["ETag"] == body_etag(b"hello")
    again = conditional_response(rf.get("/x", headers={"if-none-match": response["ETag"]}), HttpResponse(b"hello"))
    assert again.status_code == 304
    other = conditional_response(rf.get("/x", headers={"if-none-match": response["ETag"]}), HttpResponse(b"changed"))
    assert other.status_code == 200


def test_last_modified_stays_while_the_body_stays_and_moves_when_it_changes(monkeypatch):
    import core.conditional as conditional

    now = [1_000_000]
    monkeypatch.setattr(conditional.time, "time", lambda: now[0])
    first = conditional_response(rf.get("/x"), HttpResponse(b"a"))
    assert first["Last-Modified"] == http_date(1_000_000)
    now[0] += 60
    same = conditional_response(rf.get("/x", headers={"if-modified-since": first["Last-Modified"]}), HttpResponse(b"a"))
    assert same.status_code == 304
    changed = conditional_response(
        rf.get("/x", headers={"if-modified-since": first["Last-Modified"]}), HttpResponse(b"b")
    )
    assert changed.status_code == 200 and changed["Last-Modified"] == http_date(1_000_060)
    # going back to the old body is a change too (it is not dated to its first appearance)
    now[0] += 60
    back = conditional_response(
        rf.get("/x", headers={"if-modified-since": changed["Last-Modified"]}), HttpResponse(b"a")
    )
    assert back.status_code == 200


def test_only_successful_get_and_head_are_touched():
    assert "ETag" not in conditional_response(rf.post("/x"), HttpResponse(b"a"))
    assert "ETag" not in conditional_response(rf.get("/x"), HttpResponse(b"a", status=404))


def test_decorator():
    view = conditional_get(lambda request: HttpResponse(b"page"))
    etag = view(rf.get("/p"))["ETag"]
    assert view(rf.get("/p", headers={"if-none-match": etag})).status_code == 304
