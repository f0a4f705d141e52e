#!/usr/bin/env python
"""Measure bank latency benchmark (p50/p95), run against PostgreSQL on 127.0.0.1 only.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/slt_bench python bench/measure_search.py \
        --sizes 1000 100000 --runs 40

For each size it (re)generates that many benchmark measures with `load_bench_measures --clear`,
then times whole page renders of /tiltak/ through Django's test client (no network):
- reference: a free-text term matching about 1 % of the measures + two facets;
- broad: no text and no filter, every facet counted.
Targets at 100 000 (issue 4): reference p95 < 150 ms (growth 1 000 → 100 000 ≤ 1.5x), broad p95 < 400 ms.

Columns: whole-page p50/p95/min; "search" = the search layer alone (facet counts + the first page
of results with its prefetches, no template rendering); queries = SQL queries of one page render.
Every timed render is cold (issue 14): the content version is bumped before each request, as a
publish would do, so neither the page cache nor the per-process facet-count memo answers it
(`--warm` leaves them warm). Issue 14's check, text search + two facets at 100 000 measures:

    DATABASE_URL=… python bench/measure_search.py --sizes 100000 --queries reference --runs 40

Options: --no-load times the data already in the database (e.g. one database per size), --keep
leaves the generated measures (implied by --no-load), --queries picks some of the queries below,
--warm keeps the caches.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "slt_portal.settings")
os.environ["ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"

QUERIES = {
    "reference": "/tiltak/?q=leksehjelp&theme=skole-frafall&age=13-15",
    "reference-2": "/tiltak/?q=natteravn&arena=naermiljo&status=active",
    "broad": "/tiltak/",
    "broad-page-5": "/tiltak/?page=5&sort=title",
}


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lower = int(k)
    upper = min(lower + 1, len(values) - 1)
    return values[lower] + (values[upper] - values[lower]) * (k - lower)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--keep", action="store_true", help="Keep the last generated data.")
    parser.add_argument("--no-load", action="store_true", help="Time the data already there (one size).")
    parser.add_argument("--queries", nargs="+", choices=list(QUERIES), default=list(QUERIES))
    parser.add_argument("--warm", action="store_true", help="Do not bump the content version (caches warm).")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        print("Warning: not PostgreSQL; the numbers say nothing about production.", file=sys.stderr)
    host = settings.DATABASES["default"].get("HOST") or "local socket"
    if host not in ("127.0.0.1", "localhost", "local socket", ""):
        sys.exit("Refusing to run against a database that is not on 127.0.0.1.")
    call_command("migrate", verbosity=0)

    from django.core.paginator import Paginator
    from django.http import QueryDict

    from core.content import VERSION_KEY
    from measures.models import Measure
    from measures.search import SearchParams, measure_search
    from measures.views import PAGE_SIZE

    client = Client()

    def get(url):
        if not args.warm:  # a content change: the page cache and the facet-count memo are stale
            try:
                cache.incr(VERSION_KEY)
            except ValueError:
                cache.set(VERSION_KEY, 1, None)
        return client.get(url)

    print(
        f"# measure bank benchmark – {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} – {platform.node()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, {connection.vendor}, "
        f"{'warm' if args.warm else 'cold'} caches, "
        f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )
    print("| measures | query | p50 ms | p95 ms | min ms | search p50 ms | search p95 ms | queries | matches |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for size in [None] if args.no_load else args.sizes:
        if size is not None:
            call_command("load_bench_measures", count=size, clear=True, stdout=open(os.devnull, "w"))
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # what autovacuum does on a live site
        total = Measure.objects.published().count()
        for name in args.queries:
            url = QUERIES[name]
            for _ in range(3):  # warm-up
                get(url)
            timings = []
            for _ in range(args.runs):
                start = time.perf_counter()
                response = get(url)
                timings.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, response.status_code
            with CaptureQueriesContext(connection) as queries:
                get(url)
            data = QueryDict(url.partition("?")[2])
            params = SearchParams.from_querydict(data)
            matches = measure_search(params=params)[0].count()
            # The search layer alone (facets + first page with its prefetches), no template.
            search_timings = []
            for _ in range(args.runs):
                start = time.perf_counter()
                if not args.warm:
                    cache.incr(VERSION_KEY)
                results, _facets = measure_search(params=SearchParams.from_querydict(data))
                list(Paginator(results, PAGE_SIZE).get_page(data.get("page")))
                search_timings.append((time.perf_counter() - start) * 1000)
            print(
                f"| {total} | {name} | {statistics.median(timings):.0f} | "
                f"{percentile(timings, 95):.0f} | {min(timings):.0f} | {statistics.median(search_timings):.0f} | "
                f"{percentile(search_timings, 95):.0f} | {len(queries)} | {matches} |",
                flush=True,
            )
    if not args.keep and not args.no_load:  # data it did not generate is left alone
        Measure.objects.filter(responsible_org="Benchmark").delete()


if __name__ == "__main__":
    main()
