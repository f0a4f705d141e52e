"""Settings for SLT-portalen. Everything that differs between machines comes from the environment.

DEBUG=1 is the local development profile (SQLite, console e-mail); DEBUG=0 (the default) is the
production profile, which requires SECRET_KEY, ALLOWED_HOSTS and SMTP settings and passes
`manage.py check --deploy` without warnings.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-local-development-only-not-for-production-use-0123456789"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The public address of the site: every absolute URL (e-mails, feeds, calendars, exports) starts with it,
# never with the request's Host header. Development: the address `make run` serves on (HOST and PORT);
# production: required (`check --deploy` reports a missing SITE_URL as slt_portal.E001).
SITE_URL = env("SITE_URL", f"http://{env('HOST', '127.0.0.1')}:{env('PORT', '8000')}" if DEBUG else "").rstrip("/")
SITE_NAME = "SLT-portalen"

INSTALLED_APPS = [
    "slt_portal.apps.SltAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "crispy_forms",
    "axes",
    "simple_history",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "slt_portal",
    "core",
    "accounts",
    "outbox",
    "municipalities",
    "measures",
    "documents",
    "events",
]

MIDDLEWARE = [
    "core.logs.RequestIdMiddleware",
    "slt_portal.middleware.HealthCheckMiddleware",
    # A page cache hit skips everything below; entries keep the headers and gzip encoding added there.
    "core.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Django's GZip (padded against BREACH) at level 4 (core.compression); pages with a CSRF token or
    # anything personal are never page-cached.
    "core.compression.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "slt_portal.urls"
WSGI_APPLICATION = "slt_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "slt_portal.context_processors.site",
            ],
            "builtins": ["django.templatetags.i18n", "django.templatetags.static"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{env('SQLITE_PATH', str(BASE_DIR / 'db.sqlite3'))}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL with synchronous=NORMAL: a commit appends to the log without waiting for the disk (the log
    # is synced at checkpoints), so the small writes of every request (rate-limit counters, the
    # database cache) do not each cost an fsync. The database stays consistent; a power cut (not a
    # crash of the process) can lose the last moments' commits. PostgreSQL is the production choice.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "transaction_mode": "IMMEDIATE"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": env("REDIS_URL"),
            # One Redis may serve several sites or test runs: each keeps to its own prefix.
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "slt"),
        }
    }
elif DEBUG:
    # Local development only: one runserver process, so a per-process cache is still shared.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # Production without Redis: the database cache, which every worker and app copy sees
    # (the page cache and its content version, rate limits). The table is created by `migrate`.
    CACHES = {
        "default": {
            "BACKEND": "core.cache.DatabaseCache",
            "LOCATION": "django_cache",
            "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 20000), "CULL_FREQUENCY": 4},
        }
    }
# Sessions are read on every logged-in request: with Redis from Redis, which every process shares,
# with the database behind it (written through, so a flushed Redis logs nobody out); else from the
# database by SQL compiled once per process (core.sessions).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db" if env("REDIS_URL") else "core.sessions"
# The anonymous page cache (core/pagecache.py): entries expire after this many seconds even when no
# content changes, for what changes with time alone (scheduled news, an event passing).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_TTL = env_int("PAGE_CACHE_TTL", 60)
PAGE_CACHE_LOCAL_BYTES = env_int("PAGE_CACHE_LOCAL_BYTES", 32 * 1024 * 1024)

# Accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.EmailBackend",
    "accounts.backends.SfkAdminPermissionBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:account"
LOGOUT_REDIRECT_URL = None  # show the "logged out" page
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day
INVITATION_MAX_AGE_DAYS = env_int("INVITATION_MAX_AGE_DAYS", 7)

# django-axes: lock out repeated failed logins per e-mail + IP.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Rate limits (core.ratelimit.hit: Redis when REDIS_URL is set, else a database table; per hour).
PASSWORD_RESET_RATE_LIMIT = env_int("PASSWORD_RESET_RATE_LIMIT", 3)  # reset e-mails per address
PASSWORD_RESET_IP_RATE_LIMIT = env_int("PASSWORD_RESET_IP_RATE_LIMIT", 20)  # reset requests per client address
EMAIL_CHANGE_RATE_LIMIT = env_int("EMAIL_CHANGE_RATE_LIMIT", 5)  # confirmation e-mails per account
EMAIL_CHANGE_MAX_AGE = 60 * 60 * 24  # seconds a confirmation link for a new login address is valid

# Two-factor login (django-otp TOTP + recovery codes): required for Sfk admins and superusers.
OTP_TOTP_ISSUER = "SLT-portalen"
# The admin never shows an authenticator's secret (key, QR code) or the recovery codes.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
TWO_FACTOR_RATE_LIMIT = env_int("TWO_FACTOR_RATE_LIMIT", 5)  # code attempts per account per window
TWO_FACTOR_RATE_WINDOW = 15 * 60  # seconds

# Internationalisation: bokmål is the source language.
LANGUAGE_CODE = "nb"
LANGUAGES = [
    ("nb", _("Bokmål")),
    ("nn", _("Nynorsk")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our own English formats (day before month, 24-hour clock): slt_portal/formats/en/formats.py.
FORMAT_MODULE_PATH = ["slt_portal.formats"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# Object storage (S3-compatible: AWS S3, MinIO, Ceph…; django-storages' S3Storage): setting
# AWS_STORAGE_BUCKET_NAME moves every upload there, where every app copy sees it. Public uploads
# (coordinator photos, news images) go to that bucket, whose objects browsers read by plain URL
# (AWS_S3_CUSTOM_DOMAIN: a CDN or the reverse proxy in front of the bucket); publication files go to
# AWS_PROTECTED_BUCKET_NAME, a private bucket that only the app reads (documents.s3), streamed to the
# user by the permission-checking download view. Keys: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
# from the environment (or the host's IAM role), read by boto3 itself.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
AWS_PROTECTED_BUCKET_NAME = env("AWS_PROTECTED_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME and AWS_PROTECTED_BUCKET_NAME in {"", AWS_STORAGE_BUCKET_NAME}:
    raise ImproperlyConfigured("AWS_PROTECTED_BUCKET_NAME must name a private bucket of its own.")
AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL") or None  # e.g. http://minio:9000; empty: AWS
AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME") or None
AWS_S3_ADDRESSING_STYLE = env("AWS_S3_ADDRESSING_STYLE") or None  # "path" for MinIO
AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN") or None  # host[/path] public uploads are read from
AWS_S3_URL_PROTOCOL = env("AWS_S3_URL_PROTOCOL", "https:")  # for AWS_S3_CUSTOM_DOMAIN
AWS_QUERYSTRING_AUTH = False  # public uploads: plain, stable URLs (pages with them are cached)
AWS_S3_FILE_OVERWRITE = False  # a new file never replaces another under the same name
AWS_S3_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # a download larger than this spools to a temporary file
AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=86400"}
STORAGES = {
    # Uploaded files: local disk, or the public bucket when AWS_STORAGE_BUCKET_NAME is set.
    "default": {
        "BACKEND": env(
            "FILE_STORAGE_BACKEND",
            "storages.backends.s3.S3Storage"
            if AWS_STORAGE_BUCKET_NAME
            else "django.core.files.storage.FileSystemStorage",
        ),
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}
# Locally WhiteNoise serves straight from the source folders; production from collectstatic output.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 25 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

# E-mail through Django 6.1 mailers: console locally, SMTP in production.
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "SLT-portalen <ikke-svar@slt.example.no>")
SERVER_EMAIL = env("SERVER_EMAIL", "slt-portal@slt.example.no")
CONTACT_EMAIL = env("CONTACT_EMAIL", "slt@konfliktraadet.example.no")
if env("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env("EMAIL_HOST"),
                "port": env_int("EMAIL_PORT", 587),
                "username": env("EMAIL_HOST_USER") or None,
                "password": env("EMAIL_HOST_PASSWORD") or None,
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": env_int("EMAIL_TIMEOUT", 20),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")}}

# Background tasks: the database backend in production (`manage.py db_worker`).
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Security
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
if env_bool("BEHIND_PROXY", not DEBUG):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Addresses or CIDR ranges of the reverse proxies in front of the app. X-Forwarded-For is believed only
# on requests from these (core.http.client_ip); empty: the peer's own address is the client's.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
# Browser features the portal never uses are switched off for it and anything it might embed.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), "
    "xr-spatial-tracking=()"
)

# Content-Security-Policy (Django 6.x): nothing from other hosts, inline code only with a nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Public uploads served from object storage on another host (its origin, e.g.
# https://slt-media.example.no): allowed as images by the CSP. Empty: uploads come from this site,
# or, with a bucket, from AWS_S3_CUSTOM_DOMAIN or else the AWS_S3_ENDPOINT_URL's host.
MEDIA_ORIGIN = env("MEDIA_ORIGIN")
if not MEDIA_ORIGIN and AWS_STORAGE_BUCKET_NAME:
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_ORIGIN = f"{AWS_S3_URL_PROTOCOL}//{AWS_S3_CUSTOM_DOMAIN.split('/')[0]}"
    elif AWS_S3_ENDPOINT_URL:
        MEDIA_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(AWS_S3_ENDPOINT_URL))
    else:
        raise ImproperlyConfigured("Set MEDIA_ORIGIN (or AWS_S3_CUSTOM_DOMAIN) to where public uploads are read.")
if MEDIA_ORIGIN:
    SECURE_CSP["img-src"].append(MEDIA_ORIGIN)

CRISPY_ALLOWED_TEMPLATE_PACKS = ["designsystemet"]
CRISPY_TEMPLATE_PACK = "designsystemet"
# Django's template form renderer with <select> built in Python (the same markup; core/formrenderer.py).
FORM_RENDERER = "core.formrenderer.FastSelectRenderer"
CRISPY_FAIL_SILENTLY = not DEBUG

SIMPLE_HISTORY_HISTORY_ID_USE_UUID = False

# Whether demo content is loaded: robots.txt then disallows everything.
DEMO_MODE = env_bool("DEMO_MODE", False)

# Logs go to stderr: JSON lines in production (LOG_FORMAT=json, the default when DEBUG is off),
# readable text locally; every line carries the request id (core.logs). What a line may contain is
# listed in the README ("Logs and privacy").
LOG_FORMAT = env("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "core.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            # stderr; in production through a buffer written at least every second (core.logs)
            "()": "logging.StreamHandler" if DEBUG else "core.logs.StderrHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # One access line per request (core.logs.RequestIdMiddleware); LOG_ACCESS=0 turns it off.
        "slt.request": {"level": "INFO" if env_bool("LOG_ACCESS", True) else "WARNING"},
    },
}

# E-mail uniqueness is enforced case-insensitively by a database constraint on Lower(email)
# (accounts_user_email_ci_unique), which auth.W004 does not recognise.
SILENCED_SYSTEM_CHECKS = ["auth.W004"]

# --- events ---
# Days after an event ends before its registrations are anonymised (`manage.py anonymise_registrations`,
# run daily); dietary/accessibility notes are deleted by the same command as soon as the event has ended.
EVENTS_RETENTION_DAYS = env_int("EVENTS_RETENTION_DAYS", 90)
# Recordings are link cards to these video services (and their subdomains); never embedded.
RECORDING_VIDEO_HOSTS = env_list("RECORDING_VIDEO_HOSTS", "youtube.com,youtu.be,vimeo.com")
# Open events: a registration by someone not logged in as a coordinator holds a seat this long while
# the address confirms through the link in the first e-mail; never confirmed, it is deleted after
# EVENTS_UNCONFIRMED_DELETE_HOURS (lazily, and by `manage.py delete_unconfirmed_registrations`, run daily).
EVENTS_HOLD_MINUTES = env_int("EVENTS_HOLD_MINUTES", 30)
EVENTS_UNCONFIRMED_DELETE_HOURS = env_int("EVENTS_UNCONFIRMED_DELETE_HOURS", 24)
# Registrations per hour (counted first, in the cache: shared by all workers with Redis).
EVENTS_REGISTRATION_RATE_LIMIT_IP = env_int("EVENTS_REGISTRATION_RATE_LIMIT_IP", 10)
EVENTS_REGISTRATION_RATE_LIMIT_EMAIL = env_int("EVENTS_REGISTRATION_RATE_LIMIT_EMAIL", 3)
EVENTS_REGISTRATION_RATE_WINDOW = 3600  # seconds

# --- documents ---
# Publication files never get a public URL: by default they are stored outside MEDIA_ROOT
# (in DOCUMENTS_PRIVATE_ROOT, default "<MEDIA_ROOT>-protected"); with object storage in the private
# AWS_PROTECTED_BUCKET_NAME (documents.s3.ProtectedS3Storage). Either way only the permission-checking
# download view reads them, streaming through the storage API.
DOCUMENTS_PRIVATE_ROOT = env("DOCUMENTS_PRIVATE_ROOT")
STORAGES["documents"] = {
    "BACKEND": env(
        "DOCUMENTS_STORAGE_BACKEND",
        "documents.s3.ProtectedS3Storage"
        if AWS_STORAGE_BUCKET_NAME
        else "documents.storage.ProtectedFileSystemStorage",
    ),
}
CONTACT_RATE_LIMIT = env_int("CONTACT_RATE_LIMIT", 5)  # contact form messages per IP per hour
# Contact form messages are deleted this many days after they arrive (`manage.py purge_contact_messages`).
CONTACT_RETENTION_DAYS = env_int("CONTACT_RETENTION_DAYS", 365)
OUTBOX_RETENTION_DAYS = env_int("OUTBOX_RETENTION_DAYS", 30)  # days the text of a sent e-mail is kept

# --- open data API (/api/v1/) ---
# Requests per client IP address per minute; over it the API answers 429 with Retry-After.
API_RATE_LIMIT = env_int("API_RATE_LIMIT", 120)
API_RATE_WINDOW = 60  # seconds
API_MAX_PAGE_SIZE = 100

# --- security ---
# The login form posts `username` (an e-mail address); axes must lock out per address, any case.
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "accounts.lockout.login_username"
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.login_client_ip"
