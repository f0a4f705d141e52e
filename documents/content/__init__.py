"""Initial text of the information pages: Markdown files under pages/ (one per page and
language, format in loader.py), created by a data migration (migrations/0002) and by
`manage.py load_pages`.

Written from the national SLT page as it stood in 2026 and well-known public facts; Sfk admins edit
the pages in the portal afterwards. A note to the editors written as "[Sfk: ...]" in a page's text is
never shown to the public: only Sfk admins see it, marked as a note (core.markup, show_notes).
Placeholders such as {contact_retention_days} are filled in from the settings when a page is
created or updated (`fill_settings`).

previous/<yyyy-mm>/ holds frozen copies of earlier initial texts of pages whose text has since been
rewritten: a data migration replaces a page's text only while it still equals these (2026-11:
migration 0005, the privacy and accessibility statements; 2026-12: migration 0009, the texts that
still carried editor notes), so text that Sfk has edited is never overwritten. Do not edit those files.
"""

from pathlib import Path

from django.conf import settings

from .loader import read_bodies, read_pages

HERE = Path(__file__).resolve().parent
PAGES = read_pages(HERE / "pages")
ORIGINAL_2026_11 = read_bodies(HERE / "previous" / "2026-11")
ORIGINAL_2026_12 = read_bodies(HERE / "previous" / "2026-12")

BODY_FIELDS = ("body", "body_nn", "body_en")


def fill_settings(text: str) -> str:
    """Replace the {setting} placeholders of the initial text by the configured values."""
    values = {
        "{contact_retention_days}": settings.CONTACT_RETENTION_DAYS,
        "{events_retention_days}": settings.EVENTS_RETENTION_DAYS,
        "{invitation_days}": settings.INVITATION_MAX_AGE_DAYS,
    }
    for placeholder, value in values.items():
        text = text.replace(placeholder, str(value))
    return text


def page_defaults(data: dict) -> dict:
    data = {key: value for key, value in data.items() if key != "slug"}
    return {key: fill_settings(value) if isinstance(value, str) else value for key, value in data.items()}


def ensure_pages(model) -> int:
    """Create the pages that are missing (never overwrites edited text); returns how many."""
    created = 0
    for data in PAGES:
        created += model.objects.get_or_create(slug=data["slug"], defaults=page_defaults(data))[1]
    return created


def _normalise(text: str) -> str:
    # A textarea posts \r\n; saving a page without changing it must not count as an edit.
    return text.replace("\r\n", "\n").strip()


def update_unedited_pages(model, originals: dict) -> list[str]:
    """Replace the text of pages whose bodies (bokmål, nynorsk and English) all still equal the
    original initial text by the current initial text. Pages edited in any language are left
    alone. Returns the slugs updated."""
    current = {data["slug"]: page_defaults(data) for data in PAGES}
    updated = []
    for slug, original in originals.items():
        page = model.objects.filter(slug=slug).first()
        if page is None or slug not in current:
            continue
        if any(_normalise(getattr(page, field)) != _normalise(fill_settings(original[field])) for field in BODY_FIELDS):
            continue
        for field, value in current[slug].items():
            if field in ("sort_order", "show_in_menu"):
                continue
            setattr(page, field, value)
        page.save()
        updated.append(slug)
    return updated
