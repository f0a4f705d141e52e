from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(
    p
    for p in ROOT.glob("**/locale/*/LC_MESSAGES/django.po")
    if ".venv" not in p.parts and "node_modules" not in p.parts
)


def test_there_are_nn_and_en_catalogues_for_the_project_and_apps():
    langs = {(p.parts[-5] if p.parts[-5] != "main" else "", p.parts[-3]) for p in CATALOGUES}
    for base in ["accounts", "outbox"]:
        assert (base, "nn") in langs and (base, "en") in langs
    assert (ROOT / "locale/nn/LC_MESSAGES/django.po").exists()
    assert (ROOT / "locale/en/LC_MESSAGES/django.po").exists()


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_is_complete(path):
    po = polib.pofile(str(path))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"untranslated in {path}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy in {path}: {fuzzy[:10]}"


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
