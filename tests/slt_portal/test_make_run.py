"""`make run` delivers e-mail out of the box: it starts the task worker beside the development
server, and the console mailer prints each e-mail where the developer sees it.

The test runs the command line of the Makefile's `run` recipe (after its `demo` prerequisites) on a
fresh SQLite database and a free port, registers for an event through the page with a real HTTP
client, and waits for the confirmation e-mail in the output."""

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVENT = """
import datetime as dt
from django.utils import timezone
from events.models import Event
start = (timezone.now() + dt.timedelta(days=30)).replace(second=0, microsecond=0)
Event.objects.create(
    title="Nettverkssamling", slug="nettverkssamling", kind=Event.Kind.CONFERENCE, summary="Samling.",
    start=start, end=start + dt.timedelta(hours=4), venue_name="Samfunnshuset",
    venue_address="Storgata 1, 0155 Oslo", status=Event.Status.PUBLISHED, contact_email="sfk@example.no",
    capacity=30,
)
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run_recipe() -> str:
    """The shell command(s) of the Makefile's run target, echo lines left out."""
    makefile = (ROOT / "Makefile").read_text()
    recipe = re.search(r"^run:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)
    lines = [line.strip().lstrip("@") for line in recipe.splitlines()]
    return "\n".join(line for line in lines if not line.startswith("echo"))


def _manage(env, *args) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)


def _default_sigint():
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def test_make_run_starts_a_worker_that_prints_the_registration_confirmation(tmp_path):
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "TASKS_BACKEND", "EMAIL_HOST", "EMAIL_BACKEND"}
    }
    env.update(
        DEBUG="1",
        HOST="127.0.0.1",
        PORT=str(port),
        SQLITE_PATH=str(tmp_path / "db.sqlite3"),
        MEDIA_ROOT=str(tmp_path / "media"),
        PYTHONUNBUFFERED="1",
    )
    _manage(env, "migrate", "--noinput", "-v", "0")
    _manage(env, "shell", "-c", EVENT)

    # Make's variables: the venv's python, and HOST/PORT as `make run` exports them.
    variables = {"PY": sys.executable, "HOST": env["HOST"], "PORT": env["PORT"]}
    command = re.sub(r"\$\((\w+)\)", lambda m: variables[m.group(1)], _run_recipe())
    output = tmp_path / "output.txt"
    with output.open("wb") as sink:
        process = subprocess.Popen(
            ["bash", "-c", command],
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            # As in a terminal: a test run started in the background (`cmd &` without job control)
            # ignores SIGINT, and bash cannot trap a signal that was ignored when it started.
            preexec_fn=_default_sigint,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

        def form_page():
            try:
                return opener.open(f"{base}/arrangementer/nettverkssamling/pamelding/", timeout=5).read().decode()
            except OSError:
                return None

        html = _wait_for(form_page, 90, "the development server")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "name": "Kari Nordmann",
                "email": "kari@kommune.example.no",
                "organisation": "Testkommune",
                "role": "SLT-koordinator",
            }
        ).encode()
        request = urllib.request.Request(
            f"{base}/arrangementer/nettverkssamling/pamelding/", data=data, headers={"Referer": base + "/"}
        )
        page = opener.open(request, timeout=10).read().decode()
        # An open event: the page asks the registrant to confirm through the e-mailed link (issue 11 item 5).
        assert "Sjekk e-posten din og bekreft" in page
        registered = time.monotonic()

        def confirmation():
            text = output.read_text(encoding="utf-8", errors="replace")
            mail = text.split("To: kari@kommune.example.no")[-1] if "To: kari@kommune.example.no" in text else ""
            return "Nettverkssamling" in mail and "/arrangementer/pamelding/bekreft/" in mail

        _wait_for(confirmation, 10, "the confirmation e-mail in the output of `make run`")
        assert time.monotonic() - registered < 10
    finally:
        os.killpg(process.pid, signal.SIGINT)  # Ctrl+C
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            raise
    # Ctrl+C stopped the server and the worker: nothing is left listening on the port.
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0
