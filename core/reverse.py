"""`reverse_slug()`: reverse() for a URL whose one argument is a slug, cheap enough for every row
of a list (a model's get_absolute_url on a page of 20 items).

reverse() walks the URL patterns on every call. A URL with one `<slug:…>` argument is the same
string around the slug for a given name, language (the i18n prefix), script prefix and URLconf,
so that pattern is reversed once per process with a placeholder and filled in by formatting. The
URL patterns do not change while a process runs; nothing here depends on content.
"""

import re
from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

#: What Django's slug converter accepts; such a slug needs no quoting in a path.
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
_PLACEHOLDER = "slug-placeholder-4f1c"


@lru_cache(maxsize=512)
def _around(name: str, language, script_prefix: str, urlconf) -> tuple[str, str] | None:
    url = reverse(name, args=[_PLACEHOLDER], urlconf=urlconf)
    if url.count(_PLACEHOLDER) != 1:
        return None
    head, _sep, tail = url.partition(_PLACEHOLDER)
    return head, tail


def reverse_slug(name: str, slug: str) -> str:
    """reverse(name, args=[slug]), for a URL pattern whose only argument is a slug."""
    if isinstance(slug, str) and _SLUG.fullmatch(slug):
        around = _around(name, get_language(), get_script_prefix(), get_urlconf())
        if around is not None:
            return around[0] + slug + around[1]
    return reverse(name, args=[slug])
