from django import template
from django.utils import timezone
from django.utils.formats import date_format

register = template.Library()


@register.filter
def event_when(event) -> str:
    """'3. juni 2027 kl. 09:00–16:00' or a range over several days, in Oslo time."""
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    first = date_format(start, "DATE_FORMAT")
    if start.date() == end.date():
        return f"{first}, {start:%H:%M}–{end:%H:%M}"
    return f"{first} {start:%H:%M} – {date_format(end, 'DATE_FORMAT')} {end:%H:%M}"
