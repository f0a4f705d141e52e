"""Storage for publication files: never reachable through a public URL.

Files are written outside MEDIA_ROOT (which the web server may serve), so the only way to read
them is the permission-checking download view. With S3-compatible storage, point
DOCUMENTS_STORAGE_BACKEND at a private bucket; the view streams through the storage API.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import cached_property


class ProtectedFileSystemStorage(FileSystemStorage):
    @cached_property
    def base_location(self):
        configured = self._location or getattr(settings, "DOCUMENTS_PRIVATE_ROOT", "")
        if configured:
            return str(configured)
        media = Path(settings.MEDIA_ROOT)
        return str(media.parent / f"{media.name}-protected")

    def url(self, name):
        raise ValueError("Protected files have no public URL; use the download view.")


def documents_storage():
    """The storage of publication files (settings.STORAGES['documents'])."""
    return storages["documents"]
