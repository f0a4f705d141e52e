"""Publication files in S3-compatible object storage: a private bucket that browsers never reach.

Chosen by settings when AWS_STORAGE_BUCKET_NAME is set (STORAGES["documents"]); imported only then,
so boto3 is not loaded by sites on local disk. The bucket is AWS_PROTECTED_BUCKET_NAME, which has no
anonymous access: the download view checks the permission and then streams the object through the
storage API (no presigned URL leaves the app, so a link cannot be passed on, and the response keeps
its own Content-Disposition, sandbox CSP and Cache-Control).
"""

from django.conf import settings
from storages.backends.s3 import S3Storage


class ProtectedS3Storage(S3Storage):
    def get_default_settings(self):
        return {
            **super().get_default_settings(),
            "bucket_name": settings.AWS_PROTECTED_BUCKET_NAME,
            "custom_domain": None,
            "querystring_auth": True,
            "object_parameters": {"CacheControl": "private, no-store"},
        }

    def url(self, name, *args, **kwargs):
        raise ValueError("Protected files have no public URL; use the download view.")
