"""WCAG 2.1 SC 3.1.2 Language of Parts: editor-written text (events, news, recordings, measure
titles) carries its own lang when the page is shown in another language."""

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from documents.models import NewsArticle
from events.tokens import registration_token
from tests.documents.factories import NewsArticleFactory
from tests.events.factories import EventFactory, RecordingFactory, RegistrationFactory, SessionFactory
from tests.measures.factories import published

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _LangParser(HTMLParser):
    """Records each text node with the language in effect there (the nearest lang attribute)."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str]] = []

    def _lang(self) -> str:
        return next((lang for _, lang in reversed(self.stack) if lang), "")

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if data.strip() and not any(tag in ("title", "script", "style") for tag, _ in self.stack):
            self.texts.append((" ".join(data.split()), self._lang()))


def languages_of(html: str, needle: str) -> set[str]:
    """The languages in effect for every text node of the page's <body> containing needle."""
    parser = _LangParser()
    parser.feed(html)
    found = {lang for text, lang in parser.texts if needle in text}
    assert found, f"{needle!r} not found on the page"
    return found


def get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_event_in_bokmal_is_marked_on_english_pages(client):
    event = EventFactory(
        title="Vårkonferansen",
        summary="Fagdag om forebygging.",
        description="Program og *påmelding* for kommunene.",
        price_note="Gratis for kommunene",
    )
    SessionFactory(event=event, title="Åpning ved ordføreren")
    html = get(client, f"/en{event.get_absolute_url()}")
    for text in ("Vårkonferansen", "Fagdag om forebygging.", "påmelding", "Åpning ved ordføreren", "Gratis"):
        assert languages_of(html, text) == {"nb"}, text
    assert '<h1 class="ds-heading" data-size="lg" lang="nb">Vårkonferansen</h1>' in html
    # The page's own text stays English, and the breadcrumb of the event is marked.
    assert languages_of(html, "About the event") == {"en"}
    assert 'aria-current="page" lang="nb">Vårkonferansen</a>' in html
    # The hidden table caption mixes English UI text with the title.
    caption = html.split("<caption", 1)[1].split("</caption>", 1)[0]
    assert '<span lang="nb">Vårkonferansen</span>' in caption


def test_event_lists_registration_and_recordings_pages_mark_the_event_language(client, sfk_admin):
    event = EventFactory(title="Nettverkssamling vest", summary="Samling for koordinatorene.")
    for url in ("/en/arrangementer/", "/en/", "/nn/arrangementer/"):
        html = get(client, url)
        assert languages_of(html, "Nettverkssamling vest") == {"nb"}, url
    assert languages_of(get(client, "/en/arrangementer/"), "Samling for koordinatorene.") == {"nb"}

    html = get(client, f"/en/arrangementer/{event.slug}/pamelding/")
    assert languages_of(html, "Nettverkssamling vest") == {"nb"}
    token = registration_token(RegistrationFactory(event=event))
    html = get(client, f"/en/arrangementer/pamelding/{token}/")
    assert languages_of(html, "Nettverkssamling vest") == {"nb"}
    h1 = html.split("<h1", 1)[1].split("</h1>", 1)[0]
    assert '<span lang="nb">Nettverkssamling vest</span>' in h1

    client.force_login(sfk_admin)
    for url in ("/en/sfk/", f"/en/arrangementer/{event.slug}/deltakere/", "/en/arrangementer/administrer/"):
        assert languages_of(get(client, url), "Nettverkssamling vest") == {"nb"}, url


def test_recordings_inherit_their_events_language(client):
    start = timezone.now() - dt.timedelta(days=40)
    event = EventFactory(title="Høstkonferansen", start=start, end=start + dt.timedelta(hours=6))
    RecordingFactory(event=event, title="Innlegg om rus", slides_url="https://example.no/lysark.pdf")
    english = EventFactory(title="Nordic seminar", language="en", start=start, end=start + dt.timedelta(hours=2))
    RecordingFactory(event=english, title="Keynote talk")
    year = timezone.localdate(start).year
    for url in (f"/en/arrangementer/{event.slug}/opptak/", f"/en/arrangementer/opptak/?ar={year}"):
        html = get(client, url)
        assert languages_of(html, "Innlegg om rus") == {"nb"}, url
        assert languages_of(html, "Høstkonferansen") == {"nb"}, url
    html = get(client, f"/en/arrangementer/opptak/?ar={year}")
    assert 'Slides: <span lang="nb">Innlegg om rus</span>' in html
    # An English event on a bokmål page is marked as English.
    html = get(client, f"/arrangementer/opptak/?ar={year}")
    assert languages_of(html, "Keynote talk") == {"en"}
    assert languages_of(html, "Innlegg om rus") == {"nb"}


def test_news_article_in_bokmal_is_marked_on_english_pages(client):
    article = NewsArticleFactory(title="Nytt fra Sfk", lead="Kort ingress.", body="## Mellomtittel\n\nBrødtekst her.")
    html = get(client, f"/en{article.get_absolute_url()}")
    for text in ("Nytt fra Sfk", "Kort ingress.", "Mellomtittel", "Brødtekst her."):
        assert languages_of(html, text) == {"nb"}, text
    assert '<h1 class="ds-heading" data-size="lg" lang="nb">Nytt fra Sfk</h1>' in html
    assert 'aria-current="page" lang="nb">Nytt fra Sfk</a>' in html
    for url in ("/en/aktuelt/", "/en/"):
        assert languages_of(get(client, url), "Nytt fra Sfk") == {"nb"}, url
    assert languages_of(get(client, "/en/aktuelt/"), "Kort ingress.") == {"nb"}


def test_news_form_saves_the_language_and_rejects_an_unknown_one(client, sfk_admin):
    client.force_login(sfk_admin)
    data = {"title": "Nordic news", "language": "xx", "lead": "Lead.", "body": "Body."}
    response = client.post(reverse("documents:news_create"), data)
    assert response.status_code == 400
    assert 'id="id_language_error"' in response.content.decode()
    assert not NewsArticle.objects.exists()
    data["language"] = "en"
    assert client.post(reverse("documents:news_create"), data).status_code == 302
    assert NewsArticle.objects.get().language == "en"


def test_measure_breadcrumb_carries_the_measures_language(client, unit_a):
    measure = published(unit=unit_a, title="Natteravn i sentrum", language="nn")
    html = get(client, f"/en{measure.get_absolute_url()}")
    assert 'aria-current="page" lang="nn">Natteravn i sentrum</a>' in html


def test_breadcrumbs_accept_an_optional_language():
    request = RequestFactory().get("/en/x/")
    html = render_to_string(
        "includes/breadcrumbs.html",
        {"crumbs": [("Events", "/en/events/"), ("Sámi tittel", "/en/e/", "se"), ("Current", "")]},
        request=request,
    )
    assert '<a class="ds-link" href="/en/events/">Events</a>' in html
    assert '<a class="ds-link" href="/en/e/" lang="se">Sámi tittel</a>' in html
    assert '<a class="ds-link" href="/en/x/" aria-current="page">Current</a>' in html
    html = render_to_string(
        "includes/breadcrumbs.html", {"crumbs": [("Events", "/e/"), ("Tittel", "", "nn")]}, request=request
    )
    assert 'aria-current="page" lang="nn">Tittel</a>' in html


def test_in_language_filter_escapes_the_text():
    from core.templatetags.portal import in_language

    assert in_language("<b>A & B</b>", "nb") == '<span lang="nb">&lt;b&gt;A &amp; B&lt;/b&gt;</span>'


def test_editors_set_the_language_of_events_and_news(client, django_user_model):
    admin = django_user_model.objects.create_superuser(email="super@example.no", password="x-Secret-123")
    client.force_login(admin)
    for url in ("/sfk/arrangementer/nytt/", "/aktuelt/ny/"):
        html = get(client, url)
        assert 'name="language"' in html and '<option value="se">' in html, url


SITE_DESCRIPTION = (
    "SLT-portalen samler SLT-koordinatorer, tiltak, håndbøker og arrangementer for rus- og "
    "kriminalitetsforebyggende arbeid blant barn og unge."
)


def _meta_description(html: str) -> str:
    from tests.helpers import parse_page

    return parse_page(html).meta_description


def test_coordinator_title_and_organisation_are_marked_on_english_and_nynorsk_pages(client):
    from tests.factories import CoordinatorFactory, SLTUnitFactory

    unit = SLTUnitFactory(name="SLT Ytre Test", slug="ytre-test")
    CoordinatorFactory(
        unit=unit, title="Rådgiver forebygging", employer="Testby kommune", org_placement="Kommunedirektørens stab"
    )
    url = unit.get_absolute_url()
    for prefix in ("/en", "/nn"):
        html = get(client, f"{prefix}{url}")
        for text in ("Rådgiver forebygging", "Testby kommune", "Kommunedirektørens stab"):
            assert languages_of(html, text) == {"nb"}, (prefix, text)
    html = get(client, url)
    assert 'lang="nb"' not in html.split("<main", 1)[1]


def test_speaker_roles_are_marked_on_the_english_event_page(client):
    event = EventFactory(title="Høstsamling", summary="Samling for koordinatorer.")
    SessionFactory(event=event, title="Velkommen", speaker="Kari Nordmann, rådgiver i Sfk")
    html = get(client, f"/en{event.get_absolute_url()}")
    assert languages_of(html, "Kari Nordmann, rådgiver i Sfk") == {"nb"}


def test_meta_descriptions_on_english_pages_are_english(client):
    event = EventFactory(title="Høstsamling", summary="Samling for koordinatorer i nord.")
    measure = published(title="Natteravner", summary="Voksne går i sentrum på fredagskvelder.")
    article = NewsArticleFactory(title="Nytt fra Sfk", lead="Kort ingress på bokmål.")
    # A meta description cannot carry lang: the English site description stands in for bokmål text.
    from django.utils import translation

    with translation.override("en"):
        site_description = translation.gettext(SITE_DESCRIPTION)
    assert site_description.startswith("The SLT portal")
    with translation.override("nb"):
        pages = [
            (event.get_absolute_url(), "Samling for koordinatorer i nord."),
            (measure.get_absolute_url(), "Voksne går i sentrum på fredagskvelder."),
            (article.get_absolute_url(), "Kort ingress på bokmål."),
        ]
    for url, summary in pages:
        assert _meta_description(get(client, url)) == summary, url
        head = get(client, f"/en{url}").split("</head>", 1)[0]
        assert _meta_description(head) == site_description and summary not in head, url
    # An English text keeps its own summary on the English page.
    EventFactory(title="Nordic seminar", summary="A seminar in English.", language="en", slug="nordic")
    assert _meta_description(get(client, "/en/arrangementer/nordic/")) == "A seminar in English."
