"""Demo publications and news. The PDFs are generated placeholders, clearly titled as demo files."""

import datetime as dt

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.demo import DEMO_ADMIN_EMAIL
from accounts.models import User
from core.models import Theme
from municipalities.models import SLTUnit

from .models import NewsArticle, Publication
from .pdfgen import placeholder_pdf
from .services import news_article_save, publication_save

NATIONAL = [
    {
        "slug": "demo-slt-handboken",
        "title": "SLT-håndboken (demofil)",
        "kind": Publication.Kind.HANDBOOK,
        "published_on": dt.date(2024, 1, 15),
        "summary": "Plassholder for SLT-håndboken: en håndbok for SLT-koordinatorer om hvordan kommunen "  # noqa: E501
        "organiserer det rus- og kriminalitetsforebyggende arbeidet. Dette er en demofil.",
    },
    {
        "slug": "demo-tryggere-naermiljoer",
        "title": "Tryggere nærmiljøer (demofil)",
        "kind": Publication.Kind.HANDBOOK,
        "published_on": dt.date(2023, 6, 1),
        "summary": "Plassholder for håndboken om kriminalitetsforebygging og fysiske omgivelser, for "  # noqa: E501
        "planleggere og politikere. Dette er en demofil.",
    },
]
LOCAL = [
    {
        "slug": "demo-handlingsplan-slt-bergen",
        "title": "Handlingsplan for SLT 2025–2028 (demofil)",
        "kind": Publication.Kind.ACTION_PLAN,
        "published_on": dt.date(2025, 2, 1),
        "summary": "Eksempel på en lokal handlingsplan med mål, tiltak og årshjul. Fiktivt innhold.",  # noqa: E501
    },
    {
        "slug": "demo-arsrapport-slt-bergen",
        "title": "Årsrapport SLT 2024 (demofil)",
        "kind": Publication.Kind.ANNUAL_REPORT,
        "published_on": dt.date(2025, 3, 1),
        "is_restricted": True,
        "summary": "Eksempel på en lokal årsrapport, bare synlig for koordinatorer. Fiktivt innhold.",  # noqa: E501
    },
]


def _pdf(title: str) -> ContentFile:
    data = placeholder_pdf(
        f"DEMOFIL: {title}",
        [
            "Dette er en generert plassholder i SLT-portalens demodata.",
            "Den er ikke den ekte publikasjonen.",
        ],
    )
    return ContentFile(data, name=f"{title}.pdf")


def _create(data: dict, *, unit, by) -> bool:
    if Publication.objects.filter(slug=data["slug"]).exists():
        return False
    publication = Publication(unit=unit, **data)
    publication_save(
        publication=publication,
        by=by,
        uploaded=_pdf(data["title"]),
        themes=list(Theme.objects.all()[:2]),
    )
    return True


def load(*, log):
    admin = User.objects.filter(email__iexact=DEMO_ADMIN_EMAIL).first()
    created = sum(_create(data, unit=None, by=admin) for data in NATIONAL)
    unit = SLTUnit.objects.filter(slug="bergen").first()
    if unit is not None:
        created += sum(_create(data, unit=unit, by=admin) for data in LOCAL)
    log(f"  demo publications: {created} new")
    if not NewsArticle.objects.filter(slug="demo-velkommen-til-slt-portalen").exists():
        news_article_save(
            article=NewsArticle(
                slug="demo-velkommen-til-slt-portalen",
                title="Velkommen til SLT-portalen (demo)",
                language=NewsArticle.Language.NB,
                lead="SLT-portalen samler koordinatoroversikt, tiltak, dokumenter og arrangementer på ett sted.",  # noqa: E501
                body="## Hva finner du her?\n\nDette er en demoartikkel. Portalen samler SLT-håndboken, "  # noqa: E501
                "lokale planer, tiltak og arrangementer.\n\n## Si fra\n\nBruk kontaktskjemaet.",
                publish_at=timezone.now() - dt.timedelta(days=1),
            ),
            by=admin,
        )
        log("  demo news: 1")
