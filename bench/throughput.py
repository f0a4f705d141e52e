#!/usr/bin/env python
"""Throughput benchmark (issue 14): the portal's pages against a one-file Django hello-world.

    make bench-throughput                                  # SQLite, demo data, 3 rounds of 10 s
    .venv/bin/python bench/throughput.py --bench-data --measures 10000 --redis redis://127.0.0.1:6379/5
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/slt_bench .venv/bin/python bench/throughput.py --bench-data

What it does:
1. Data: a fresh SQLite database in a temporary folder (or the database in DATABASE_URL or
   --sqlite PATH, which is migrated and topped up, never emptied): migrate, load_municipalities, load_pages, load_demo;
   with --bench-data also `load_bench_data` (a unit with a coordinator for every municipality and
   Oslo district, 300 each of events, news and publications), with --measures N also
   `load_bench_measures --count N`; on PostgreSQL then VACUUM ANALYZE (what autovacuum keeps up on
   a running database). Then collectstatic into the temporary folder.
2. Servers: gunicorn with the same settings (--workers sync workers, default 2) serving
   `bench/hello_world.py` (no apps, no middleware) and the portal in the production profile
   (DEBUG=0, SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, SITE_URL, a dummy EMAIL_HOST, no SSL redirect:
   plain HTTP on 127.0.0.1). "cold" mode uses a second portal server, `bench/cold_wsgi.py`, which
   bumps the content version (core.content) at the start of every request, so that every page is
   rendered by its view, with the page and fragment caches stale, in a warm process.
3. Load: `wrk -t2 -c32 -d10s` (see --threads/--connections/--duration), sending
   `Accept-Encoding: gzip, deflate, br` as every browser does (so pages come gzip-compressed, as they
   reach visitors; `--accept-encoding ''` measures uncompressed answers), with a Lua script that prints
   p50/p95/p99; pages are interleaved in each round (hello, pages…, hello) over --rounds rounds; the
   table shows the median over rounds. On a machine with at least 4 cores the servers and wrk are
   pinned to separate cores with taskset (the first half for the servers).
4. CPU: utime+stime of the gunicorn master and its workers (/proc/<pid>/stat, with the exited
   children's cutime+cstime) over each run,
   divided by the requests wrk completed. "services CPU" is apart from it: the same for this
   machine's PostgreSQL and Redis processes (0 with SQLite and the database cache, whose work is
   inside gunicorn's; not measured when those servers run on another machine).
5. Coordinator pages (my unit, my measures) are requested with a session cookie the script creates
   for the demo coordinator (coordinators need no two-factor step); they are never page-cached.
6. With --redis URL everything runs twice, without Redis (the database cache) and with REDIS_URL=URL
   (pick a database number of your own; the script only bumps keys in it, never flushes it).

wrk: Debian/Ubuntu `apt-get install -y wrk` (macOS: `brew install wrk`).
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
SQLITE_PATH = None  # --sqlite
ACCEPT_ENCODING = ""  # --accept-encoding

LUA = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "p50": %d, "p95": %d, "p99": %d, "errors": %d, "status_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect + e.read + e.write + e.timeout, e.status))
end
"""

# (label, path, logged in?) – {unit}, {measure}, {event} are filled in from the database.
PAGES = [
    ("home", "/", False),
    ("directory search", "/finn-koordinator/?q=bergen", False),
    ("unit page", "/slt-enhet/{unit}/", False),
    ("county list", "/fylker/", False),
    ("map", "/dekningskart/", False),
    ("measure bank", "/tiltak/", False),
    ("measure bank, filters", "/tiltak/?q=leksehjelp&theme=skole-frafall&age=13-15", False),
    ("measure page", "{measure}", False),
    ("publications", "/dokumenter/", False),
    ("news", "/aktuelt/", False),
    ("events", "/arrangementer/", False),
    ("event page", "{event}", False),
    ("info page", "/om-slt/", False),
    ("site search", "/sok/?q=leksehjelp", False),
    ("API list: measures", "/api/v1/measures", False),
    ("API list: units", "/api/v1/units", False),
    ("coordinator: my unit", "/min-slt-enhet/", True),
    ("coordinator: my measures", "/tiltak/mine/", True),
]

SETUP_SNIPPET = r"""
import json
from django.conf import settings
from django.test import Client
from accounts.demo import DEMO_COORDINATOR_EMAIL
from accounts.models import User
from events.models import Event
from measures.models import Measure
from django.utils import timezone
client = Client()
client.force_login(User.objects.get(email__iexact=DEMO_COORDINATOR_EMAIL))
measure = Measure.objects.filter(state=Measure.State.PUBLISHED, unit__slug="bergen").first() or \
    Measure.objects.filter(state=Measure.State.PUBLISHED).first()
event = Event.objects.filter(status=Event.Status.PUBLISHED, start__gte=timezone.now()).order_by("start").first()
print("SETUPJSON " + json.dumps({
    "cookie": f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}",
    "unit": "bergen",
    "measure": measure.get_absolute_url(),
    "event": event.get_absolute_url(),
}))
"""


def die(message: str) -> None:
    print(message, file=sys.stderr)
    sys.exit(2)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env, *args, quiet=True) -> str:
    result = subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        die(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    if not quiet:
        print(result.stdout.strip())
    return result.stdout


def base_env(tmp: Path, port: int, redis: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DEBUG="0",
        SECRET_KEY="bench-only-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=f"http://127.0.0.1:{port}",
        EMAIL_HOST="smtp.example.invalid",
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
        LOG_LEVEL="WARNING",
        # The API's limit per client address (120/min) would answer wrk with 429s; the counter
        # is still counted on every request, only the ceiling is out of reach.
        API_RATE_LIMIT="1000000000",
    )
    if not os.environ.get("DATABASE_URL"):
        env["SQLITE_PATH"] = SQLITE_PATH or str(tmp / "bench.sqlite3")
    if redis:
        env["REDIS_URL"] = redis
    return env


def set_up_data(env, args) -> None:
    t0 = time.monotonic()
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_municipalities")
    manage(env, "load_pages")
    manage(env, "load_demo", "--allow-production")
    if args.bench_data:
        manage(env, "load_bench_data", quiet=False)
    if args.measures:
        existing = manage(env, "shell", "-c", "from measures.models import Measure; print(Measure.objects.count())")
        if int(existing.strip().splitlines()[-1]) < args.measures:
            manage(env, "load_bench_measures", "--count", str(args.measures), "--clear", quiet=False)
    if env.get("DATABASE_URL", "").startswith("postgres"):
        # Fresh statistics and visibility map after the bulk load, as autovacuum keeps them on a
        # running database (without them PostgreSQL plans on guesses and cannot use index-only scans).
        manage(env, "shell", "-c", "from django.db import connection; connection.cursor().execute('VACUUM ANALYZE')")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    print(f"Data ready in {time.monotonic() - t0:.0f} s.")


class Server:
    def __init__(self, name, app, env, args, cpus, logs: Path, chdir=ROOT):
        self.name, self.port = name, free_port()
        cmd = [
            PY, "-m", "gunicorn", app, "--chdir", str(chdir), "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(args.workers), "--worker-class", "sync", "--log-level", "warning",
        ]  # fmt: skip
        if cpus:
            cmd = ["taskset", "-c", cpus, *cmd]
        self.log = open(logs / f"{name}.log", "w")  # noqa: SIM115
        self.proc = subprocess.Popen(cmd, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/robots.txt" if name != "hello" else self.url, timeout=5)
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.3)
        self.stop()
        die(f"{name} did not start; see {self.log.name}")

    def pids(self) -> list[int]:
        """The master and its workers."""
        pids = [self.proc.pid]
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.proc.pid:
                    pids.append(int(entry))
        return pids

    def cpu_seconds(self) -> float:
        """CPU of the master and its live workers, and of workers that have exited (see `_cpu_ticks`)."""
        total = 0
        for pid in self.pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += _cpu_ticks(fields)
        return total / os.sysconf("SC_CLK_TCK")

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.close()


#: Local server processes whose CPU is reported apart from gunicorn's ("services CPU"): the issue
#: asks for PostgreSQL's separately; Redis's is counted with it in the Redis configuration.
SERVICE_PROCESSES = {"postgres", "redis-server"}


def services_cpu_seconds() -> float:
    """utime + stime of this machine's PostgreSQL and Redis processes (0 when they run elsewhere, or
    when SQLite and the database cache are used: SQLite's work is inside gunicorn's processes)."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        name, rest = stat.split(" (", 1)[1].rsplit(")", 1)
        if name in SERVICE_PROCESSES:
            total += _cpu_ticks(rest.split())
    return total / os.sysconf("SC_CLK_TCK")


def _cpu_ticks(fields: list[str]) -> int:
    """utime + stime of a process and cutime + cstime, its exited children's (fields 14-17 of
    stat(5); `fields` starts after the name). Without the children's part a sum over the live
    processes drops when one exits during a run: PostgreSQL's backend of a connection Django closes
    at CONN_MAX_AGE takes all its CPU with it (a negative "services CPU" in one run); the postmaster
    is credited with it once it has reaped the backend."""
    return sum(int(value) for value in fields[11:15])


def fetch(url, cookie=None) -> tuple[int, dict]:
    headers = {"Cookie": cookie} if cookie else {}
    if ACCEPT_ENCODING:
        headers["Accept-Encoding"] = ACCEPT_ENCODING
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def run_wrk(url, args, lua: Path, cpus, cookie=None) -> dict:
    cmd = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{args.duration}",
        "--timeout",
        "30s",
        "-s",
        str(lua),
    ]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    if ACCEPT_ENCODING:
        cmd += ["-H", f"Accept-Encoding: {ACCEPT_ENCODING}"]
    cmd.append(url)
    if cpus:
        cmd = ["taskset", "-c", cpus, *cmd]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("WRKJSON "))
    return json.loads(line.removeprefix("WRKJSON "))


def measure(server, path, args, lua, wrk_cpus, cookie=None) -> dict:
    url = server.url + path
    for _ in range(3):  # warm the process (and, in warm mode, the page cache)
        status, headers = fetch(url, cookie)
        if status != 200:
            die(f"{url} answered {status} before the run")
    before, services_before = server.cpu_seconds(), services_cpu_seconds()
    result = run_wrk(url, args, lua, wrk_cpus, cookie)
    cpu = server.cpu_seconds() - before
    services_cpu = services_cpu_seconds() - services_before
    seconds = result["duration_us"] / 1e6
    return {
        "rps": result["requests"] / seconds,
        "p50": result["p50"] / 1000,
        "p95": result["p95"] / 1000,
        "p99": result["p99"] / 1000,
        "cpu_ms": 1000 * cpu / max(result["requests"], 1),
        "services_cpu_ms": 1000 * services_cpu / max(result["requests"], 1),
        "errors": result["errors"] + result["status_errors"],
        "cache": headers.get("X-Page-Cache", "-"),
    }


def median_of(runs: list[dict]) -> dict:
    return {
        k: statistics.median(r[k] for r in runs)
        for k in ("rps", "p50", "p95", "p99", "cpu_ms", "services_cpu_ms", "errors")
    } | {"cache": runs[-1]["cache"]}


def table(title, hello, rows) -> str:
    lines = [
        f"\n{title}",
        "| page | req/s | ÷ hello | p50 ms | p95 ms | p99 ms | CPU ms/req | services CPU ms/req | page cache "
        "| errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for label, r in [("hello-world", hello), *rows]:
        lines.append(
            f"| {label} | {r['rps']:.0f} | {r['rps'] / hello['rps']:.3f} | {r['p50']:.1f} | {r['p95']:.1f} | "
            f"{r['p99']:.1f} | {r['cpu_ms']:.2f} | {r['services_cpu_ms']:.2f} | {r.get('cache', '-')} | "
            f"{r['errors']:.0f} |"
        )
    return "\n".join(lines)


def cpu_split() -> tuple[str | None, str | None]:
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 4 or not shutil.which("taskset"):
        return None, None
    half = len(cpus) // 2
    return ",".join(map(str, cpus[:half])), ",".join(map(str, cpus[half:]))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", default="10s", help="wrk -d (default 10s)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2, help="wrk -t")
    parser.add_argument("--connections", type=int, default=32, help="wrk -c")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (both servers)")
    parser.add_argument("--modes", default="warm,cold", help="warm, cold or both (default)")
    parser.add_argument("--bench-data", action="store_true", help="also run load_bench_data")
    parser.add_argument("--measures", type=int, default=0, help="also load this many benchmark measures")
    parser.add_argument("--redis", help="also run with REDIS_URL set to this (e.g. redis://127.0.0.1:6379/5)")
    parser.add_argument("--pages", help="labels to run, separated by a comma without a space after it (default: all)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, logs)")
    parser.add_argument(
        "--sqlite", metavar="PATH", help="use this SQLite file (migrated and topped up, never emptied), not a new one"
    )
    parser.add_argument(
        "--accept-encoding",
        default="gzip, deflate, br",
        help="Accept-Encoding sent with every request, as browsers send it (default 'gzip, deflate, br'; '' for none)",
    )
    args = parser.parse_args()
    # A plain `kill` runs the clean-up below (stopping the servers) instead of orphaning them.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    global SQLITE_PATH, ACCEPT_ENCODING
    SQLITE_PATH = str(Path(args.sqlite).resolve()) if args.sqlite else None
    ACCEPT_ENCODING = args.accept_encoding

    if not shutil.which("wrk"):
        die("wrk is not installed: `apt-get install -y wrk` (Debian/Ubuntu) or `brew install wrk` (macOS).")
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    pages = PAGES
    if args.pages:
        # A comma followed by a space belongs to a label ("measure bank, filters").
        wanted = {p.strip() for p in re.split(r",(?!\s)", args.pages)}
        unknown = wanted - {p[0] for p in PAGES}
        if unknown:
            die(f"Unknown page labels: {', '.join(sorted(unknown))}. Known: {', '.join(p[0] for p in PAGES)}.")
        pages = [p for p in PAGES if p[0] in wanted]
    server_cpus, wrk_cpus = cpu_split()
    tmp = Path(tempfile.mkdtemp(prefix="slt-bench-"))
    (tmp / "media").mkdir()
    lua = tmp / "latency.lua"
    lua.write_text(LUA)
    print(f"Machine: {platform.node()}, {os.cpu_count()} CPUs ({platform.processor() or platform.machine()}), "
          f"load average {os.getloadavg()[0]:.1f}; Python {platform.python_version()}; "
          f"database: {'DATABASE_URL' if os.environ.get('DATABASE_URL') else 'SQLite ' + (SQLITE_PATH or str(tmp))}; "
          f"Accept-Encoding: {ACCEPT_ENCODING or '(none)'}")  # fmt: skip
    print("CPU pinning: " + (f"servers on {server_cpus}, wrk on {wrk_cpus}" if server_cpus else "none (< 4 cores)"))
    configs = [("no Redis (database cache)", None)] + ([("Redis", args.redis)] if args.redis else [])
    servers = []
    output = []
    try:
        port = free_port()
        set_up_data(base_env(tmp, port, None), args)
        hello = Server(
            "hello", "hello_world:application", dict(os.environ), args, server_cpus, tmp, chdir=ROOT / "bench"
        )
        servers.append(hello)
        for config_name, redis in configs:
            env = base_env(tmp, port, redis)
            setup = json.loads(
                manage(env, "shell", "-c", SETUP_SNIPPET).split("SETUPJSON ", 1)[1].splitlines()[0]
            )  # fmt: skip
            resolved = [(label, path.format(**setup), auth) for label, path, auth in pages]
            for mode in modes:
                app = "slt_portal.wsgi:application" if mode == "warm" else "bench.cold_wsgi:application"
                portal = Server(f"portal-{mode}", app, env, args, server_cpus, tmp)
                servers.append(portal)
                rounds = {label: [] for label, _, _ in resolved}
                hellos = []
                for n in range(args.rounds):
                    print(f"[{config_name}, {mode}] round {n + 1}/{args.rounds}", flush=True)
                    hellos.append(measure(hello, "/", args, lua, wrk_cpus))
                    for label, path, auth in resolved:
                        rounds[label].append(
                            measure(portal, path, args, lua, wrk_cpus, cookie=setup["cookie"] if auth else None)
                        )
                    hellos.append(measure(hello, "/", args, lua, wrk_cpus))
                portal.stop()
                servers.remove(portal)
                result = table(
                    f"{config_name}, {mode} ({args.rounds} rounds, median; wrk -t{args.threads} "
                    f"-c{args.connections} -d{args.duration}; gunicorn {args.workers} sync workers)",
                    median_of(hellos),
                    [(label, median_of(runs)) for label, runs in rounds.items()],
                )
                print(result, flush=True)
                output.append(result)
    finally:
        for server in servers:
            server.stop()
        if args.keep:
            print(f"Kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print("\n".join(output))


if __name__ == "__main__":
    main()
