"""core.compression: Django's GZipMiddleware at level 4, with Django's BREACH padding kept."""

import gzip

import pytest

from core.compression import compress_string

pytestmark = pytest.mark.django_db


def test_compressed_pages_decompress_to_the_page_and_carry_random_padding(client):
    plain = client.get("/tiltak/")
    first = client.get("/tiltak/", headers={"accept-encoding": "gzip, br"})
    second = client.get("/tiltak/", headers={"accept-encoding": "gzip"})
    assert first["Content-Encoding"] == second["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in first["Vary"]
    assert int(first["Content-Length"]) == len(first.content) < len(plain.content) / 3
    assert gzip.decompress(first.content) == gzip.decompress(second.content) == plain.content
    assert first.content[3] & gzip.FNAME  # a file name in the header: the padding
    assert "Content-Encoding" not in plain


def test_the_padding_varies_and_stays_within_its_bound():
    data = b"<p>SLT</p>" * 500
    lengths = {len(compress_string(data, max_random_bytes=100)) for _ in range(40)}
    assert len(lengths) > 5
    bare = len(gzip.compress(data, compresslevel=4, mtime=0))
    assert all(bare + 3 <= n <= bare + 101 for n in lengths)
    assert gzip.decompress(compress_string(data, max_random_bytes=100)) == data


def test_short_and_streamed_responses_get_djangos_handling(rf):
    from django.http import HttpResponse, StreamingHttpResponse

    from core.compression import GZipMiddleware

    middleware = GZipMiddleware(lambda request: None)
    request = rf.get("/", headers={"accept-encoding": "gzip"})
    short = middleware.process_response(request, HttpResponse(b"kort"))
    assert "Content-Encoding" not in short and short.content == b"kort"
    streamed = middleware.process_response(request, StreamingHttpResponse(iter([b"<p>x</p>" * 100])))
    assert streamed["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(streamed.streaming_content)) == b"<p>x</p>" * 100
