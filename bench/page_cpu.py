#!/usr/bin/env python
"""Cold server CPU and queries per page, in one process (issue 14's "cold" target: ≤ 10 queries and
≤ 25 ms CPU with the page and fragment caches stale after a content change, in a warm process).

    SQLITE_PATH=/path/to/bench.sqlite3 .venv/bin/python bench/page_cpu.py            # every page
    SQLITE_PATH=… .venv/bin/python bench/page_cpu.py --pages "/tiltak/,/fylker/" -n 30
    SQLITE_PATH=… .venv/bin/python bench/page_cpu.py --profile /tiltak/             # cProfile top 40
    SQLITE_PATH=… .venv/bin/python bench/page_cpu.py --pages "{measure_edit}" --first-visit   # see --help

The database must already hold the benchmark data (migrate, load_municipalities, load_pages,
load_demo, load_bench_data, load_bench_measures --count 10000; `bench/throughput.py --keep` leaves
one behind). Set DATABASE_URL instead of SQLITE_PATH for PostgreSQL. The production profile's
settings are used (DEBUG=0, the cached template loader), with the local-memory cache unless
REDIS_URL is set. Before every request the content version is bumped, as a publish would do, so
each page is rendered by its view; the first requests of each page warm the process and are not
counted. CPU is this process's (time.process_time: the view, templates, ORM and the database
driver; SQLite's own work too, PostgreSQL's not). It is in-process, without gunicorn or HTTP, so it
is a little lower than bench/throughput.py's cold figures, and steadier on a busy machine.
The coordinator pages are read as the demo coordinator, the Sfk pages as the demo Sfk admin with
the two-factor step done (tests.helpers.mark_two_factor_verified).
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

os.environ.update(
    DEBUG="0",
    SECRET_KEY=os.environ.get("SECRET_KEY", "bench-only-" + "x" * 50),
    ALLOWED_HOSTS="testserver,127.0.0.1",
    SITE_URL="http://testserver",
    EMAIL_HOST="smtp.example.invalid",
    SECURE_SSL_REDIRECT="0",
    LOG_LEVEL="WARNING",
    LOG_ACCESS="0",
)
os.environ.setdefault("STATIC_ROOT", "/tmp/slt-page-cpu-static")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "slt_portal.settings")

ANONYMOUS = [
    "/",
    "/finn-koordinator/?q=bergen",
    "/slt-enhet/{unit}/",
    "/fylker/",
    "/dekningskart/",
    "/tiltak/",
    "/tiltak/?q=leksehjelp&theme=skole-frafall&age=13-15",
    "{measure}",
    "/dokumenter/",
    "/aktuelt/",
    "/arrangementer/",
    "{event}",
    "/om-slt/",
    "/sok/?q=leksehjelp",
    "/api/v1/measures",
    "/api/v1/units",
]
COORDINATOR = ["/min-slt-enhet/", "/tiltak/mine/", "{measure_edit}"]
SFK_ADMIN = [
    "/sfk/",
    "/sfk/slt-enheter/",
    "/sfk/ikke-bekreftet/",
    "/sfk/invitasjoner/",
    "/sfk/e-post/",
    "{outbox_detail}",
    "/sfk/lister/",
    "/sfk/lister/{list_key}/",
    "/arrangementer/administrer/",
    "/sfk/arrangementer/nytt/",
    "{event_edit}",
    "{participants}",
    "/konto/brukere/",
    "/konto/sperrer/",
    "/kontakt/meldinger/",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", help="comma-separated paths (default: every page in the list above)")
    parser.add_argument("-n", type=int, default=20, help="counted requests per page (default 20)")
    parser.add_argument("--warm", action="store_true", help="do not bump the content version (warm caches)")
    parser.add_argument(
        "--first-visit",
        action="store_true",
        help="do not bump the content version, but forget the logged-in pages this process keeps rendered "
        "(core.personal): a coordinator opening a page for the first time, nothing changed since",
    )
    parser.add_argument("--profile", metavar="PATH", help="cProfile one page and print the top functions")
    parser.add_argument("--callees", metavar="NAME", help="with --profile: also what the functions matching NAME call")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from accounts.demo import DEMO_ADMIN_EMAIL, DEMO_COORDINATOR_EMAIL
    from accounts.models import User
    from core.content import VERSION_KEY
    from core.personal import _entries as personal_pages
    from events.models import Event
    from measures.lists import MANAGED_LISTS
    from measures.models import Measure
    from outbox.models import OutboxMessage
    from tests.helpers import mark_two_factor_verified

    call_command("migrate", "--noinput", verbosity=0)  # a database made before the latest migrations
    call_command("createcachetable")  # the database cache, when REDIS_URL is unset
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        call_command("collectstatic", "--noinput", "-v", "0")
    settings.ALLOWED_HOSTS = ["testserver"]
    anonymous = Client()
    coordinator = Client()
    user = User.objects.get(email__iexact=DEMO_COORDINATOR_EMAIL)
    coordinator.force_login(user)
    sfk_admin = Client()
    admin_user = User.objects.get(email__iexact=DEMO_ADMIN_EMAIL)
    sfk_admin.force_login(admin_user)
    mark_two_factor_verified(sfk_admin, admin_user)  # the second login step, done
    clients = {"": anonymous, "coordinator": coordinator, "sfk-admin": sfk_admin}
    measure = Measure.objects.filter(state=Measure.State.PUBLISHED, unit__slug="bergen").first() or (
        Measure.objects.filter(state=Measure.State.PUBLISHED).first()
    )
    own = Measure.objects.filter(unit__coordinators__user=user).first()
    event = Event.objects.filter(status=Event.Status.PUBLISHED, start__gte=timezone.now()).order_by("start").first()
    outgoing = OutboxMessage.objects.order_by("-pk").first()
    names = {
        "unit": "bergen",
        "measure": measure.get_absolute_url(),
        "event": event.get_absolute_url() if event else "/arrangementer/",
        "measure_edit": f"/tiltak/{own.pk}/rediger/" if own else "/tiltak/mine/",
        "outbox_detail": f"/sfk/e-post/{outgoing.pk}/" if outgoing else "/sfk/e-post/",
        "list_key": MANAGED_LISTS[0].key,
        "event_edit": f"/sfk/arrangementer/{event.slug}/endre/" if event else "/arrangementer/administrer/",
        "participants": f"{event.get_absolute_url()}deltakere/" if event else "/arrangementer/administrer/",
    }
    pages = (
        [(p.format(**names), "") for p in ANONYMOUS]
        + [(p.format(**names), "coordinator") for p in COORDINATOR]
        + [(p.format(**names), "sfk-admin") for p in SFK_ADMIN]
    )
    if args.pages:
        wanted = [p.strip() for p in args.pages.split(",") if p.strip()]
        roles = dict(pages)
        pages = [(p.format(**names), roles.get(p.format(**names), "")) for p in wanted]

    def bump():
        if args.first_visit:
            personal_pages.clear()
        elif not args.warm:
            try:
                cache.incr(VERSION_KEY)
            except ValueError:
                cache.set(VERSION_KEY, 1, None)

    def get(path, auth, log=None):
        client = clients[auth]
        bump()
        if log is not None:
            with connection.execute_wrapper(lambda execute, sql, *a: log.append(sql) or execute(sql, *a)):
                response = client.get(path)
        else:
            response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
        return response

    if args.profile:
        auth = dict(pages).get(args.profile, "")
        for _ in range(5):
            get(args.profile, auth)
        profiler = cProfile.Profile(time.process_time)  # CPU, as the table reports (not waits on fsync)
        profiler.enable()
        for _ in range(args.n):
            get(args.profile, auth)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        if args.callees:
            pstats.Stats(profiler).sort_stats("cumulative").print_callees(args.callees)
        return

    print("Queries: the page's own, and + those of the database cache (page cache, rate limits) without REDIS_URL.")
    print(f"| page | status | queries | CPU ms (median of {args.n}) | KiB |")
    print("|---|---:|---:|---:|---:|")
    for path, auth in pages:
        for _ in range(3):
            get(path, auth)
        queries = []
        get(path, auth, queries)
        times = []
        for _ in range(args.n):
            t0 = time.process_time()
            response = get(path, auth)
            times.append((time.process_time() - t0) * 1000)
        label = (f"{auth} " if auth else "") + path
        size = len(response.content) / 1024 if not response.streaming else 0
        cache_queries = sum(1 for sql in queries if "django_cache" in sql or "core_ratecounter" in sql)
        count = f"{len(queries) - cache_queries}" + (f" + {cache_queries}" if cache_queries else "")
        print(f"| {label} | {response.status_code} | {count} | {statistics.median(times):.1f} | {size:.0f} |")


if __name__ == "__main__":
    main()
