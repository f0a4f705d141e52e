"""GET /api/v1/: what the API offers, under which licence, and where the schema is."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from ninja import Field, Router, Schema

from .base import (
    ERROR_RESPONSES,
    LICENCE_NAME,
    LICENCE_TITLE,
    LICENCE_URL,
    PERSONAL_DATA_NOTICE,
    SOURCES_NOTICE,
    page_url,
)

router = Router(tags=["about"])

DATASETS = ["counties", "municipalities", "units", "measures", "publications", "events", "news"]


class InfoLicence(Schema):
    name: str = Field(description=_("Lisensens navn."))
    title: str = Field(description=_("Lisensens fulle navn."))
    url: str = Field(description=_("Lisensteksten."))


class Info(Schema):
    title: str = Field(description=_("API-ets navn."))
    version: str = Field(description=_("Versjon."))
    licence: InfoLicence
    personal_data: str = Field(description=_("Hvilke felt som er personopplysninger og ikke omfattes av lisensen."))
    sources: str = Field(description=_("Kilder og kreditering."))
    openapi: str = Field(description=_("OpenAPI-skjemaet."))
    documentation: str = Field(description=_("Dokumentasjonen."))
    datasets: dict[str, str] = Field(description=_("Datasettene og adressene deres."))


@router.get(
    "/",
    response={200: Info, **ERROR_RESPONSES},
    summary=_("Om API-et"),
    description=_("Datasett, lisens og hvor skjemaet ligger."),
)
def info(request):
    base = f"{settings.SITE_URL}/api/v1"
    return {
        "title": "SLT-portalen open data API",
        "version": "1",
        "licence": {"name": LICENCE_NAME, "title": LICENCE_TITLE, "url": LICENCE_URL},
        "personal_data": str(PERSONAL_DATA_NOTICE),
        "sources": str(SOURCES_NOTICE),
        "openapi": f"{base}/openapi.json",
        "documentation": page_url("api_docs"),
        "datasets": {name: f"{base}/{name}" for name in DATASETS},
    }
