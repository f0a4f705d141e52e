from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, reverse, translate_url
from django.utils.translation import get_language, override

LANGUAGE_NAMES = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}
OG_LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}

#: The base layout's fixed links (header, navigation, footer, feeds): {{ site_links.<key> }}.
SITE_LINKS = {
    "home": "home",
    "search": "search",
    "login": "accounts:login",
    "account": "accounts:account",
    "logout": "accounts:logout",
    "sfk_dashboard": "sfk_dashboard",
    "unit_search": "municipalities:search",
    "measures": "measures:list",
    "library": "documents:library",
    "events": "events:list",
    "news": "documents:news_list",
    "about": "documents:about",
    "contact": "documents:contact",
    "accessibility": "documents:accessibility",
    "privacy": "documents:privacy",
    "news_rss": "documents:news_rss",
    "events_rss": "events:rss",
}


@lru_cache(maxsize=16)
def _site_links(language: str, script_prefix: str) -> dict[str, str]:
    """The fixed links in one language. They depend on the URL patterns only (not on content), so
    they are reversed once per process and language instead of on every page."""
    with override(language):
        return {key: reverse(name) for key, name in SITE_LINKS.items()}


def _translated_paths(request) -> dict[str, str]:
    """The current page's path in each language: translate_url() without its resolve(), reusing the
    match the request was routed by (one reverse() per language)."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name:  # an error page outside any URL pattern, say
        return {code: urlsplit(translate_url(request.path, code)).path for code, _ in settings.LANGUAGES}
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    paths = {}
    for code, _name in settings.LANGUAGES:
        with override(code):
            try:
                paths[code] = reverse(name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                paths[code] = request.path
    return paths


def _alternates(paths: dict[str, str]) -> list[dict]:
    """The page's absolute URL in each language (from SITE_URL, never the request's Host), and
    x-default: the bokmål address, which has no language prefix."""
    urls = [{"hreflang": code, "url": settings.SITE_URL + path} for code, path in paths.items()]
    return [*urls, {"hreflang": "x-default", "url": settings.SITE_URL + paths[settings.LANGUAGE_CODE]}]


def site(request):
    """Site name, the base layout's links, the language switcher (each language's URL for the
    current page) and the head's canonical URL and hreflang alternates (absolute, without the query
    string). Computed once per request, however many templates the request renders."""
    current = get_language()
    cached = getattr(request, "_site_context", None)
    if cached is not None and cached[0] == current:
        return cached[1]
    paths = _translated_paths(request)
    query = urlsplit(request.get_full_path()).query
    switcher = [
        {
            "code": code,
            "name": LANGUAGE_NAMES.get(code, code),
            "url": f"{path}?{query}" if query else path,
            "current": code == current,
        }
        for code, path in paths.items()
    ]
    links = _site_links(current, get_script_prefix())
    context = {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "CONTACT_URL": links["contact"],  # for lower apps' templates, which cannot name it
        "site_links": links,
        "language_switcher": switcher,
        "canonical_url": settings.SITE_URL + request.path,
        "hreflang_alternates": _alternates(paths),
        "OG_LOCALE": OG_LOCALES.get(current, "nb_NO"),
    }
    request._site_context = (current, context)
    return context
