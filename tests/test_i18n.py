import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
# The project catalogue ("") and one per app with translatable strings (see `make makemessages`).
CATALOGUE_DIRS = ["", "accounts", "municipalities", "measures", "documents", "events", "outbox"]
CATALOGUES = [
    ROOT / base / "locale" / lang / "LC_MESSAGES" / "django.po" for base in CATALOGUE_DIRS for lang in ("nn", "en")
]
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdif]|\{\w*\}")


def _catalogue_id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _entries(path: Path) -> list[polib.POEntry]:
    # polib.pofile() raises OSError for a missing file (it would parse the name as .po text).
    entries = [entry for entry in polib.pofile(str(path)) if not entry.obsolete]
    assert entries, f"{path} has no messages"
    return entries


def test_every_app_with_strings_has_exactly_its_nn_and_en_catalogues():
    # One level below the root only: neither .venv nor node_modules is searched.
    found = set(ROOT.glob("locale/*/LC_MESSAGES/django.po")) | set(ROOT.glob("*/locale/*/LC_MESSAGES/django.po"))
    assert sorted(map(_catalogue_id, found)) == sorted(map(_catalogue_id, CATALOGUES))


@pytest.mark.parametrize("path", CATALOGUES, ids=_catalogue_id)
def test_catalogue_is_complete(path):
    """Every message has a non-blank translation that is not fuzzy, and plurals have both forms."""
    problems = []
    for entry in _entries(path):
        if entry.fuzzy:
            problems.append(("fuzzy", entry.msgid))
        elif entry.msgid_plural:
            forms = entry.msgstr_plural
            if sorted(forms) != [0, 1] or not all(form.strip() for form in forms.values()):
                problems.append(("plural forms", entry.msgid))
        elif not entry.msgstr.strip():
            problems.append(("untranslated", entry.msgid))
    assert not problems, f"{len(problems)} in {_catalogue_id(path)}: {problems[:10]}"


@pytest.mark.parametrize("path", CATALOGUES, ids=_catalogue_id)
def test_translations_keep_the_placeholders(path):
    """A translation uses the msgid's placeholders: a missing one drops data, an unknown one
    raises KeyError when the string is formatted."""
    problems = []
    for entry in _entries(path):
        if entry.msgid_plural:
            allowed = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural))
            plural = entry.msgstr_plural.get(1, "")
            if any(not set(PLACEHOLDER.findall(form)) <= allowed for form in entry.msgstr_plural.values()) or set(
                PLACEHOLDER.findall(plural)
            ) != set(PLACEHOLDER.findall(entry.msgid_plural)):
                problems.append(entry.msgid)
        elif entry.msgstr and sorted(PLACEHOLDER.findall(entry.msgstr)) != sorted(PLACEHOLDER.findall(entry.msgid)):
            problems.append(entry.msgid)
    assert not problems, f"placeholders differ in {_catalogue_id(path)}: {problems[:10]}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url,lang,nav",
    [
        ("/", "nb", ["Finn koordinator", "Tiltak", "Dokumenter", "Arrangementer", "Hopp til hovedinnhold"]),
        ("/nn/", "nn", ["Finn koordinator", "Dokument", "Arrangement", "Hopp til hovudinnhaldet", "Framside"]),
        ("/en/", "en", ["Find a coordinator", "Measures", "Documents", "Events", "Skip to main content"]),
    ],
)
def test_home_page_navigation_is_translated(client, url, lang, nav):
    html = client.get(url).content.decode()
    assert f'<html lang="{lang}"' in html
    for text in nav:
        assert text in html


@pytest.mark.django_db
def test_language_switcher_keeps_the_current_page(client):
    html = client.get("/en/konto/logg-inn/?next=/konto/").content.decode()
    assert 'href="/konto/logg-inn/?next=/konto/" lang="nb"' in html
    assert 'href="/nn/konto/logg-inn/?next=/konto/" lang="nn"' in html


@pytest.mark.django_db
def test_language_switcher_marks_only_the_current_language(client):
    html = client.get("/nn/").content.decode()
    assert html.count('aria-current="true"') == 1
    assert 'href="/nn/" lang="nn" hreflang="nn" aria-current="true"' in html
