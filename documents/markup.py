"""Markdown → sanitised HTML with a table of contents, for information pages and news."""

import html as html_lib
import re
from dataclasses import dataclass, field

import markdown
import nh3
from markdown.extensions.toc import slugify_unicode

ALLOWED_TAGS = {
    "h2",
    "h3",
    "h4",
    "p",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "br",
    "hr",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "th": {"scope"},
}
CLASSES = {
    "a": {"class": "ds-link"},
    "p": {"class": "ds-paragraph"},
    "ul": {"class": "ds-list"},
    "ol": {"class": "ds-list"},
    "h2": {"class": "ds-heading", "data-size": "sm"},
    "h3": {"class": "ds-heading", "data-size": "xs"},
    "h4": {"class": "ds-heading", "data-size": "2xs"},
    "table": {"class": "ds-table"},
    "th": {"scope": "col"},
}
HEADING_PREFIX = "del-"


@dataclass
class Rendered:
    html: str
    toc: list[tuple[str, str]] = field(default_factory=list)  # (anchor id, heading text), h2 only


def _slugify(value, separator):
    return HEADING_PREFIX + (slugify_unicode(value, separator) or "overskrift")


def render_markdown(text: str) -> Rendered:
    """Render Markdown; '# ' headings are demoted to h2 (the page title is the only h1)."""
    text = re.sub(r"^#(?!#)", "##", text or "", flags=re.MULTILINE)
    md = markdown.Markdown(
        extensions=["toc", "tables", "sane_lists"],
        extension_configs={"toc": {"slugify": _slugify, "toc_depth": "2-4"}},
    )
    raw = md.convert(text)
    html = nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        set_tag_attribute_values=CLASSES,
    )
    toc = [(token["id"], html_lib.unescape(token["name"])) for token in _flatten(md.toc_tokens) if token["level"] == 2]
    return Rendered(html=html, toc=toc)


def _flatten(tokens):
    for token in tokens:
        yield token
        yield from _flatten(token.get("children", []))
