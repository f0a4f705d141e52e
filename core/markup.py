"""Markdown → sanitised HTML, shared by every app (measure and event descriptions, information pages,
news). Raw HTML in the source never survives: nh3 keeps only the tags and attributes listed here."""

import functools
import html as html_lib
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown.extensions import Extension
from markdown.extensions.toc import slugify_unicode
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

BASE_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "code",
    "pre",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
ANCHOR_PREFIX = "del-"
# Designsystemet classes for pages whose prose is not styled by a container (information pages, news).
DS_CLASSES = {
    "a": {"class": "ds-link"},
    "p": {"class": "ds-paragraph"},
    "ul": {"class": "ds-list"},
    "ol": {"class": "ds-list"},
    "table": {"class": "ds-table"},
}
DS_HEADING_SIZES = {1: "md", 2: "sm", 3: "xs", 4: "2xs", 5: "2xs", 6: "2xs"}
_HEADINGS = {f"h{level}" for level in range(1, 7)}
# A note to the editors inside a text: "[Sfk: check the amount.]". Never shown to the public.
EDITOR_NOTE = re.compile(r"\[Sfk:[^\]\n]*\]")
_EDITOR_NOTE_WITH_SPACE = re.compile(r"[ \t]*" + EDITOR_NOTE.pattern)
EDITOR_NOTE_CLASS = "editor-note"


def strip_editor_notes(text: str) -> str:
    """The text without its "[Sfk: …]" notes to the editors (and the space before each)."""
    return _EDITOR_NOTE_WITH_SPACE.sub("", text or "")


@dataclass(frozen=True)
class Rendered:
    html: SafeString
    toc: list[tuple[str, str]] = field(default_factory=list)  # (anchor id, heading text) at the base level
    notes: int = 0  # "[Sfk: …]" notes to the editors in the text (hidden or marked)

    def __str__(self) -> str:
        return self.html

    def __html__(self) -> str:
        return self.html


class _HeadingLevels(Treeprocessor):
    """Fit the text's headings under the page's outline: the distinct levels used become base, base+1, …
    in rank order (capped at h6), so '# A' / '### B' never skips a level."""

    def __init__(self, md, base_level: int):
        super().__init__(md)
        self.base_level = base_level

    def run(self, root):
        headings = [el for el in root.iter() if el.tag in _HEADINGS]
        levels = sorted({int(el.tag[1]) for el in headings})
        mapping = {level: min(self.base_level + rank, 6) for rank, level in enumerate(levels)}
        for el in headings:
            el.tag = f"h{mapping[int(el.tag[1])]}"


class _HeadingLevelsExtension(Extension):
    def __init__(self, base_level: int):
        super().__init__()
        self.base_level = base_level

    def extendMarkdown(self, md):
        # After inline processing (20), before the table of contents (5) so anchors see final levels.
        md.treeprocessors.register(_HeadingLevels(md, self.base_level), "heading_levels", 10)


class _EditorNote(InlineProcessor):
    def handleMatch(self, m, data):
        el = etree.Element("mark")
        el.text = m.group(0)
        return el, m.start(0), m.end(0)


class _EditorNotesExtension(Extension):
    def extendMarkdown(self, md):
        # Before links (160), so a note is never read as a reference link.
        md.inlinePatterns.register(_EditorNote(EDITOR_NOTE.pattern, md), "editor_note", 175)


def _slugify(value, separator):
    return ANCHOR_PREFIX + (slugify_unicode(value, separator) or "overskrift")


def _flatten(tokens):
    for token in tokens:
        yield token
        yield from _flatten(token.get("children", []))


@functools.lru_cache(maxsize=256)
def render_markdown(
    text: str, *, base_level: int = 2, toc: bool = False, ds_classes: bool = False, show_notes: bool = False
) -> Rendered:
    """Render Markdown to sanitised HTML whose top heading level is `base_level`. The result depends
    on the arguments only, so the latest 256 are kept per process (a page's body is then converted
    once, not on every request after each content change: issue 14). Treat it as read-only.

    toc: give headings anchors (prefixed 'del-') and return the base-level ones as a table of contents.
    ds_classes: add Designsystemet classes (ds-paragraph, ds-link, ds-heading, …) to the elements.
    show_notes: keep "[Sfk: …]" notes to the editors, marked (<mark class="editor-note">); otherwise
    (the default, for everyone but Sfk admins) they are removed."""
    if not 1 <= base_level <= 6:
        raise ValueError("base_level must be 1–6")
    text = text or ""
    notes = len(EDITOR_NOTE.findall(text))
    extensions = [_HeadingLevelsExtension(base_level), "tables", "sane_lists", "fenced_code"]
    if show_notes:
        extensions.append(_EditorNotesExtension())
    else:
        text = strip_editor_notes(text)
    configs = {}
    if toc:
        extensions.append("toc")
        configs["toc"] = {"slugify": _slugify, "toc_depth": f"{base_level}-6"}
    md = markdown.Markdown(extensions=extensions, extension_configs=configs)
    raw = md.convert(text)

    headings = {f"h{level}" for level in range(base_level, 7)}
    attributes = {"a": {"href", "title"}, "th": {"scope"}} | {tag: {"id"} for tag in headings if toc}
    values = {"th": {"scope": "col"}}
    tags = BASE_TAGS | headings
    if show_notes:
        tags |= {"mark"}
        values["mark"] = {"class": EDITOR_NOTE_CLASS}
    if ds_classes:
        values |= DS_CLASSES
        values |= {tag: {"class": "ds-heading", "data-size": DS_HEADING_SIZES[int(tag[1])]} for tag in headings}
    html = nh3.clean(
        raw,
        tags=tags,
        attributes=attributes,
        url_schemes=URL_SCHEMES,
        set_tag_attribute_values=values,
    )
    entries = []
    if toc:
        entries = [
            (token["id"], html_lib.unescape(token["name"]))
            for token in _flatten(md.toc_tokens)
            if token["level"] == base_level
        ]
    return Rendered(html=mark_safe(html), toc=entries, notes=notes)  # noqa: S308 - sanitised by nh3 above
