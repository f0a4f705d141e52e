from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from core.choices import choice_label
from core.reverse import reverse_slug

register = template.Library()


@register.filter
def event_when(event) -> str:
    """'3. juni 2027 kl. 09:00–16:00' or a range over several days, in Oslo time."""
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    first = date_format(start, "DATE_FORMAT")
    if start.date() == end.date():
        return f"{first}, {start:%H:%M}–{end:%H:%M}"
    return f"{first} {start:%H:%M} – {date_format(end, 'DATE_FORMAT')} {end:%H:%M}"


_CARD = (
    '<article class="ds-card event-card" data-variant="default">\n'
    '  <div class="ds-card__block">\n    {}\n  </div>\n</article>'
)
_CARD_TAGS = '<p class="ds-paragraph card-meta" data-size="sm">\n      {}\n    </p>'


@register.simple_tag
def event_card(event, *, show_counts=False, show_recordings=False, level=3):
    """An event as a card (the lists of upcoming and past events): kind and status tags, the title
    as a heading of `level`, when and where, the summary, and the seats left (`show_counts`) or
    the number of recordings (`show_recordings`, needs the `recording_count` annotation).

    Built with format_html rather than an included template: a list page renders twenty."""
    tags = [format_html('<span class="ds-tag" data-color="neutral">{}</span>', choice_label(event, "kind"))]
    if event.is_cancelled:
        tags.append(format_html('<span class="ds-tag" data-color="danger">{}</span>', gettext("Avlyst")))
    if event.is_draft:
        tags.append(format_html('<span class="ds-tag" data-color="warning">{}</span>', gettext("Utkast")))
    if event.has_venue:
        where = event.venue_name + (" " + gettext("og digitalt") if event.is_hybrid else "")
    else:
        where = gettext("Digitalt")
    if event.county_id:
        where += " · " + event.county.name
    parts = [
        format_html(_CARD_TAGS, mark_safe("\n".join(tags))),
        format_html(
            '<h{} class="ds-heading" data-size="xs" lang="{}"><a class="ds-link" href="{}">{}</a></h{}>',
            level,
            event.language,
            event.get_absolute_url(),
            event.title,
            level,
        ),
        format_html('<p class="ds-paragraph" data-size="sm">{}<br>\n      {}</p>', event_when(event), where),
        format_html('<p class="ds-paragraph" data-size="sm" lang="{}">{}</p>', event.language, event.summary),
    ]
    if show_counts and event.capacity and not event.is_cancelled:
        if event.taken_count >= event.capacity:
            seats = gettext("Fullt – venteliste")
        else:
            seats = gettext("%(total)s plasser") % {"total": event.capacity}
        parts.append(format_html('<p class="ds-paragraph card-meta" data-size="sm">{}</p>', seats))
    if show_recordings and event.recording_count:
        count = event.recording_count
        parts.append(
            format_html(
                '<p class="ds-paragraph" data-size="sm"><a class="ds-link" href="{}">{}</a></p>',
                reverse_slug("events:event_recordings", event.slug),
                ngettext("%(n)s opptak", "%(n)s opptak", count) % {"n": count},
            )
        )
    return format_html(_CARD, mark_safe("\n    ".join(parts)))  # each part is format_html's
