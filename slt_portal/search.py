"""The site-wide search (/sok/): one query string over every kind of public content, grouped by kind.

Each group reuses its app's own search, so its count equals what the group's list page shows for
the same text: information pages and news (documents.selectors), the library (library_search),
events (events.selectors), measures (the measure bank's text match, through `measure_matches`) and
municipalities and SLT units (the directory's name matching, typo tolerant, without "kommune").
Every group costs one query (the directory two, three when it shows a municipality): its best
hits and, through a window function, its count. So the page's query count does not depend on the
number of groups or hits.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Case, Count, F, QuerySet, When, Window
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core import sql
from core.search import stand_in
from documents.models import can_see_restricted
from documents.selectors import info_page_search, library_search, news_search
from events.models import Event
from events.selectors import event_text_filter
from measures.models import Measure
from measures.search.facets import TEXT
from municipalities.selectors import directory_hits

HITS_PER_GROUP = 5


@dataclass
class Hit:
    title: str
    url: str
    text: str = ""
    meta: str = ""
    lang: str = ""  # the language the title and text are written in


@dataclass
class Group:
    key: str
    label: str
    count: int
    hits: list[Hit]
    list_url: str = ""  # the kind's own list, filtered by the same text ("" when the group shows all)
    list_count: int | None = None  # what that list shows, when it is not `count`
    more_links: list[tuple[str, str]] = field(default_factory=list)  # (label, url)


def measure_matches(q: str) -> QuerySet[Measure]:
    """Published measures matching `q` with the measure bank's own text match (ranked on PostgreSQL).

    The one place the site search touches the measure bank's search. Its public entry point,
    `measure_search`, also counts every facet (four more queries than this page can afford), so
    only its text match is used."""
    return TEXT.published(q)


def _with_total(qs: QuerySet, limit: int = HITS_PER_GROUP) -> tuple[int, list]:
    """The first `limit` rows and the number of all rows, in one query."""
    rows = list(_totalled(qs, limit))
    return (rows[0].search_total if rows else 0), rows


def _totalled(qs: QuerySet, limit: int = HITS_PER_GROUP) -> QuerySet:
    return qs.annotate(search_total=Window(Count("pk")))[:limit]


def _prepared(key: str, q: str, build, *, now=None, stand_in=stand_in) -> tuple[int, list]:
    """`_with_total` of the queryset `build(q)` (or `build(q, now)`) with its SQL compiled once per
    process and shape of `q` (`stand_in`: core.search.stand_in for core.search.text_search, the
    measure bank's TEXT.stand_in for its own; core.sql.objects): building the text search's
    queryset cost more than running it (issue 14)."""
    shape, stand_in_q, patterns = stand_in(q)
    key = f"site_search.{key}.{shape}"
    if now is None:
        rows = sql.objects(key, lambda: build(stand_in_q), patterns=patterns)
    else:
        rows = sql.objects(key, lambda moment: build(stand_in_q, moment), now=now, patterns=patterns)
    return (rows[0].search_total if rows else 0), rows


def _ranked(qs: QuerySet, *then: str) -> QuerySet:
    return qs.order_by(*(["-rank"] if "rank" in qs.query.annotations else []), *then)


def _url(name: str, q: str) -> str:
    return f"{reverse(name)}?{urlencode({'q': q})}"


def _pages(q: str) -> Group:
    # A handful of pages in all: the group shows every match and needs no list of its own.
    total, pages = _prepared("pages", q, lambda q: _totalled(info_page_search(q=q), limit=20))
    hits = []
    for page in pages:
        text = page.localized()
        hits.append(Hit(text["title"], page.get_absolute_url(), text["summary"], lang=text["lang"]))
    return Group("pages", _("Informasjonssider"), total, hits)


def _places(q: str) -> Group:
    total, found = directory_hits(query=q, limit=HITS_PER_GROUP)
    hits = [Hit(hit.name, hit.url, meta=hit.detail) for hit in found]
    return Group("places", _("Kommuner og SLT-enheter"), total, hits, _url("municipalities:search", q))


def _measures(q: str) -> Group:
    def build(q):
        qs = measure_matches(q).select_related("unit").only("title", "slug", "summary", "language", "unit__name")
        return _totalled(_ranked(qs, "-published_at", "-pk"))

    total, measures = _prepared("measures", q, build, stand_in=TEXT.stand_in)
    hits = [Hit(m.title, m.get_absolute_url(), m.summary, m.unit.name, m.language) for m in measures]
    return Group("measures", _("Tiltak"), total, hits, _url("measures:list", q))


def _publications(q: str, user) -> Group:
    def build(q):
        qs = library_search(user=user, q=q).select_related(None).prefetch_related(None)
        return _totalled(qs.only("title", "slug", "summary", "kind", "language"))

    # The SQL depends on the user only through what they may see.
    total, publications = _prepared(f"publications.{can_see_restricted(user)}", q, build)
    hits = [Hit(p.title, p.get_absolute_url(), p.summary, p.get_kind_display(), p.language) for p in publications]
    return Group("publications", _("Dokumenter"), total, hits, _url("documents:library", q))


def _news(q: str, now) -> Group:
    def build(q, now):
        return _totalled(news_search(q=q, now=now).only("title", "slug", "lead", "publish_at", "language"))

    total, articles = _prepared("news", q, build, now=now)
    hits = [
        Hit(a.title, a.get_absolute_url(), a.lead, date_format(timezone.localtime(a.publish_at)), a.language)
        for a in articles
    ]
    return Group("news", _("Aktuelt"), total, hits, _url("documents:news_list", q))


def _events(q: str, now) -> Group:
    """Upcoming events first (soonest first), then past ones (newest first)."""

    # `upcoming_start`: the start of an upcoming event, NULL for a past one; ascending with NULLs
    # last it puts the upcoming events first, soonest first, and counting it counts them.
    def build(q, now):
        return _totalled(
            event_text_filter(Event.objects.public(), q)
            .only("title", "slug", "summary", "start", "language")
            .annotate(upcoming_start=Case(When(end__gte=now, then=F("start"))))
            .annotate(upcoming_total=Window(Count("upcoming_start")))
            .order_by(F("upcoming_start").asc(nulls_last=True), "-start", "-pk")
        )

    total, events = _prepared("events", q, build, now=now)
    upcoming_total = events[0].upcoming_total if events else 0
    hits = [
        Hit(e.title, e.get_absolute_url(), e.summary, date_format(timezone.localtime(e.start)), e.language)
        for e in events
    ]
    more = []
    if total > upcoming_total:
        label = _("Tidligere arrangementer (%(count)s)") % {"count": total - upcoming_total}
        more.append((label, _url("events:past", q)))
    list_url = _url("events:list", q) if upcoming_total else ""  # the list shows upcoming events only
    return Group("events", _("Arrangementer"), total, hits, list_url, upcoming_total, more)


def site_search(*, q: str, user, now=None) -> list[Group]:
    """Every kind of public content matching `q`, one group per kind in a fixed order."""
    now = now or timezone.now()
    return [
        _pages(q),
        _places(q),
        _measures(q),
        _publications(q, user),
        _news(q, now),
        _events(q, now),
    ]
