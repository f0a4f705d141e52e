"""Template tags for publications."""

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from core.choices import choice_label

register = template.Library()


@register.simple_tag
def publication_meta(publication):
    """A publication's facts as a row of <span>s (kind, language, pages, file or link, date,
    publisher, restricted), for the library's rows, the unit page and the publication's own page.

    One tag instead of an include with a dozen lookups and filters: a page lists 20 of them."""
    parts = [
        format_html('<span class="ds-tag" data-color="neutral">{}</span>', choice_label(publication, "kind")),
        format_html("<span>{}</span>", choice_label(publication, "language")),
    ]
    if publication.page_count:
        pages = publication.page_count
        text = ngettext("%(pages)s side", "%(pages)s sider", pages) % {"pages": pages}
        parts.append(format_html("<span>{}</span>", text))
    if publication.file_size:
        file_type = choice_label(publication, "file_type")
        parts.append(format_html("<span>{}, {}</span>", file_type, filesizeformat(publication.file_size)))
    elif publication.external_url:
        parts.append(format_html("<span>{}</span>", gettext("Ekstern lenke")))
    published = publication.published_on
    parts.append(
        format_html(
            '<span><time datetime="{}">{}</time></span>',
            published.isoformat() if published else "",
            date_format(published, "DATE_FORMAT") if published else "",
        )
    )
    publisher = publication.unit.name if publication.unit_id else gettext("Nasjonal (Sfk)")
    parts.append(format_html("<span>{}</span>", publisher))
    if publication.is_restricted:
        restricted = gettext("Bare for koordinatorer")
        parts.append(format_html('<span class="ds-tag" data-color="warning">{}</span>', restricted))
    return mark_safe("\n".join(parts))  # each part is format_html's
