"""Regression tests for the accessibility and language sweep (bench/a11y_crawl.py)."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone, translation

from events.templatetags.events_tags import event_when
from tests.events.factories import EventFactory, RecordingFactory, SessionFactory

ROOT = Path(settings.BASE_DIR)
TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]


def _templates():
    for directory in TEMPLATE_DIRS:
        if ".venv" not in directory.parts:
            yield from directory.rglob("*.html")


def test_every_form_has_novalidate():
    # Browser validation bubbles would pre-empt the crispy pack's error summary and messages.
    missing = [
        f"{path.relative_to(ROOT)}: {tag}"
        for path in _templates()
        for tag in re.findall(r"<form\b[^>]*>", path.read_text())
        if "novalidate" not in tag
    ]
    assert not missing, missing


def test_no_template_or_stylesheet_loads_from_another_host():
    asset = re.compile(
        r"""<(?:script|img|link|iframe|embed|object|source|video|audio)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""", re.I
    )
    css = re.compile(r"""(?:@import|url\()\s*["']?(?:https?:)?//""", re.I)
    found = [str(p.relative_to(ROOT)) for p in _templates() if asset.search(p.read_text())]
    found += [
        str(p.relative_to(ROOT)) for p in (ROOT / "static").rglob("*.css") if css.search(p.read_text(errors="ignore"))
    ]
    assert not found, found


def test_no_hard_coded_bokmal_date_formats_in_templates():
    # "j. F Y" renders "27. April 2027" on English pages; DATE_FORMAT follows the language.
    found = [str(p.relative_to(ROOT)) for p in _templates() if re.search(r"""\|date:["']j\. F""", p.read_text())]
    assert not found, found


@pytest.mark.django_db
def test_event_dates_follow_the_language():
    start = timezone.make_aware(dt.datetime(2027, 4, 27, 9, 0))
    event = EventFactory(start=start, end=start + dt.timedelta(hours=7))
    with translation.override("en"):
        assert event_when(event).startswith("27 April 2027")
    with translation.override("nb"):
        assert event_when(event).startswith("27. april 2027")
        event.end = start + dt.timedelta(days=1, hours=7)
        assert event_when(event) == "27. april 2027 09:00 – 28. april 2027 16:00"


@pytest.mark.django_db
def test_event_and_recording_pages_show_english_dates_on_english_pages(client):
    start = timezone.make_aware(dt.datetime(2027, 4, 27, 9, 0))
    event = EventFactory(start=start, end=start + dt.timedelta(hours=7))
    RecordingFactory(event=event, has_captions=False)
    for url in (
        f"/en/arrangementer/{event.slug}/",
        f"/en/arrangementer/{event.slug}/opptak/",
        "/en/",
        "/en/tilgjengelighet/",
    ):
        html = client.get(url).content.decode()
        assert "27. April" not in html and "27. april" not in html, url
    assert "27 April 2027" in client.get(f"/en/arrangementer/{event.slug}/").content.decode()


@pytest.mark.django_db
def test_demo_measures_are_marked_with_the_language_they_are_written_in():
    # The demo texts are bokmål; marking some lang="nn" told screen readers the wrong language.
    from measures import demo
    from measures.models import Measure
    from tests.factories import CoordinatorFactory, SLTUnitFactory, UnitMunicipalityFactory

    unit = SLTUnitFactory()
    UnitMunicipalityFactory(unit=unit)
    CoordinatorFactory(unit=unit)
    demo.load(log=lambda line: None)
    assert Measure.objects.count() > 7
    assert set(Measure.objects.values_list("language", flat=True)) == {"nb"}


@pytest.mark.django_db
def test_page_edit_heading_uses_the_title_in_the_page_language(client, sfk_admin):
    from documents.content import ensure_pages
    from documents.models import InfoPage

    ensure_pages(InfoPage)
    client.force_login(sfk_admin)
    html = client.get("/en/sider/om-slt/rediger/").content.decode()
    assert "Edit page: What is SLT?</h1>" in html
    assert "Hva er SLT?</h1>" not in html


@pytest.mark.django_db
def test_english_dates_are_day_first_with_a_24_hour_clock(client):
    """Django's own `en` formats wrote 4 May as "05/04/2027" and a deadline as "11:59 p.m."."""
    start = timezone.make_aware(dt.datetime(2027, 5, 4, 9, 0))
    event = EventFactory(
        start=start,
        end=start + dt.timedelta(days=1, hours=7),
        registration_closes=start - dt.timedelta(days=7) + dt.timedelta(hours=14, minutes=59),
    )
    SessionFactory(event=event, starts_at=start, ends_at=start + dt.timedelta(hours=1))
    html = client.get(f"/en/arrangementer/{event.slug}/").content.decode()
    assert "4 May 2027" in html and "27 April 2027 23:59" in html
    for american in ("05/04/2027", "May 4", "p.m.", "a.m."):
        assert american not in html, american
    with translation.override("en"):
        from django.utils.formats import date_format

        assert date_format(start, "SHORT_DATE_FORMAT") == "4 May 2027"
        assert date_format(start, "TIME_FORMAT") == "09:00"
        assert date_format(start.replace(hour=23, minute=59), "DATETIME_FORMAT") == "4 May 2027 23:59"
