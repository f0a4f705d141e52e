from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from accounts.demo import DEMO_ADMIN_EMAIL
from accounts.models import User
from core.pagecache import cache_public
from documents.selectors import latest_news
from events.models import Event


@require_GET
@cache_public()
def home(request):
    context = {
        "upcoming_events": list(Event.objects.public().upcoming()[:3]),
        "latest_news": latest_news(limit=3),
    }
    return render(request, "home.html", context)


@require_GET
def favicon(request):
    return redirect(static("img/favicon.ico"), permanent=True)


@require_GET
def healthz(request):
    """Liveness + database check for the container HEALTHCHECK and load balancers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # report, don't raise: a health check must answer
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def _demo_data_loaded() -> bool:
    return User.objects.filter(email__iexact=DEMO_ADMIN_EMAIL).exists()


@require_GET
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
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _error(template, status):
    def view(request, exception=None):
        return render(request, template, status=status)

    return view


bad_request = _error("400.html", 400)
permission_denied = _error("403.html", 403)
page_not_found = _error("404.html", 404)


def server_error(request):
    # Rendered without context processors: the database may be what failed.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render({"request": request}), status=500)
