import re

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()

_HEADING = re.compile(r"<(/?)h([1-6])\b")


@register.filter
def render_markdown(text: str) -> str:
    """Markdown → sanitised HTML (nh3), with headings fitted under the page's h2."""
    html = markdown_lib.markdown(text or "", extensions=["sane_lists"])
    # The page has h1 and h2; the description's heading levels become h3, h4, ... in rank order.
    levels = sorted({int(level) for _slash, level in _HEADING.findall(html)})
    mapping = {level: min(3 + rank, 6) for rank, level in enumerate(levels)}
    html = _HEADING.sub(lambda m: f"<{m[1]}h{mapping[int(m[2])]}", html)
    return mark_safe(
        nh3.clean(
            html,
            tags={
                "p",
                "br",
                "strong",
                "em",
                "ul",
                "ol",
                "li",
                "a",
                "h3",
                "h4",
                "h5",
                "h6",
                "blockquote",
                "code",
                "pre",
                "hr",
            },
        )
    )
