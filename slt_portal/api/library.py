"""Publications (metadata and download address of open files; restricted ones never) and
published news."""

from typing import Literal

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError

from core.models import Theme
from documents.models import NewsArticle, Publication
from documents.selectors import library_search

from .base import ERROR_RESPONSES, PAGE, PAGE_SIZE, Term, choice, named, page_schema, page_url, paginate
from .directory import SLUG, UnitRef

router = Router(tags=["publications and news"])


class PublicationRef(Schema):
    slug: str = Field(description=_("Publikasjonens kortnavn."))
    title: str = Field(description=_("Tittel."))
    url: str = Field(description=_("Publikasjonens side i portalen."))


class PublicationOut(Schema):
    slug: str = Field(description=_("Publikasjonens kortnavn; oppslag under /publications/{slug}."))
    title: str = Field(description=_("Tittel."))
    kind: Term = Field(description=_("Type: handbook, guide, report, template, presentation, action_plan, …"))
    language: Term = Field(description=_("Språket publikasjonen er skrevet på."))
    summary: str = Field(description=_("Sammendrag."))
    published_on: str = Field(description=_("Publiseringsdato (ÅÅÅÅ-MM-DD)."))
    edition: str = Field(description=_("Utgave eller versjon."))
    unit: UnitRef | None = Field(description=_("SLT-enheten som har lagt ut publikasjonen; null for Sfks nasjonale."))
    themes: list[Term] = Field(description=_("Temaer."))
    file_type: str | None = Field(description=_("Filtype: pdf, docx, xlsx, pptx eller odt; null uten fil."))
    file_size: int | None = Field(description=_("Filstørrelse i byte."))
    page_count: int | None = Field(description=_("Antall sider (PDF)."))
    download_url: str | None = Field(description=_("Adressen filen lastes ned fra; null uten fil."))
    external_url: str = Field(description=_("Ekstern lenke."))
    replaces: PublicationRef | None = Field(description=_("Tidligere utgave denne erstatter."))
    replaced_by: PublicationRef | None = Field(description=_("Nyere utgave som erstatter denne."))
    updated_at: str = Field(description=_("Sist endret (ISO 8601)."))
    url: str = Field(description=_("Publikasjonens side i portalen."))


class NewsOut(Schema):
    slug: str = Field(description=_("Artikkelens kortnavn; oppslag under /news/{slug}."))
    title: str = Field(description=_("Tittel."))
    language: Term = Field(description=_("Språket artikkelen er skrevet på."))
    lead: str = Field(description=_("Ingress."))
    body: str = Field(description=_("Brødtekst (Markdown)."))
    published_at: str = Field(description=_("Publisert (ISO 8601)."))
    updated_at: str = Field(description=_("Sist endret (ISO 8601)."))
    related_publication: PublicationRef | None = Field(description=_("Relatert publikasjon."))
    url: str = Field(description=_("Artikkelens side i portalen."))


PublicationPage = page_schema(PublicationOut, "PublicationPage")
NewsPage = page_schema(NewsOut, "NewsPage")


def _ref(publication) -> dict | None:
    if publication is None or publication.is_restricted:
        return None
    return {"slug": publication.slug, "title": publication.title, "url": page_url(publication)}


def _publication(p: Publication) -> dict:
    has_file = bool(p.file)
    return {
        "slug": p.slug,
        "title": p.title,
        "kind": choice(Publication.Kind, p.kind),
        "language": choice(Publication.Language, p.language),
        "summary": p.summary,
        "published_on": p.published_on.isoformat(),
        "edition": p.edition,
        "unit": {"slug": p.unit.slug, "name": p.unit.name, "url": page_url(p.unit)} if p.unit else None,
        "themes": [named(t) for t in p.themes.all()],
        "file_type": p.file_type or None if has_file else None,
        "file_size": p.file_size if has_file else None,
        "page_count": p.page_count if has_file else None,
        "download_url": page_url("documents:download", p.slug) if has_file else None,
        "external_url": p.external_url,
        "replaces": _ref(p.replaces),
        "replaced_by": _ref(getattr(p, "replaced_by", None)),
        "updated_at": p.updated_at.isoformat(),
        "url": page_url(p),
    }


def _public_publications():
    # The library's own rule for who sees what, applied to an anonymous visitor.
    return Publication.objects.visible_to(AnonymousUser()).with_related()


@router.get(
    "/publications",
    response={200: PublicationPage, **ERROR_RESPONSES},
    summary=_("Publikasjoner"),
    description=_(
        "Åpne publikasjoner i dokumentbiblioteket (gjeldende utgaver, nyeste først), med adressen filen lastes "
        "ned fra. Publikasjoner bare for innloggede koordinatorer er aldri med."
    ),
)
def publication_list(
    request,
    kind: Literal[tuple(Publication.Kind.values)] | None = Query(None, description=_("Bare denne typen.")),
    theme: str | None = Query(None, max_length=80, description=_("Bare dette temaet (slug).")),
    page: int = PAGE,
    page_size: int = PAGE_SIZE,
):
    theme_obj = None
    if theme:
        theme_obj = Theme.objects.filter(slug=theme).first()
        if theme_obj is None:
            raise HttpError(422, f"Unknown theme: {theme}.")
    publications = library_search(user=AnonymousUser(), kind=kind or "", theme=theme_obj)
    chunk, meta = paginate(request, publications, page=page, page_size=page_size)
    return {**meta, "results": [_publication(p) for p in chunk]}


@router.get(
    "/publications/{slug}",
    response={200: PublicationOut, **ERROR_RESPONSES},
    summary=_("Én publikasjon"),
    description=_("Én åpen publikasjon (også eldre utgaver), slått opp på kortnavn."),
)
def publication_detail(request, slug: str = Path(..., pattern=SLUG, description=_("Publikasjonens kortnavn."))):
    return _publication(get_object_or_404(_public_publications(), slug=slug))


def _news(article: NewsArticle) -> dict:
    return {
        "slug": article.slug,
        "title": article.title,
        "language": choice(NewsArticle.Language, article.language),
        "lead": article.lead,
        "body": article.body,
        "published_at": article.publish_at.isoformat(),
        "updated_at": article.updated_at.isoformat(),
        "related_publication": _ref(article.related_publication),
        "url": page_url(article),
    }


def _published_news():
    return NewsArticle.objects.published().select_related("related_publication").order_by("-publish_at", "-pk")


@router.get(
    "/news",
    response={200: NewsPage, **ERROR_RESPONSES},
    summary=_("Nyheter"),
    description=_("Publiserte nyheter, nyeste først."),
)
def news_list(request, page: int = PAGE, page_size: int = PAGE_SIZE):
    chunk, meta = paginate(request, _published_news(), page=page, page_size=page_size)
    return {**meta, "results": [_news(a) for a in chunk]}


@router.get(
    "/news/{slug}",
    response={200: NewsOut, **ERROR_RESPONSES},
    summary=_("Én nyhet"),
    description=_("Én publisert nyhet, slått opp på kortnavn."),
)
def news_detail(request, slug: str = Path(..., pattern=SLUG, description=_("Artikkelens kortnavn."))):
    return _news(get_object_or_404(_published_news(), slug=slug))
