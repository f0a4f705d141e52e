"""Response headers every page of the portal gets (see the README's Security section)."""

from django.conf import settings

PRIVATE = "private, no-store"


class SecurityHeadersMiddleware:
    """Permissions-Policy; Cross-Origin-Resource-Policy (same-site for pages, cross-origin for public
    media, which municipalities' own sites embed; a view serving a public file sets cross-origin itself);
    and `Cache-Control: private, no-store` on every response to a logged-in user, so neither a shared
    cache nor the browser's history keeps a personal page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if "Cross-Origin-Resource-Policy" not in response.headers:
            public_media = settings.MEDIA_URL and request.path.startswith(settings.MEDIA_URL)
            response.headers["Cross-Origin-Resource-Policy"] = "cross-origin" if public_media else "same-site"
        # Only a request with a session cookie can be logged in; not touching the session otherwise
        # keeps anonymous pages free of `Vary: Cookie`.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and getattr(request, "user", None) is not None:
            if request.user.is_authenticated:
                response.headers["Cache-Control"] = PRIVATE
        return response
