"""Django's GZipMiddleware at a lower compression level.

Django compresses every whole response at zlib level 6. For the portal's larger pages that is most
of a fresh render's CPU: the coverage map (172 KiB of SVG and table) takes 10 ms at level 6 and
2.5 ms at level 4, for 6 % more bytes (43 → 45 KiB); other pages gain about 4 % in size (issue 14,
measured with bench/throughput.py's cold mode). Everything else is Django's: the BREACH padding (a
random file name of up to `max_random_bytes` in the gzip header), `Vary: Accept-Encoding`, weak
ETags, streaming responses, and no compression of short or already encoded responses.
"""

import gzip
import secrets

from django.middleware import gzip as django_gzip
from django.utils.cache import patch_vary_headers
from django.utils.crypto import get_random_string

COMPRESS_LEVEL = 4


def compress_string(data: bytes, *, max_random_bytes: int) -> bytes:
    """django.utils.text.compress_string at COMPRESS_LEVEL: gzip with a random file name."""
    compressed = gzip.compress(data, compresslevel=COMPRESS_LEVEL, mtime=0)
    header = bytearray(compressed[:10])
    header[3] = gzip.FNAME
    filename = get_random_string(2 + secrets.randbelow(max_random_bytes - 1)).encode() + b"\x00"
    return bytes(header) + filename + compressed[10:]


class GZipMiddleware(django_gzip.GZipMiddleware):
    def process_response(self, request, response):
        if (
            response.streaming
            or len(response.content) < 200
            or response.has_header("Content-Encoding")
            or not django_gzip.re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        ):
            return super().process_response(request, response)  # Django's own handling of these
        patch_vary_headers(response, ("Accept-Encoding",))
        compressed = compress_string(response.content, max_random_bytes=self.max_random_bytes)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "gzip"
        return response
