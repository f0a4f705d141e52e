# SLT-portalen production image. Same steps as the Makefile: install from the lock,
# compile translations, collect static files; gunicorn serves on $PORT.
FROM python:3.12-slim AS app

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DEBUG=0 \
    PORT=8000

RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 slt

WORKDIR /app
COPY requirements.lock ./
RUN pip install -r requirements.lock

COPY --chown=slt:slt . .
# Build-time only values: the real ones come from the environment at run time.
RUN DEBUG=0 SECRET_KEY=build-only ALLOWED_HOSTS=localhost EMAIL_HOST=localhost \
    python manage.py compilemessages --ignore=.venv -v 0 \
    && DEBUG=0 SECRET_KEY=build-only ALLOWED_HOSTS=localhost EMAIL_HOST=localhost \
    python manage.py collectstatic --noinput -v 0 \
    && mkdir -p /app/media && chown -R slt:slt /app/media /app/staticfiles

USER slt
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os,urllib.request,sys; r=urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\",\"8000\")}/healthz', timeout=4); sys.exit(0 if r.status==200 else 1)"

# Workers, timeouts and the port: gunicorn.conf.py (WEB_CONCURRENCY overrides the worker count).
CMD ["gunicorn", "slt_portal.wsgi:application"]
