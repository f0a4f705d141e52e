"""Public uploads (coordinator photos, news images) when they live on the local disk.

With object storage the files have the storage's own URLs and this view is not routed. With the
default FileSystemStorage nothing else serves MEDIA_ROOT in production (WhiteNoise serves only
static files), so Django does, with caching headers and for MEDIA_ROOT only: publication files
are stored outside it (documents.storage) and stay behind their permission-checking view.
"""

import mimetypes
from email.utils import formatdate
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404
from django.utils._os import safe_join
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_safe

MAX_AGE = 24 * 60 * 60  # a replaced photo gets a new file name; a day keeps old copies short-lived
# Only what the upload forms accept (images checked by Pillow); anything else found in the folder
# is not served, so a stray file can never become a page of this site.
SERVED_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif"}


def _public_file(path: str) -> Path:
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        candidate = Path(safe_join(root, path)).resolve()  # resolve(): symlinks may not lead out either
    except (SuspiciousFileOperation, ValueError) as exc:
        raise Http404 from exc
    if not candidate.is_relative_to(root) or not candidate.is_file():
        raise Http404
    return candidate


@require_safe
def public_media(request, path):
    file = _public_file(path)
    content_type, encoding = mimetypes.guess_type(file.name)
    if content_type not in SERVED_TYPES or encoding:
        raise Http404
    stat = file.stat()
    etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
    last_modified = formatdate(stat.st_mtime, usegmt=True)
    not_modified = get_conditional_response(request, etag=etag, last_modified=int(stat.st_mtime))
    response = not_modified or FileResponse(open(file, "rb"), content_type=content_type)  # noqa: SIM115
    if not not_modified:
        response["Content-Length"] = str(stat.st_size)
    response["ETag"] = etag
    response["Last-Modified"] = last_modified
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response


def serves_local_media() -> bool:
    """True when uploads are on this server's disk (no object storage configured)."""
    from django.core.files.storage import FileSystemStorage, storages

    return isinstance(storages["default"], FileSystemStorage) and not settings.MEDIA_URL.startswith("http")
