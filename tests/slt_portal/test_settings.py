import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-check-0123456789abcdef",
    "ALLOWED_HOSTS": "slt.example.no",
    "EMAIL_HOST": "smtp.example.no",
    "SITE_URL": "https://slt.example.no",
    "DJANGO_SETTINGS_MODULE": "slt_portal.settings",
}


def run_manage(*args, env_overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DEBUG",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "EMAIL_HOST",
            "SITE_URL",
            "HOST",
            "PORT",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_profile_passes_check_deploy_without_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_profile_fails_loudly_without_required_setting(missing):
    env = {**PRODUCTION_ENV, missing: ""}
    result = run_manage("check", env_overrides=env)
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_profile_uses_smtp_mailer_and_manifest_static(settings):
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s;"
        "print(s.MAILERS['default']['BACKEND']);"
        "print(s.STORAGES['staticfiles']['BACKEND']);"
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)",
        env_overrides=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split()
    assert lines[0] == "django.core.mail.backends.smtp.EmailBackend"
    assert lines[1] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert lines[2:] == ["True", "True", "True"]


def test_production_profile_caches_compiled_templates():
    """Templates are compiled once per process (the cached loader, also for the form renderer's
    engine), and forms use core.formrenderer (issue 14)."""
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.template import engines;"
        "from django.forms.renderers import get_default_renderer as r;"
        "print(type(engines['django'].engine.template_loaders[0]).__module__);"
        "print(type(r().engine.engine.template_loaders[0]).__module__);"
        "print(type(r()).__name__)",
        env_overrides=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.template.loaders.cached",
        "django.template.loaders.cached",
        "FastSelectRenderer",
    ]


def test_csp_header_allows_only_own_host_and_no_inline_code(client, db):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "http" not in csp


def test_pages_load_nothing_from_other_hosts(client, db):
    # Loads only: the head's canonical and hreflang links are absolute (SITE_URL) but load nothing.
    html = client.get("/").content.decode()
    assert not re.search(r"""\bsrc=["'](?:https?:)?//""", html)
    loading_links = re.findall(r"<link\b[^>]*>", html)
    loading_links = [tag for tag in loading_links if not re.search(r'rel="(?:canonical|alternate)"', tag)]
    assert loading_links and not [tag for tag in loading_links if re.search(r"""href=["'](?:https?:)?//""", tag)]


def test_database_url_is_read_from_environment():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.db import connection; print(connection.vendor, connection.settings_dict['NAME'])",
        env_overrides={"DEBUG": "1", "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/some_db"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["postgresql", "some_db"]


def test_web_entry_point_defaults_to_production_profile():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_HOST"}}
    env["DJANGO_SETTINGS_MODULE"] = "slt_portal.settings"
    result = subprocess.run(
        [sys.executable, "-c", "import slt_portal.wsgi"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_check_deploy_reports_a_missing_site_url():
    result = run_manage("check", "--deploy", env_overrides={**PRODUCTION_ENV, "SITE_URL": ""})
    assert result.returncode != 0
    assert "slt_portal.E001" in result.stderr + result.stdout


def test_development_site_url_follows_make_runs_host_and_port():
    code = "from django.conf import settings as s; print(s.SITE_URL)"
    env = {"DEBUG": "1", "HOST": "127.0.0.1", "PORT": "8101", "DJANGO_SETTINGS_MODULE": "slt_portal.settings"}
    result = run_manage("shell", "--no-imports", "-c", code, env_overrides=env)
    assert result.stdout.strip() == "http://127.0.0.1:8101", result.stderr
    result = run_manage("shell", "--no-imports", "-c", code, env_overrides={**env, "SITE_URL": "https://x.example.no/"})
    assert result.stdout.strip() == "https://x.example.no", result.stderr


S3_ENV = {
    **PRODUCTION_ENV,
    "AWS_STORAGE_BUCKET_NAME": "slt-media",
    "AWS_PROTECTED_BUCKET_NAME": "slt-protected",
    "AWS_S3_ENDPOINT_URL": "http://minio:9000",
    "AWS_ACCESS_KEY_ID": "key",
    "AWS_SECRET_ACCESS_KEY": "secret",
}


def test_object_storage_from_the_environment_keeps_publications_in_a_private_bucket_without_urls():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; from django.core.files.storage import storages;"
        "from slt_portal.media import serves_local_media;"
        "public, documents = storages['default'], storages['documents'];"
        "print(type(public).__name__, public.bucket_name, public.url('coordinators/a.png'));"
        "print(type(documents).__name__, documents.bucket_name);"
        "print(s.MEDIA_ORIGIN, serves_local_media());"
        'exec(\'try: documents.url("publications/a.pdf")\\nexcept ValueError: print("no url")\')',
        env_overrides=S3_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "S3Storage slt-media http://minio:9000/slt-media/coordinators/a.png",
        "ProtectedS3Storage slt-protected",
        "http://minio:9000 False",
        "no url",
    ]
    assert run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=S3_ENV).returncode == 0


@pytest.mark.parametrize("protected", ["", "slt-media"])
def test_object_storage_needs_a_separate_private_bucket_for_publications(protected):
    result = run_manage("check", env_overrides={**S3_ENV, "AWS_PROTECTED_BUCKET_NAME": protected})
    assert result.returncode != 0
    assert "AWS_PROTECTED_BUCKET_NAME must name a private bucket of its own" in result.stderr
