import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from accounts.demo import DEMO_ADMIN_EMAIL
from accounts.models import User
from core.pagecache import cache_public
from core.search import clean_query
from documents.selectors import latest_news
from events.models import Event
from municipalities.selectors import covered_municipalities

from .search import site_search

HOME_EVENT_FIELDS = ("title", "slug", "language", "start", "status")


@require_safe
@cache_public()
def home(request):
    covered, municipalities = covered_municipalities()
    context = {
        "upcoming_events": list(Event.objects.public().upcoming().only(*HOME_EVENT_FIELDS)[:3]),
        "latest_news": latest_news(limit=3),
        "covered": covered,
        "municipalities": municipalities,
    }
    return render(request, "home.html", context)


@require_safe
@cache_public("q")
def search(request):
    """One search over the whole site, results grouped by kind (slt_portal.search). Anonymous
    visitors' results are page-cached per query text, like the directory search's."""
    q = clean_query(request.GET.get("q"))
    groups = site_search(q=q, user=request.user) if q else []
    context = {
        "q": q,
        "site_query": q,
        "groups": groups,
        "total": sum(group.count for group in groups),
        "crumbs": [(_("Søk"), "")],
    }
    return render(request, "search.html", context)


@require_safe
def favicon(request):
    return redirect(static("img/favicon.ico"), permanent=True)


def health_response():
    """Liveness + database check for the container HEALTHCHECK and load balancers (answered by
    HealthCheckMiddleware for any Host header; the view below is the same check, for reverse())."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # report, don't raise: a health check must answer
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def healthz(request):
    return health_response()


def _demo_data_loaded() -> bool:
    return User.objects.filter(email__iexact=DEMO_ADMIN_EMAIL).exists()


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    if settings.DEMO_MODE or _demo_data_loaded():
        lines = ["# Demo data is loaded: keep this site out of search engines.", "User-agent: *", "Disallow: /"]
    else:
        lines = [
            "User-agent: *",
            "Disallow: /konto/",
            "Disallow: /admin/",
            "Disallow: /nn/konto/",
            "Disallow: /en/konto/",
            "Disallow: /sfk/",
            "Disallow: /nn/sfk/",
            "Disallow: /en/sfk/",
        ]
    lines += ["", f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _error(template, status):
    def view(request, exception=None):
        return render(request, template, status=status)

    return view


bad_request = _error("400.html", 400)
permission_denied = _error("403.html", 403)
page_not_found = _error("404.html", 404)


OUTAGE_RETRY_AFTER = 30  # seconds


def server_error(request):
    """500, or 503 with Retry-After when the database is unreachable (an outage, not a bug).
    Rendered without context processors: the database may be what failed. Django calls this
    inside its exception handler, so the exception that got here is sys.exc_info()'s."""
    from django.template import loader

    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(loader.get_template("503.html").render({"request": request}), status=503)
        response["Retry-After"] = str(OUTAGE_RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponse(loader.get_template("500.html").render({"request": request}), status=500)
