from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "documents" / "locale"


@pytest.mark.parametrize("lang", ["nn", "en"])
def test_catalogue_is_complete(lang):
    po = polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))
    assert len(po) > 150
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == [] and not po.metadata_is_fuzzy
    for entry in po.translated_entries():
        for placeholder in ("%(subject)s", "%(limit)s", "%(title)s"):
            assert (placeholder in entry.msgid) == (placeholder in entry.msgstr), entry.msgid
