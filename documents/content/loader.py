"""Read the initial page texts from the Markdown files next to this module.

One file per page and language, named ``<slug>.<lang>.md`` with lang ``nb`` (bokmål, the source
language), ``nn`` or ``en``. A page file starts with a small header between two ``---`` lines,
one ``key: value`` per line; the value is the rest of the line, taken literally (no quoting).
Everything after the closing ``---`` line is the Markdown body, byte for byte::

    ---
    title: Hva er SLT?
    summary: SLT er en modell for ...
    sort_order: 10
    show_in_menu: false
    ---
    ## Samordning av ...

``title`` and ``summary`` are required in every language; ``sort_order`` (required) and
``show_in_menu`` (optional, ``true``/``false``; the model's default when left out) belong to the
page and are given in the bokmål file only. The bokmål file is required; a page without a
nynorsk or English file gets empty fields in that language (the page then falls back to bokmål).

Files of frozen earlier versions (see ``previous/``) hold a body only, without a header.
"""

import re
from pathlib import Path

LANGUAGES = {"nb": "", "nn": "_nn", "en": "_en"}  # language code -> model field suffix
FILE_NAME = re.compile(r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<lang>nb|nn|en)\.md$")
TEXT_KEYS = ("title", "summary")
PAGE_KEYS = ("sort_order", "show_in_menu")
BOOLEANS = {"true": True, "false": False}


class ContentError(ValueError):
    """A content file that does not follow the format above."""


def _read(path: Path) -> str:
    # newline="" keeps the text exactly as stored (no newline translation).
    with path.open(encoding="utf-8", newline="") as file:
        return file.read()


def _files(directory: Path) -> dict[str, dict[str, Path]]:
    """{slug: {lang: path}} for the Markdown files of a directory; other names are an error."""
    found: dict[str, dict[str, Path]] = {}
    for path in sorted(directory.glob("*.md")):
        match = FILE_NAME.match(path.name)
        if match is None:
            raise ContentError(f"{path}: name must be <slug>.<nb|nn|en>.md")
        found.setdefault(match["slug"], {})[match["lang"]] = path
    if not found:
        raise ContentError(f"{directory}: no <slug>.<lang>.md files")
    return found


def split_header(text: str, *, source: str) -> tuple[dict[str, str], str]:
    """The header fields and the body of a page file."""
    if not text.startswith("---\n"):
        raise ContentError(f"{source}: must start with a '---' header line")
    header, separator, body = text[len("---\n") :].partition("\n---\n")
    if not separator:
        raise ContentError(f"{source}: the header has no closing '---' line")
    fields: dict[str, str] = {}
    for number, line in enumerate(header.split("\n"), start=2):
        key, colon, value = line.partition(":")
        key = key.strip()
        if not colon or not key:
            raise ContentError(f"{source}, line {number}: expected 'key: value'")
        if key in fields:
            raise ContentError(f"{source}, line {number}: {key!r} given twice")
        fields[key] = value.strip()
    return fields, body


def _page_fields(fields: dict[str, str], *, lang: str, source: str) -> dict:
    allowed = TEXT_KEYS + (PAGE_KEYS if lang == "nb" else ())
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise ContentError(f"{source}: unknown header field(s) {unknown}; allowed: {list(allowed)}")
    missing = [key for key in TEXT_KEYS + (("sort_order",) if lang == "nb" else ()) if not fields.get(key)]
    if missing:
        raise ContentError(f"{source}: missing header field(s) {missing}")
    result: dict = {}
    if lang == "nb":
        if not fields["sort_order"].isdigit():
            raise ContentError(f"{source}: sort_order must be a whole number")
        result["sort_order"] = int(fields["sort_order"])
        if "show_in_menu" in fields:
            if fields["show_in_menu"] not in BOOLEANS:
                raise ContentError(f"{source}: show_in_menu must be true or false")
            result["show_in_menu"] = BOOLEANS[fields["show_in_menu"]]
    return result


def read_pages(directory: Path) -> list[dict]:
    """The pages of a directory as InfoPage field dicts (with "slug"), ordered by sort_order."""
    pages = []
    for slug, paths in _files(directory).items():
        if "nb" not in paths:
            raise ContentError(f"{directory}: {slug} has no bokmål file {slug}.nb.md")
        page: dict = {"slug": slug}
        texts: dict[str, str] = {}
        for lang, suffix in LANGUAGES.items():
            path = paths.get(lang)
            if path is None:
                texts.update({f"title{suffix}": "", f"summary{suffix}": "", f"body{suffix}": ""})
                continue
            fields, body = split_header(_read(path), source=str(path))
            page.update(_page_fields(fields, lang=lang, source=str(path)))
            texts.update(
                {f"title{suffix}": fields["title"], f"summary{suffix}": fields["summary"], f"body{suffix}": body}
            )
        for key in TEXT_KEYS + ("body",):  # title, title_nn, title_en, summary, ...
            page.update({f"{key}{suffix}": texts[f"{key}{suffix}"] for suffix in LANGUAGES.values()})
        pages.append(page)
    return sorted(pages, key=lambda page: (page["sort_order"], page["slug"]))


def read_bodies(directory: Path) -> dict[str, dict[str, str]]:
    """{slug: {"body": ..., "body_nn": ..., "body_en": ...}} from header-less body files."""
    bodies = {}
    for slug, paths in _files(directory).items():
        missing = [lang for lang in LANGUAGES if lang not in paths]
        if missing:
            raise ContentError(f"{directory}: {slug} has no file for {missing}")
        bodies[slug] = {f"body{suffix}": _read(paths[lang]) for lang, suffix in LANGUAGES.items()}
    return bodies
