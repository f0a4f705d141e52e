"""Database outage, for real: the site under gunicorn on a throw-away PostgreSQL cluster of its own
(initdb + pg_ctl on a temp folder and a free port; the shared server is never touched). While the
cluster is down a page that needs the database answers 503 with Retry-After and the friendly page;
started again, the same page answers 200 within 2 s. /healthz answers for any Host header."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.postgres

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PAGE = "/arrangementer/?utenfor-cache={}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(*args, **kwargs):
    return subprocess.run(
        ["runuser", "-u", "postgres", "--", *map(str, args)], check=True, capture_output=True, **kwargs
    )


class Cluster:
    def __init__(self, folder: Path, port: int):
        self.folder, self.port = folder, port

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        _as_postgres(
            PG_BIN / "pg_ctl", "-D", self.folder / "data", "-o", options, "-l", self.folder / "log", "-w", "start"
        )

    def stop(self, mode="fast"):
        _as_postgres(PG_BIN / "pg_ctl", "-D", self.folder / "data", "-m", mode, "-w", "stop")


def _get(port, path, host="localhost"):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read().decode()


@pytest.fixture
def cluster():
    folder = Path(tempfile.mkdtemp(prefix="slt-outage-"))
    shutil.chown(folder, "postgres", "postgres")
    _as_postgres(PG_BIN / "initdb", "-D", folder / "data", "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8")
    cluster = Cluster(folder, _free_port())
    cluster.start()
    try:
        yield cluster
    finally:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", PG_BIN / "pg_ctl", "-D", folder / "data", "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def site(cluster, tmp_path):
    """gunicorn (production profile, DEBUG=0) on the throw-away cluster, migrated first."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "slt_portal.test_settings",  # plain static storage: no collectstatic needed
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{cluster.port}/postgres",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "localhost",  # not 127.0.0.1: /healthz must answer anyway
        "SECURE_SSL_REDIRECT": "0",
        "CONN_MAX_AGE": "60",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "LOG_ACCESS": "0",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], env=env, check=True, cwd=settings.BASE_DIR
    )
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "slt_portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if _get(port, "/healthz", host="127.0.0.1")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_database_outage_gives_503_with_retry_after_and_recovers_within_two_seconds(cluster, site):
    status, headers, _body = _get(site, PAGE.format(1))
    assert status == 200
    # The container's health check calls 127.0.0.1, which ALLOWED_HOSTS lacks.
    assert _get(site, "/healthz", host="127.0.0.1")[0] == 200
    assert _get(site, "/healthz", host="evil.example")[0] == 200

    cluster.stop()
    status, headers, body = _get(site, PAGE.format(2))
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "Tjenesten er midlertidig utilgjengelig" in body
    assert headers["X-Request-ID"] in body  # the id to quote when contacting Sfk
    assert _get(site, "/healthz", host="127.0.0.1")[0] == 503

    cluster.start()
    started = time.monotonic()
    while (status := _get(site, PAGE.format(3))[0]) != 200 and time.monotonic() - started < 2:
        time.sleep(0.1)
    assert status == 200, f"still {status} 2 s after the database came back"
