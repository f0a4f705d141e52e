from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language

LANGUAGE_NAMES = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}
OG_LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}


def _alternates(path: str) -> list[dict]:
    """The page's absolute URL in each language (from SITE_URL, never the request's Host), and
    x-default: the bokmål address, which has no language prefix."""
    urls = [{"hreflang": code, "url": settings.SITE_URL + translate_url(path, code)} for code, _ in settings.LANGUAGES]
    default = next(item["url"] for item in urls if item["hreflang"] == settings.LANGUAGE_CODE)
    return [*urls, {"hreflang": "x-default", "url": default}]


def site(request):
    """Site name, the language switcher (each language's URL for the current page) and the head's
    canonical URL and hreflang alternates (absolute, without the query string)."""
    current = get_language()
    full_path = request.get_full_path()
    switcher = [
        {
            "code": code,
            "name": LANGUAGE_NAMES.get(code, code),
            "url": translate_url(full_path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "CONTACT_URL": reverse("documents:contact"),  # for lower apps' templates, which cannot name it
        "language_switcher": switcher,
        "canonical_url": settings.SITE_URL + request.path,
        "hreflang_alternates": _alternates(request.path),
        "OG_LOCALE": OG_LOCALES.get(current, "nb_NO"),
    }
