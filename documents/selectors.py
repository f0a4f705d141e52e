"""Reads for the library, news and information pages."""

from django.db.models import QuerySet

from core.search import text_search
from municipalities.models import SLTUnit

from . import hooks
from .models import InfoPage, NewsArticle, Publication, can_see_restricted


def library_search(
    *,
    user,
    q: str = "",
    kind: str = "",
    language: str = "",
    scope: str = "",
    theme=None,
    county=None,
) -> QuerySet[Publication]:
    """Current editions the user may see, filtered, newest first.

    Text search (core.search) uses PostgreSQL's Norwegian full-text search on title and summary
    (stemming: 'planene' finds 'plan'; 'handbok' finds 'håndbok'); other databases fall back to a
    folded word match.
    """
    qs = Publication.objects.visible_to(user).current_editions()
    if kind:
        qs = qs.filter(kind=kind)
    if language:
        qs = qs.filter(language=language)
    if scope == "national":
        qs = qs.filter(unit__isnull=True)
    elif scope == "local":
        qs = qs.filter(unit__isnull=False)
    if theme is not None:
        qs = qs.filter(themes=theme)
    if county is not None:
        qs = qs.filter(unit__in=SLTUnit.objects.in_county(county))
    if q:
        qs = text_search(qs, q, {"title": "A", "summary": "B"}, rank=False)
    if theme is not None:
        qs = qs.distinct()
    return qs.with_related().order_by("-published_on", "-id")


def publication_editions(*, publication: Publication, user) -> list[Publication]:
    """The edition chain the user may see, newest first (follows 'replaces' both ways; a restricted
    edition is left out for someone who may not see it, title, link and year included)."""
    chain = [publication]
    newer = publication
    while (nxt := getattr(newer, "replaced_by", None)) is not None and nxt not in chain:
        chain.insert(0, nxt)
        newer = nxt
    older = publication
    while older.replaces_id and (prev := older.replaces) not in chain:
        chain.append(prev)
        older = prev
    if can_see_restricted(user):
        return chain
    return [edition for edition in chain if not edition.is_restricted]


def info_pages_menu() -> QuerySet[InfoPage]:
    return InfoPage.objects.filter(show_in_menu=True).only(
        "slug", "title", "title_nn", "title_en", "summary", "summary_nn", "summary_en", "sort_order"
    )


NEWS_SEARCH_FIELDS = {"title": "A", "lead": "B", "body": "C"}
#: What a list of articles shows (the news list, the home page): not the body.
NEWS_ROW_FIELDS = ("title", "slug", "language", "lead", "publish_at")
INFO_PAGE_SEARCH_FIELDS = {
    **{f"title{suffix}": "A" for suffix in ("", "_nn", "_en")},
    **{f"summary{suffix}": "B" for suffix in ("", "_nn", "_en")},
    **{f"body{suffix}": "C" for suffix in ("", "_nn", "_en")},
}


def news_for_list(*, user, q: str = "") -> QuerySet[NewsArticle]:
    """The articles the user may see, newest first; `q` filters by text (title, lead, body)."""
    qs = text_search(NewsArticle.objects.visible_to(user), q, NEWS_SEARCH_FIELDS, rank=False)
    return qs.only(*NEWS_ROW_FIELDS).order_by("-publish_at", "-id")


def news_search(*, q: str, now=None) -> QuerySet[NewsArticle]:
    """Articles published by `now` (the present by default) matching `q`, best match first (PostgreSQL), then newest."""
    qs = text_search(NewsArticle.objects.published(now), q, NEWS_SEARCH_FIELDS)
    return qs.order_by(*(["-rank"] if "rank" in qs.query.annotations else []), "-publish_at", "-id")


def info_page_search(*, q: str) -> QuerySet[InfoPage]:
    """Information pages whose text in any language matches `q`, best match first."""
    qs = text_search(InfoPage.objects.all(), q, INFO_PAGE_SEARCH_FIELDS)
    return qs.order_by(*(["-rank"] if "rank" in qs.query.annotations else []), "sort_order", "slug")


def news_article_links(*, article: NewsArticle, user) -> dict:
    """The article's related document (when the user may see it) and what other apps add (the related event)."""
    publication = article.related_publication
    if publication is not None and publication.is_restricted and not can_see_restricted(user):
        publication = None
    return {
        "related": publication,
        "extra_sections": hooks.render_sections(hooks.NEWS_ARTICLE_SECTIONS, article=article, user=user),
    }


def info_page_get(*, slug: str) -> InfoPage | None:
    """The page, or for one of the initial pages an unsaved copy of its initial text (so the
    header and footer links work even in a database whose rows were emptied)."""
    page = InfoPage.objects.filter(slug=slug).first()
    if page is None:
        from .content import PAGES, page_defaults

        data = next((d for d in PAGES if d["slug"] == slug), None)
        page = InfoPage(slug=slug, **page_defaults(data)) if data else None
    return page


def latest_news(*, limit: int = 3) -> list[NewsArticle]:
    """The newest published articles, for the home page."""
    return list(NewsArticle.objects.published().only(*NEWS_ROW_FIELDS).order_by("-publish_at", "-id")[:limit])


def unit_publications(*, unit, user) -> QuerySet[Publication]:
    """A unit's current local documents that the user may see, newest first (for the unit page)."""
    return Publication.objects.visible_to(user).current_editions().filter(unit=unit).order_by("-published_on", "-id")


def measure_publications(*, measure, user) -> QuerySet[Publication]:
    """The documents a measure links that the user may see, newest first (for the measure page)."""
    return Publication.objects.visible_to(user).filter(measures=measure).order_by("-published_on", "-id")
