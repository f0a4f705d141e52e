"""What every dataset of the API shares: the NinjaAPI object, licence, JSON errors, localized
values ({slug, name: {nb, nn, en}}), absolute page URLs and page-number pagination."""

import logging
import math

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError, ValidationError
from pydantic import create_model

logger = logging.getLogger(__name__)

LANGUAGES = ("nb", "nn", "en")
LICENCE_NAME = "NLOD 2.0"
LICENCE_TITLE = "Norsk lisens for offentlige data (NLOD) 2.0"
LICENCE_URL = "https://data.norge.no/nlod/no/2.0"
LICENCE_URL_EN = "https://data.norge.no/nlod/en/2.0"
PERSONAL_DATA_NOTICE = _(
    "Navn og kontaktopplysninger for koordinatorer og navn på innledere er personopplysninger. De publiseres "
    "for at folk skal kunne kontakte dem i rollen sin, og er ikke omfattet av den åpne lisensen. Ikke sett "
    "dem sammen med andre opplysninger, og ikke bruk dem til markedsføring."
)
SOURCES_NOTICE = _(
    "Kommuner og fylker: Statistisk sentralbyrå (klassifikasjon 131 og 104) og Kartverkets stedsnavn. "
    "Kommunegrensene i dekningskartet: © Kartverket, CC BY 4.0."
)


class Error(Schema):
    """Every error answer: a message, and for invalid parameters which ones and why."""

    detail: str = Field(description=_("Hva som er galt, på engelsk."))
    errors: list[dict] | None = Field(
        None, description=_("Ved ugyldige parametere: ett element per feil (loc, msg, type).")
    )


ERROR_RESPONSES = {400: Error, 404: Error, 422: Error, 429: Error}


class Name(Schema):
    nb: str = Field(description=_("Bokmål."))
    nn: str = Field(description=_("Nynorsk (bokmål der nynorsk mangler)."))
    en: str = Field(description=_("Engelsk (bokmål der engelsk mangler)."))


class Term(Schema):
    """A value of a classification or choice list."""

    slug: str = Field(description=_("Fast verdi, også brukt som filter."))
    name: Name


class Licence(Schema):
    name: str = Field(description=_("Lisensens navn."))
    url: str = Field(description=_("Lisensteksten."))
    personal_data: str = Field(description=_("Hvilke felt som er personopplysninger og ikke omfattes av lisensen."))


class PageMeta(Schema):
    count: int = Field(description=_("Antall treff i alt."))
    page: int = Field(description=_("Denne sidens nummer (fra 1)."))
    page_size: int = Field(description=_("Største antall elementer per side."))
    pages: int = Field(description=_("Antall sider (minst 1)."))
    next: str | None = Field(description=_("Adressen til neste side, eller null."))
    previous: str | None = Field(description=_("Adressen til forrige side, eller null."))
    licence: Licence


def page_schema(item_schema, name: str):
    """The list answer for a dataset: PageMeta + `results`."""
    return create_model(name, __base__=PageMeta, results=(list[item_schema], ...))


PAGE = Query(1, ge=1, le=100_000, description=_("Sidenummer, fra 1."))
PAGE_SIZE = Query(
    50, ge=1, le=settings.API_MAX_PAGE_SIZE, description=_("Største antall elementer per side (høyst 100).")
)


def named(obj) -> dict:
    """{slug, name: {nb, nn, en}} of a managed list value (core.models.LocalizedName); a missing
    translation falls back to bokmål, as on the pages."""
    return {"slug": obj.slug, "name": {"nb": obj.name, "nn": obj.name_nn or obj.name, "en": obj.name_en or obj.name}}


def term(slug, label) -> dict:
    """{slug, name: {nb, nn, en}} of a choice: its label (lazy text) in each language."""
    return {"slug": str(slug), "name": localized(lambda: label)}


def choice(choices_cls, value) -> dict | None:
    """`term()` of a TextChoices/IntegerChoices value; None for an empty value."""
    if value in (None, ""):
        return None
    return term(value, choices_cls(value).label)


def localized(func) -> dict:
    """{nb, nn, en} of func() evaluated in each language."""
    names = {}
    for code in LANGUAGES:
        with translation.override(code):
            names[code] = str(func())
    return names


def page_url(obj_or_name, *args) -> str:
    """The absolute address of a public page, in bokmål (the unprefixed URL)."""
    with translation.override("nb"):
        path = (
            obj_or_name.get_absolute_url()
            if hasattr(obj_or_name, "get_absolute_url")
            else reverse(obj_or_name, args=args)
        )
    return settings.SITE_URL + path


def licence() -> dict:
    return {"name": LICENCE_NAME, "url": LICENCE_URL, "personal_data": str(PERSONAL_DATA_NOTICE)}


def paginate(request, items, *, page: int, page_size: int) -> tuple[list, dict]:
    """(the page's slice, the PageMeta fields). `items` supports count() (or len()) and slicing.
    A page past the last is 404; page 1 of nothing is an empty page."""
    count = items.count() if hasattr(items, "count") and not isinstance(items, list) else len(items)
    pages = max(1, math.ceil(count / page_size))
    if page > pages:
        raise HttpError(404, f"Page {page} does not exist: there are {pages} pages of {page_size}.")
    start = (page - 1) * page_size
    chunk = list(items[start : start + page_size])

    def link(number):
        query = request.GET.copy()
        query["page"] = str(number)
        return f"{settings.SITE_URL}{request.path}?{query.urlencode()}"

    return chunk, {
        "count": count,
        "page": page,
        "page_size": page_size,
        "pages": pages,
        "next": link(page + 1) if page < pages else None,
        "previous": link(page - 1) if page > 1 else None,
        "licence": licence(),
    }


api = NinjaAPI(
    title="SLT-portalen open data API",
    version="1",
    description=_(
        "Åpne data fra SLT-portalen: kommuner og fylker med SLT-status, SLT-enheter med offentlige "
        "kontaktopplysninger, publiserte tiltak, publikasjoner, arrangementer og nyheter. Bare lesing, "
        "JSON, ingen nøkkel. Data som ikke er personopplysninger: NLOD 2.0."
    ),
    openapi_url="/openapi.json",
    docs_url=None,
    urls_namespace="api-v1",
    openapi_extra={
        "info": {
            "license": {"name": LICENCE_TITLE, "url": LICENCE_URL},
            "x-personal-data": PERSONAL_DATA_NOTICE,
            "x-sources": SOURCES_NOTICE,
        }
    },
)


def built_response(request, data) -> HttpResponse:
    """A 200 answer of `data`, a page of records each already built as a dict of its schema's
    fields in their order (the list endpoints' `_record`/writer functions), rendered as django-ninja
    renders a validated answer. django-ninja would otherwise validate the whole page again through
    pydantic, field by field (DjangoGetter per nested object): 40 % of a cold list request for the
    same bytes (issue 14). tests/slt_portal/test_api_schema.py validates these answers against the
    operations' response schemas."""
    return api.create_response(request, data, status=200)


def _error(request, status: int, detail: str, errors=None):
    body = {"detail": detail}
    if errors is not None:
        body["errors"] = errors
    return api.create_response(request, body, status=status)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    errors = [
        {"loc": [str(part) for part in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
        for e in exc.errors
    ]
    summary = "; ".join(f"{'.'.join(e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in errors[:5])
    return _error(request, 422, f"Invalid parameters: {summary}", errors)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return _error(request, 404, "Not found.")


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return _error(request, exc.status_code, exc.message if hasattr(exc, "message") else str(exc))


@api.exception_handler(Exception)
def _unexpected(request, exc):
    logger.exception("API error at %s", request.path)
    return _error(request, 500, "Internal error.")
