from django import template
from django.utils.html import format_html

from core.markup import render_markdown

register = template.Library()


@register.simple_tag(takes_context=True)
def query_replace(context, **changes):
    """The current query string with some parameters replaced (None removes one)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.simple_tag(takes_context=True)
def query_page(context, name, number):
    """The current query string with the page parameter `name` set to `number` (1 removes it)."""
    return query_replace(context, **{name: None if number == 1 else number})


@register.filter
def page_window(paginator, current: int):
    """Page numbers around the current page, with None for gaps: 1 … 4 5 6 … 20."""
    pages = paginator.get_elided_page_range(current, on_each_side=2, on_ends=1)
    return [None if number == paginator.ELLIPSIS else number for number in pages]


@register.filter
def markdown(text: str, base_level: int = 2):
    """Markdown → sanitised HTML; the argument is the level of its top heading (3 under a page's h2)."""
    return render_markdown(text, base_level=int(base_level)).html


@register.filter
def in_language(text, lang):
    """Editor-written text inside translated UI text, in a <span lang> (WCAG 3.1.2 Language of Parts).

    Use it in visible text only, e.g. {% blocktranslate with title=event.title|in_language:event.language %};
    never in <title> or attributes.
    """
    return format_html('<span lang="{}">{}</span>', lang, text)
