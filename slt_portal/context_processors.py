from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language

LANGUAGE_NAMES = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}


def site(request):
    """Site name and the language switcher: each language's URL for the current page."""
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
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "CONTACT_URL": reverse("documents:contact"),  # for lower apps' templates, which cannot name it
        "language_switcher": switcher,
    }
