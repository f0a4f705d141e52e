"""gunicorn's production settings. gunicorn reads this file from its working directory (the image's
/app, the project root), so `gunicorn slt_portal.wsgi:application` is the whole command; options on
the command line win (the benchmark sets --bind and --workers itself).

Why these values (README, Performance): a request is CPU work in Python almost all the time (a page
cache hit ~1–2 ms, a rendered page 5–25 ms, database and Redis round trips a small part of either),
so threads in one process would mostly wait for the GIL. Sync workers, one request each, give the
most requests per core; two per core cover the moments a worker waits on PostgreSQL, Redis or a
slow client (Caddy buffers request bodies, so slow uploads do not hold a worker for long).
"""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1))
worker_class = "sync"
# A request that runs longer than this is killed (the largest upload is 25 MB through the proxy).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# The proxy keeps connections to gunicorn open between requests.
keepalive = 5
# Our own access line (core.logs) names the URL pattern, never the full URL or the client address.
accesslog = None
