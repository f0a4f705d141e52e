"""Remove duplicate entries from .po catalogues (they appear when branches that both appended
entries are merged with git's union driver, see .gitattributes). Keeps the first translated one."""

import sys
from pathlib import Path

import polib


def dedupe(path: Path) -> int:
    catalogue = polib.pofile(str(path), wrapwidth=0)
    seen: dict[tuple, polib.POEntry] = {}
    removed = 0
    for entry in list(catalogue):
        key = (entry.msgctxt, entry.msgid, entry.msgid_plural)
        first = seen.get(key)
        if first is None:
            seen[key] = entry
            continue
        if not (first.msgstr or any(first.msgstr_plural.values())) and entry.translated():
            first.msgstr, first.msgstr_plural = entry.msgstr, entry.msgstr_plural
            first.flags = [f for f in first.flags if f != "fuzzy"]
        catalogue.remove(entry)
        removed += 1
    if removed:
        catalogue.save(str(path))
    return removed


if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    for po in sorted(root.glob("**/locale/*/LC_MESSAGES/django.po")):
        if ".venv" in po.parts or "node_modules" in po.parts:
            continue
        if n := dedupe(po):
            print(f"{po}: {n} duplicates removed")
