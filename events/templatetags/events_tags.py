import markdown as md
import nh3
from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe

register = template.Library()

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote", "code"}


@register.filter
def markdown(text: str) -> str:
    """Markdown rendered and sanitised (no raw HTML, links get rel=noopener)."""
    html = md.markdown(text or "", extensions=["sane_lists"])
    return mark_safe(
        nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}}, url_schemes={"http", "https", "mailto"})
    )


@register.filter
def event_when(event) -> str:
    """'3. juni 2027 kl. 09:00–16:00' or a range over several days, in Oslo time."""
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    first = date_format(start, "DATE_FORMAT")
    if start.date() == end.date():
        return f"{first}, {start:%H:%M}–{end:%H:%M}"
    return f"{date_format(start, 'DATE_FORMAT')} {start:%H:%M} – {date_format(end, 'DATE_FORMAT')} {end:%H:%M}"
