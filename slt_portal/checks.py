"""System checks of the deployment (run by `manage.py check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def site_url_check(app_configs, **kwargs):
    """SITE_URL is the only source of absolute URLs; production must name its public address."""
    url = getattr(settings, "SITE_URL", "")
    parts = urlsplit(url)
    if not url or parts.scheme not in {"http", "https"} or not parts.netloc:
        return [
            Error(
                "SITE_URL is not set to the site's public address.",
                hint="Set SITE_URL, e.g. https://slt.example.no: links in e-mails, feeds, calendars and "
                "exports are built from it.",
                id="slt_portal.E001",
            )
        ]
    return []
