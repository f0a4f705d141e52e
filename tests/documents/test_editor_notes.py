"""Notes to the editors ("[Sfk: …]") are never shown to the public: the initial texts carry none,
existing databases get the finished texts, and a note Sfk writes into a page is shown to Sfk admins
only, marked as a note."""

import importlib

import pytest
from django.apps import apps
from django.utils import translation

from core.markup import render_markdown, strip_editor_notes
from documents.content import HERE, ORIGINAL_2026_12, PAGES, fill_settings, update_unedited_pages
from documents.models import InfoPage
from tests.helpers import assert_page

SUFFIXES = ("", "_nn", "_en")


def test_initial_texts_carry_no_editor_notes():
    for path in sorted((HERE / "pages").glob("*.md")):
        assert "[Sfk:" not in path.read_text(encoding="utf-8"), path.name


@pytest.mark.django_db
def test_no_info_page_shows_an_editor_note_to_the_public_or_a_coordinator(client, coordinator_a):
    with translation.override("nb"):
        urls = [page.get_absolute_url() for page in InfoPage.objects.all()]
    for user in (None, coordinator_a):
        if user:
            client.force_login(user)
        for url in urls:
            for prefix in ("", "/nn", "/en"):
                html = assert_page(client, prefix + url, max_queries=12).content.decode()
                assert "Sfk:" not in html and "editor-note" not in html, prefix + url


@pytest.mark.django_db
def test_migration_gives_unedited_pages_the_finished_text_and_keeps_edited_ones():
    InfoPage.objects.filter(slug="tilskudd").update(
        **{f: fill_settings(t) for f, t in ORIGINAL_2026_12["tilskudd"].items()}
    )
    # Saved once in the form: \r\n line ends still count as the unedited text.
    InfoPage.objects.filter(slug="personvern").update(
        **{f: fill_settings(t).replace("\n", "\r\n") for f, t in ORIGINAL_2026_12["personvern"].items()}
    )
    edited = dict(ORIGINAL_2026_12["om-slt"], body_nn="Redigert av Sfk [Sfk: sjekk dette]")
    InfoPage.objects.filter(slug="om-slt").update(**edited)
    migration = importlib.import_module("documents.migrations.0009_pages_without_editor_notes")
    migration.update_pages(apps, None)
    new = {page["slug"]: page for page in PAGES}
    for slug in ("tilskudd", "personvern"):
        page = InfoPage.objects.get(slug=slug)
        for suffix in SUFFIXES:
            assert getattr(page, "body" + suffix) == fill_settings(new[slug]["body" + suffix]), (slug, suffix)
            assert "[Sfk:" not in getattr(page, "body" + suffix)
    assert InfoPage.objects.get(slug="om-slt").body_nn == "Redigert av Sfk [Sfk: sjekk dette]"
    assert update_unedited_pages(InfoPage, ORIGINAL_2026_12) == []


def test_markdown_drops_notes_unless_asked_to_mark_them():
    text = "Rammen er 5 kroner. [Sfk: kontroller beløpet.] Søk i tide.\n\n[Sfk: egen merknad]\n\n- Punkt [Sfk: x]"
    public = render_markdown(text)
    assert "Sfk" not in public.html and "<p>Rammen er 5 kroner. Søk i tide.</p>" in public.html
    assert public.html.count("<p>") == 1 and "<li>Punkt</li>" in public.html and public.notes == 3
    marked = render_markdown(text, show_notes=True)
    assert marked.html.count('<mark class="editor-note">') == 3
    assert '<mark class="editor-note">[Sfk: kontroller beløpet.]</mark>' in marked.html
    assert strip_editor_notes("Kort. [Sfk: sjekk]") == "Kort."
    # A raw <mark> in the source is not a note: the public never gets the element.
    assert "<mark" not in render_markdown("<mark>x</mark>").html


@pytest.mark.django_db
def test_notes_in_an_edited_page_are_shown_to_sfk_admins_only_and_marked(client, sfk_admin, coordinator_a):
    InfoPage.objects.filter(slug="tilskudd").update(
        body="Rammen er 5 kroner. [Sfk: kontroller beløpet.]",
        summary_en="Apply in time. [Sfk: check the date.]",
        body_en="The total is NOK 5. [Sfk: check the amount.]",
    )
    for user in (None, coordinator_a):
        client.logout()
        if user:
            client.force_login(user)
        for url in ("/om-slt/tilskudd/", "/en/om-slt/tilskudd/"):
            html = assert_page(client, url, max_queries=12).content.decode()
            assert "Sfk:" not in html and "editor-note" not in html and "merknad" not in html.lower(), url
    client.force_login(sfk_admin)
    html = assert_page(client, "/om-slt/tilskudd/", max_queries=14).content.decode()
    assert '<mark class="editor-note">[Sfk: kontroller beløpet.]</mark>' in html
    assert "Siden har 1 merknad til redaktørene" in html
    html = assert_page(client, "/en/om-slt/tilskudd/", max_queries=14).content.decode()
    assert '<mark class="editor-note">[Sfk: check the amount.]</mark>' in html
    assert "This page has 1 note to the editors" in html and "[Sfk: check the date.]" in html
