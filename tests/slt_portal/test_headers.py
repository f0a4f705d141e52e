"""The production profile's response headers on representative pages: the security headers, the
Cross-Origin-Resource-Policy (same-site for pages, cross-origin for public media and files) and
`Cache-Control: private, no-store` for logged-in and personal pages."""

import json

import pytest
from django.urls import reverse

from events.tokens import registration_token
from tests.documents.factories import PublicationFactory
from tests.events.factories import RegistrationFactory

from .test_settings import PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db

SECURITY_SETTINGS = [
    "MIDDLEWARE",
    "PERMISSIONS_POLICY",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "TRUSTED_PROXIES",
]


@pytest.fixture(scope="module")
def production_settings():
    """The values the production profile reads from its environment (a separate process)."""
    code = (
        "import json; from django.conf import settings as s;"
        f"print(json.dumps({{k: getattr(s, k) for k in {SECURITY_SETTINGS!r}}}))"
    )
    result = run_manage("shell", "--no-imports", "-c", code, env_overrides=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def production(settings, production_settings):
    for name, value in production_settings.items():
        setattr(settings, name, value)
    return settings


def _get(client, url):
    response = client.get(url, secure=True)
    assert response.status_code == 200, url
    if response.streaming:  # a file: reading it to the end closes it (not response.close(): see _drain
        b"".join(response.streaming_content)  # in tests/slt_portal/test_head_requests.py)
    return response


def _assert_security_headers(response):
    headers = response.headers
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["Content-Security-Policy"].startswith(("default-src 'self'", "sandbox"))
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    policy = headers["Permissions-Policy"]
    for feature in ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"]:
        assert feature in policy


def test_production_trusts_no_proxy_unless_configured(production_settings):
    assert production_settings["TRUSTED_PROXIES"] == []


def test_public_pages_are_same_site_and_cacheable(client, production):
    publication = PublicationFactory(title="Offentlig håndbok")
    for url in ["/", "/dokumenter/", publication.get_absolute_url(), "/kontakt/"]:
        response = _get(client, url)
        _assert_security_headers(response)
        assert response["Cross-Origin-Resource-Policy"] == "same-site", url
        assert "no-store" not in response.get("Cache-Control", ""), url


def test_public_files_and_media_may_be_embedded_by_other_sites(client, production):
    publication = PublicationFactory(title="Offentlig håndbok")
    response = _get(client, reverse("documents:download", args=[publication.slug]))
    _assert_security_headers(response)
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"


def test_public_media_may_be_embedded_by_other_sites(rf, production):
    """Whatever serves MEDIA_URL in production (web server or view; see the README), a response
    passing through the middleware is cross-origin: municipalities' sites embed coordinator photos."""
    from django.http import HttpResponse

    from core.middleware import SecurityHeadersMiddleware

    middleware = SecurityHeadersMiddleware(lambda request: HttpResponse(b"\x89PNG"))
    assert middleware(rf.get("/media/coordinators/bilde.png"))["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert middleware(rf.get("/mediaside/"))["Cross-Origin-Resource-Policy"] == "same-site"


def test_restricted_files_stay_same_site_and_private(client, production, coordinator_a):
    publication = PublicationFactory(title="Intern", is_restricted=True)
    client.force_login(coordinator_a)
    response = _get(client, reverse("documents:download", args=[publication.slug]))
    assert response["Cross-Origin-Resource-Policy"] == "same-site"
    assert response["Cache-Control"] == "private, no-store"


def test_logged_in_pages_are_private_and_not_stored(client, production, coordinator_a):
    client.force_login(coordinator_a)
    for url in ["/", "/konto/", "/konto/mine-data/", "/dokumenter/", "/min-slt-enhet/"]:
        response = _get(client, url)
        _assert_security_headers(response)
        assert response["Cache-Control"] == "private, no-store", url


def test_personal_registration_page_is_private_and_not_stored(client, production):
    registration = RegistrationFactory()
    response = _get(client, reverse("events:registration", args=[registration_token(registration)]))
    _assert_security_headers(response)
    assert response["Cache-Control"] == "private, no-store"


def test_compose_puts_the_proxy_in_front_and_trusts_only_it():
    """gunicorn's port is not published; X-Forwarded-For is believed from the proxy's address only."""
    import yaml

    from .test_settings import ROOT

    services = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]
    assert "ports" not in services["web"] and "ports" not in services["worker"]
    assert services["proxy"]["ports"] == ["8000:80"]
    proxy_address = services["proxy"]["networks"]["default"]["ipv4_address"]
    assert services["web"]["environment"]["TRUSTED_PROXIES"] == proxy_address
    lines = [line.strip() for line in (ROOT / "deploy" / "Caddyfile").read_text().splitlines()]
    directives = [line for line in lines if line and not line.startswith("#")]
    assert {"name web", "port 8000"} <= set(directives)  # every replica of the web service
    assert not any("trusted_proxies" in line for line in directives)  # the client cannot choose its address


def test_compose_runs_replicas_on_shared_database_cache_and_object_storage_with_a_worker():
    """The production topology: stateless replicas, one schema migration, buckets made before the app
    starts, only the public bucket readable anonymously (and routed by the proxy)."""
    import yaml

    from .test_settings import ROOT

    services = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]
    web, worker = services["web"], services["worker"]
    assert web["deploy"]["replicas"] >= 2 and "volumes" not in web  # nothing kept on a replica's disk
    assert worker["command"] == "python manage.py db_worker"
    assert web["environment"] == worker["environment"] == services["migrate"]["environment"]
    env = web["environment"]
    assert env["DATABASE_URL"].startswith("postgres://") and env["REDIS_URL"].startswith("redis://")
    assert env["AWS_STORAGE_BUCKET_NAME"] == "slt-media" and env["AWS_PROTECTED_BUCKET_NAME"] == "slt-protected"
    assert "migrate" in services["migrate"]["command"] and "migrate" not in str(web.get("command", ""))
    for service in (web, worker):
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert service["depends_on"]["buckets"]["condition"] == "service_completed_successfully"
    buckets = services["buckets"]["entrypoint"]
    assert "mc anonymous set download local/slt-media" in buckets
    assert "mc anonymous set none local/slt-protected" in buckets
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    assert "rewrite * /slt-media{path}" in caddyfile and "slt-protected" not in caddyfile
