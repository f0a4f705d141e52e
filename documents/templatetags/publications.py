"""Template tags for publications."""

from django import template
from django.template.defaultfilters import filesizeformat, truncatewords
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext

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


_ITEM = (
    '<li>\n  <article class="ds-card publication-item" data-variant="default">\n    <div class="ds-card__block">\n'
    '      <h2 class="ds-heading" data-size="xs"><a class="ds-link" href="{}"{}>{}</a>{}</h2>\n'
    '      <p class="ds-paragraph publication-meta" data-size="sm">{}</p>\n'
    "      {}\n    </div>\n  </article>\n</li>"
)


@register.simple_tag
def publication_item(publication):
    """A publication as a list row (<li> with a card): title and edition, its facts, the summary
    cut at 40 words. Text in another language than the page's is marked with lang.

    Built with format_html rather than an included template: the library renders twenty."""
    lang = format_html(' lang="{}"', publication.language) if publication.language != get_language() else ""
    edition = ""
    if publication.edition:
        edition = format_html(' <span class="publication-edition">({})</span>', publication.edition)
    summary = ""
    if publication.summary:
        summary = format_html(
            '<p class="ds-paragraph" data-size="sm"{}>{}</p>', lang, truncatewords(publication.summary, 40)
        )
    return format_html(
        _ITEM,
        publication.get_absolute_url(),
        lang,
        publication.title,
        edition,
        publication_meta(publication),
        summary,
    )
