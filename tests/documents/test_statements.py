"""Privacy and accessibility statements: content, the text-updating data migration and the
list of recordings without captions."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from documents.content import ORIGINAL_2026_11, PAGES, fill_settings, update_unedited_pages
from documents.models import InfoPage
from events.models import Event
from tests.events.factories import EventFactory, RecordingFactory
from tests.helpers import assert_page, assert_pages

pytestmark = pytest.mark.django_db

STATEMENTS = ["/personvern/", "/tilgjengelighet/"]


def _set_original(slug):
    InfoPage.objects.filter(slug=slug).update(**ORIGINAL_2026_11[slug])


def test_migration_updates_pages_whose_text_is_still_the_original():
    _set_original("personvern")
    # Saving the form unchanged turns \n into \r\n: still counts as the original text.
    original = ORIGINAL_2026_11["tilgjengelighet"]
    InfoPage.objects.filter(slug="tilgjengelighet").update(
        **{field: text.replace("\n", "\r\n") for field, text in original.items()}
    )
    migration = importlib.import_module("documents.migrations.0005_privacy_accessibility_text")
    migration.update_pages(apps, None)
    new = {page["slug"]: page for page in PAGES}
    for slug in ("personvern", "tilgjengelighet"):
        page = InfoPage.objects.get(slug=slug)
        for field in ("body", "body_nn", "body_en", "title_en", "summary_nn"):
            assert getattr(page, field) == fill_settings(new[slug][field]), (slug, field)


def test_migration_never_overwrites_edited_pages():
    _set_original("personvern")
    InfoPage.objects.filter(slug="personvern").update(body_en="Edited by Sfk")
    _set_original("tilgjengelighet")
    InfoPage.objects.filter(slug="tilgjengelighet").update(body="Redigert av Sfk")
    assert update_unedited_pages(InfoPage, ORIGINAL_2026_11) == []
    privacy = InfoPage.objects.get(slug="personvern")
    assert privacy.body == ORIGINAL_2026_11["personvern"]["body"]
    assert privacy.body_en == "Edited by Sfk"
    assert InfoPage.objects.get(slug="tilgjengelighet").body == "Redigert av Sfk"


def test_migration_skips_missing_pages():
    InfoPage.objects.filter(slug="personvern").delete()
    _set_original("tilgjengelighet")
    assert update_unedited_pages(InfoPage, ORIGINAL_2026_11) == ["tilgjengelighet"]
    assert not InfoPage.objects.filter(slug="personvern").exists()


@override_settings(CONTACT_RETENTION_DAYS=123, EVENTS_RETENTION_DAYS=45, INVITATION_MAX_AGE_DAYS=9)
def test_retention_periods_come_from_the_settings():
    _set_original("personvern")
    update_unedited_pages(InfoPage, ORIGINAL_2026_11)
    page = InfoPage.objects.get(slug="personvern")
    assert "123 dager" in page.body and "123 dagar" in page.body_nn and "123 days" in page.body_en
    assert "45 dager" in page.body and "45 dagar" in page.body_nn and "45 days" in page.body_en
    assert "9 dager" in page.body and "9 dagar" in page.body_nn and "9 days" in page.body_en
    assert "{" not in page.body + page.body_nn + page.body_en


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/personvern/",
            [
                "stillingsprosent og arbeidsgiver",
                "samtykket",
                "hvem som endret hva, og når",
                "Invitasjonslenken gjelder i 7 dager",
                "påminnelse",
                "365 dager",
                "slettes når arrangementet er over",
                "anonymiseres 90 dager",
                "utsendingskø",
                "mislykkede innloggingsforsøk",
                'href="/konto/mine-data/"',
                "barn, ungdom eller enkeltsaker",
            ],
        ),
        (
            "/nn/personvern/",
            [
                "stillingsprosent og arbeidsgivar",
                "kven som endra kva, og når",
                "Invitasjonslenkja gjeld i 7 dagar",
                "påminning",
                "365 dagar",
                "anonymiserte 90 dagar",
                "utsendingskø",
                "mislukka innloggingsforsøk",
                'href="/nn/konto/mine-data/"',
                "barn, ungdom eller enkeltsaker",
            ],
        ),
        (
            "/en/personvern/",
            [
                "position percentage and employer",
                "who changed what, and when",
                "valid for 7 days",
                "reminder",
                "365 days",
                "anonymised 90 days",
                "outgoing queue",
                "failed login attempts",
                'href="/en/konto/mine-data/"',
                "children, young people or individual cases",
            ],
        ),
    ],
)
def test_privacy_statement_describes_the_processing(client, url, expected):
    html = assert_page(client, url, max_queries=6).content.decode()
    for text in expected:
        assert text in html, text


def test_accessibility_statement_links_uustatus_in_every_language(client):
    for url in ("/tilgjengelighet/", "/nn/tilgjengelighet/", "/en/tilgjengelighet/"):
        assert 'href="https://uustatus.no/"' in client.get(url).content.decode(), url


def test_accessibility_statement_lists_recordings_without_captions(client):
    event = EventFactory(title="Nasjonal SLT-konferanse")
    RecordingFactory(event=event, title="Innlegg uten teksting", has_captions=False)
    RecordingFactory(event=event, title="Innlegg med teksting", has_captions=True)
    hidden = EventFactory(status=Event.Status.DRAFT)
    RecordingFactory(event=hidden, title="Utkastopptak", has_captions=False)
    html = assert_page(client, "/tilgjengelighet/", max_queries=7).content.decode()
    assert '<h2 class="ds-heading" data-size="sm" id="uncaptioned-heading">Opptak uten teksting</h2>' in html
    assert "Innlegg uten teksting" in html and "Nasjonal SLT-konferanse" in html
    assert f'href="/arrangementer/{event.slug}/opptak/" lang="nb">Innlegg uten teksting</a>' in html
    assert '(<span lang="nb">Nasjonal SLT-konferanse</span>,' in html
    assert "Innlegg med teksting" not in html and "Utkastopptak" not in html
    en = client.get("/en/tilgjengelighet/").content.decode()
    assert "Recordings without captions" in en


def test_accessibility_statement_says_when_every_recording_has_captions(client):
    RecordingFactory(has_captions=True)
    html = client.get("/tilgjengelighet/").content.decode()
    assert "Alle opptak i portalen har teksting." in html


def test_recordings_section_uses_a_constant_number_of_queries(client):
    RecordingFactory(has_captions=False)
    with CaptureQueriesContext(connection) as one:
        client.get("/tilgjengelighet/")
    for _ in range(6):
        RecordingFactory(has_captions=False)
    with CaptureQueriesContext(connection) as many:
        html = client.get("/tilgjengelighet/").content.decode()
    assert html.count('/opptak/" lang="nb">Opptak ') == 7
    assert len(many) == len(one)


def test_statements_render_in_every_language(client):
    assert_pages(client, STATEMENTS, max_queries=7)


def test_fallback_text_has_the_settings_filled_in(client):
    InfoPage.objects.filter(slug="personvern").delete()
    html = assert_page(client, "/en/personvern/", max_queries=6).content.decode()
    assert "365 days" in html and "{contact_retention_days}" not in html
