"""Scale-out, for real: two app processes (gunicorn, the production profile, different ports) on one
PostgreSQL database and one Redis, with uploads in S3-compatible object storage (moto's server mode,
a real HTTP server, not a mock of the storage class) and a task worker (`manage.py db_worker`)
sending e-mail to an SMTP server run by the test. Over HTTP:

- a coordinator logged in through one process is logged in on the other (sessions in Redis, written
  through to the database);
- a content change made through one shows through the other at once (shared page cache and version);
- a rate limit counted by one holds on the other (counters in Redis);
- a photo uploaded through one is served from the public bucket, with the CSP allowing its origin;
- a restricted publication uploaded through one is downloaded through the other, after its
  permission check, from the private bucket;
- an e-mail queued by one is sent by the worker process.

Everything is its own: the database (copied from the migrated test database), the Redis key prefix,
the ports and the buckets, so the test runs alongside others under pytest-xdist; all is removed
afterwards."""

import datetime as dt
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

import boto3
import psycopg
import pytest
import redis
import requests
from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import connections
from moto.server import ThreadedMotoServer
from PIL import Image

from documents.pdfgen import placeholder_pdf
from tests.factories import (
    TEST_PASSWORD,
    CoordinatorFactory,
    MunicipalityFactory,
    SLTUnitFactory,
    UnitMunicipalityFactory,
    UserFactory,
)

from .scaleout import Browser, SMTPSink, form_data

# transaction=True: the test database is set up, and left without an open transaction, so that it can
# serve as the template of this test's own database.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(settings.BASE_DIR)
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
PUBLIC_BUCKET, PROTECTED_BUCKET = "slt-media", "slt-protected"
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{PUBLIC_BUCKET}/*"}
    ],
}
S3_KEYS = {"AWS_ACCESS_KEY_ID": "test-key", "AWS_SECRET_ACCESS_KEY": "test-secret", "AWS_S3_REGION_NAME": "us-east-1"}


def _set_up_data(email: str, slug: str) -> int:
    """A unit and its coordinator, written to the test database (which the test's own database is
    copied from). The production profile verifies passwords with Argon2, so the password is hashed
    with it here, whatever the test settings' faster hasher."""
    unit = SLTUnitFactory(name="SLT Skalaby", slug=slug)
    UnitMunicipalityFactory(unit=unit, municipality=MunicipalityFactory(name="Skalaby", slug=slug))
    user = UserFactory(email=email, full_name="Kari Skalaby")
    argon2 = Argon2PasswordHasher()
    user.password = argon2.encode(TEST_PASSWORD, argon2.salt())
    user.save(update_fields=["password"])
    return CoordinatorFactory(unit=unit, user=user, name="Kari Skalaby", is_public=True).pk


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _admin_connection():
    db = connections["default"].settings_dict
    return psycopg.connect(
        dbname="postgres",
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"] or None,
        autocommit=True,
    )


def _database_url(name: str) -> str:
    db = connections["default"].settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def _create_database(name: str) -> None:
    """A database of our own: a copy of this test run's (migrated) test database with the data just
    written to it."""
    template = connections["default"].settings_dict["NAME"]
    connections.close_all()  # a template may have no other sessions
    with _admin_connection() as admin:
        for attempt in range(5):
            # Earlier tests in this worker may have left connections behind (threads of the
            # concurrency tests); the test database is this worker's own, so end them.
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [template],
            )
            try:
                admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
                return
            except psycopg.errors.ObjectInUse:
                if attempt == 4:
                    raise
                time.sleep(0.5)


class Stack:
    """Two gunicorn processes and a worker, started together and waited for."""

    def __init__(self, env: dict, logs: Path):
        self.env, self.logs, self.processes = env, logs, []
        self.app_a = self.app_b = ""

    def start(self) -> None:
        self.app_a, self.app_b = self._start_app("app-a"), self._start_app("app-b")
        self._start("worker", [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2"])
        for url in (self.app_a, self.app_b):
            self._wait_until_up(url)

    def _start_app(self, name: str) -> str:
        port = _free_port()
        self._start(name, [
            sys.executable, "-m", "gunicorn", "slt_portal.wsgi:application", "--bind", f"127.0.0.1:{port}",
            "--workers", "1", "--log-level", "warning",
        ])  # fmt: skip
        return f"http://127.0.0.1:{port}"

    def _start(self, name: str, command: list[str]) -> None:
        log = open(self.logs / f"{name}.log", "w")  # noqa: SIM115
        process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.processes.append((name, process, log))

    def _wait_until_up(self, url: str) -> None:
        deadline = time.monotonic() + 45
        while True:
            try:
                if Browser().get(f"{url}/healthz").status_code == 200:
                    return
            except OSError:
                pass
            assert all(process.poll() is None for _, process, _ in self.processes), self.output()
            assert time.monotonic() < deadline, f"{url} did not start\n{self.output()}"
            time.sleep(0.2)

    def output(self) -> str:
        return "\n".join(f"--- {path.name}\n{path.read_text()[-3000:]}" for path in sorted(self.logs.glob("*.log")))

    def stop(self) -> None:
        for name, process, _ in self.processes:
            # INT is gunicorn's quick shutdown (TERM its graceful one, seconds longer)
            process.send_signal(signal.SIGINT if name.startswith("app") else signal.SIGTERM)
        deadline = time.monotonic() + 5
        for _, process, log in self.processes:
            try:
                process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)  # the process and its children (gunicorn's worker)
                process.wait()
            log.close()


@pytest.fixture
def object_storage():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        s3 = boto3.client(
            "s3",
            endpoint_url=endpoint,
            aws_access_key_id=S3_KEYS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=S3_KEYS["AWS_SECRET_ACCESS_KEY"],
            region_name=S3_KEYS["AWS_S3_REGION_NAME"],
        )
        for bucket in (PUBLIC_BUCKET, PROTECTED_BUCKET):
            s3.create_bucket(Bucket=bucket)
        # As in production: anyone may read the public bucket's objects; the protected bucket keeps
        # the default, no anonymous access (moto's server enforces both).
        s3.put_bucket_policy(Bucket=PUBLIC_BUCKET, Policy=json.dumps(PUBLIC_READ))
        yield endpoint, s3
    finally:
        server.stop()


@pytest.fixture
def site(object_storage, tmp_path):
    """The running stack, the SMTP sink, the S3 client and the data the test works on."""
    endpoint, s3 = object_storage
    tag = uuid.uuid4().hex[:12]
    database = f"slt_scaleout_{tag}"
    cache_prefix = f"slt-scaleout-{tag}"
    smtp = SMTPSink()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AWS_"))},
        **S3_KEYS,
        "DJANGO_SETTINGS_MODULE": "tests.slt_portal.scaleout_settings",
        "DEBUG": "0",
        "SECRET_KEY": f"scale-out-test-{tag}-" + "x" * 40,
        "ALLOWED_HOSTS": "slt.example.no",
        "SITE_URL": "https://slt.example.no",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": _database_url(database),
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": cache_prefix,
        "AWS_STORAGE_BUCKET_NAME": PUBLIC_BUCKET,
        "AWS_PROTECTED_BUCKET_NAME": PROTECTED_BUCKET,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "EMAIL_USE_TLS": "0",
        "PASSWORD_RESET_IP_RATE_LIMIT": "2",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),  # must stay empty: uploads go to the buckets
        "LOG_ACCESS": "0",
    }
    email, slug = f"kari-{tag}@skalaby.kommune.no", f"skalaby-{tag}"
    stack, started = None, time.monotonic()
    try:
        coordinator_pk = _set_up_data(email, slug)
        _create_database(database)
        stack = Stack(env, tmp_path)
        stack.start()
        yield SimpleNamespace(
            a=stack.app_a,
            b=stack.app_b,
            stack=stack,
            smtp=smtp,
            s3=s3,
            s3_endpoint=endpoint,
            email=email,
            slug=slug,
            coordinator_pk=coordinator_pk,
            started=started,
        )
        assert not (tmp_path / "media").exists() or not any((tmp_path / "media").rglob("*"))
    finally:
        if stack is not None:
            stack.stop()
        smtp.stop()
        with _admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(match=f"{cache_prefix}:*", count=1000))
        if keys:
            client.delete(*keys)
        client.close()


def _log_in(browser: Browser, app: str, email: str) -> None:
    page = browser.get(f"{app}/konto/logg-inn/")
    assert page.status_code == 200
    response = browser.post(
        f"{app}/konto/logg-inn/", data=form_data(page.text, "password", username=email, password=TEST_PASSWORD)
    )
    assert response.status_code == 302, response.text[:2000]


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def _wait_for_mail(smtp: SMTPSink, seconds: float):
    deadline = time.monotonic() + seconds
    while not smtp.received and time.monotonic() < deadline:
        time.sleep(0.1)
    return smtp.received


def test_two_app_processes_share_sessions_content_files_rate_limits_and_the_worker(site):
    a, b, stack, s3, email, slug = site.a, site.b, site.stack, site.s3, site.email, site.slug

    # Logged in through A, logged in on B.
    coordinator = Browser()
    _log_in(coordinator, a, email)
    mine = coordinator.get(f"{b}/min-slt-enhet/")
    assert mine.status_code == 200, stack.output()
    assert "SLT Skalaby" in mine.text
    assert Browser().get(f"{b}/min-slt-enhet/").status_code == 302  # a visitor without the session is not

    # The unit page, cached by A for anonymous visitors, is served from the shared cache by B; a
    # change made through A shows on B at once.
    unit_page = f"/slt-enhet/{slug}/"
    first = Browser().get(a + unit_page)
    assert first.status_code == 200 and first.headers["X-Page-Cache"] == "miss"
    assert Browser().get(b + unit_page).headers["X-Page-Cache"] == "hit"
    contact = f"Politiinspektør {uuid.uuid4().hex[:8]}"
    edit = f"{a}/slt-enhet/{slug}/rediger/"
    response = coordinator.post(edit, data=form_data(coordinator.get(edit).text, "email", police_contact=contact))
    assert response.status_code == 302, response.text[:2000]
    after = Browser().get(b + unit_page)
    assert after.status_code == 200 and contact in after.text

    # A photo uploaded through A goes to the public bucket; B's page shows it from there, and the
    # page's CSP allows images from the storage's origin.
    photo = _png()
    edit = f"{a}/koordinator/{site.coordinator_pk}/rediger/"
    fields = form_data(coordinator.get(edit).text, "position_percent", photo_consent="on")
    response = coordinator.post(edit, data=fields, files={"photo": ("kari.png", photo, "image/png")})
    assert response.status_code == 302, response.text[:2000]
    page = Browser().get(b + unit_page)
    src = re.search(r'<img class="coordinator__photo" src="([^"]+)"', page.text)[1]
    assert src.startswith(f"{site.s3_endpoint}/{PUBLIC_BUCKET}/coordinators/")
    assert requests.get(src, timeout=10).content == photo
    assert f"img-src 'self' data: {site.s3_endpoint};" in page.headers["Content-Security-Policy"]

    # A restricted publication uploaded through A goes to the private bucket, which nobody reads
    # directly; B streams it to the coordinator and sends a visitor to the login page.
    pdf = placeholder_pdf("Årsrapport Skalaby", ["Kun for koordinatorer."])
    form = coordinator.get(f"{a}/dokumenter/ny/")
    fields = form_data(
        form.text,
        "title",
        title="Årsrapport Skalaby",
        kind="annual_report",
        language="nb",
        published_on=dt.date.today().isoformat(),
        is_restricted="on",
    )
    response = coordinator.post(
        f"{a}/dokumenter/ny/", data=fields, files={"upload": ("årsrapport.pdf", pdf, "application/pdf")}
    )
    assert response.status_code == 302, response.text[:3000]
    download = response.headers["Location"] + "last-ned/"
    stored = [item["Key"] for item in s3.list_objects_v2(Bucket=PROTECTED_BUCKET).get("Contents", [])]
    assert len(stored) == 1 and re.fullmatch(r"publications/[0-9a-f]{32}\.pdf", stored[0])
    assert requests.get(f"{site.s3_endpoint}/{PROTECTED_BUCKET}/{stored[0]}", timeout=10).status_code == 403
    file = coordinator.get(b + download)
    assert file.status_code == 200, stack.output()
    assert file.content == pdf
    assert file.headers["Content-Disposition"].startswith("attachment;")
    assert file.headers["Cache-Control"] == "private, no-store"
    visitor = Browser().get(b + download)
    assert visitor.status_code == 302 and "/konto/logg-inn/" in visitor.headers["Location"]

    # A password reset asked for through A is e-mailed by the worker; the limit on reset requests
    # per client address (2 here) is counted in Redis, so B refuses the third of them.
    visitor = Browser()
    for app, expected in ((a, 302), (a, 302), (b, 429)):
        page = visitor.get(f"{app}/konto/glemt-passord/")
        response = visitor.post(f"{app}/konto/glemt-passord/", data=form_data(page.text, "email", email=email))
        assert response.status_code == expected, response.text[:2000]
    received = _wait_for_mail(site.smtp, 15)
    assert received, f"no e-mail from the worker\n{stack.output()}"
    message = received[0]
    assert message["To"] == email
    assert "https://slt.example.no/konto/glemt-passord/" in message.get_body(("plain",)).get_content()

    assert time.monotonic() - site.started < 60  # from writing the data on
