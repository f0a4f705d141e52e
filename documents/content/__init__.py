"""Initial text of the information pages, loaded by a data migration (see migrations/0002).

Written from the national SLT page as it stood in 2026 and well-known public facts. Statements
marked "[Sfk: ...]" are uncertain and must be checked by Sfk before launch; Sfk admins edit the
pages in the portal afterwards.
"""

from .pages import PAGES


def ensure_pages(model) -> int:
    """Create the pages that are missing (never overwrites edited text); returns how many."""
    created = 0
    for data in PAGES:
        data = dict(data)
        slug = data.pop("slug")
        created += model.objects.get_or_create(slug=slug, defaults=data)[1]
    return created
