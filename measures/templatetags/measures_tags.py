import re

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()

_HEADING = re.compile(r"<(/?)h([1-6])\b")


@register.filter
def render_markdown(text: str) -> str:
    """Markdown → sanitised HTML. Headings are shifted down so the page keeps one h1/h2 order."""
    html = markdown_lib.markdown(text or "", extensions=["sane_lists"])
    html = _HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 2, 6)}", html)
    return mark_safe(nh3.clean(html, tags={
        "p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "blockquote",
        "code", "pre", "hr",
    }))
