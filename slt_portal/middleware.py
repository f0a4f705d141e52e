"""Project-level middleware."""

from . import views


class HealthCheckMiddleware:
    """Answers /healthz before anything looks at the Host header: the container's health check
    calls http://127.0.0.1:<port>/healthz, and a deployment's ALLOWED_HOSTS need not list 127.0.0.1
    (CommonMiddleware would answer 400 for that host). Placed right after RequestIdMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info in ("/healthz", "/healthz/") and request.method in ("GET", "HEAD"):
            return views.health_response()
        return self.get_response(request)
