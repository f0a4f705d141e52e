import datetime as dt

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from documents.models import NewsArticle, Publication
from documents.pdfgen import placeholder_pdf
from measures.models import Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"tema-{n}")
    name = factory.Sequence(lambda n: f"Tema {n}")
    name_nn = factory.LazyAttribute(lambda o: f"{o.name} (nn)")
    name_en = factory.LazyAttribute(lambda o: f"{o.name} (en)")


class PublicationFactory(factory.django.DjangoModelFactory):
    """A publication with a small generated PDF in the protected storage."""

    class Meta:
        model = Publication

    title = factory.Sequence(lambda n: f"Publikasjon {n}")
    slug = factory.Sequence(lambda n: f"publikasjon-{n}")
    kind = Publication.Kind.HANDBOOK
    language = Publication.Language.NB
    summary = "Et sammendrag."
    published_on = factory.Sequence(lambda n: dt.date(2020, 1, 1) + dt.timedelta(days=n))
    file = factory.LazyAttribute(lambda o: ContentFile(placeholder_pdf(o.title), name="generert.pdf"))
    original_filename = "Originalt navn.pdf"
    file_type = "pdf"
    file_size = 1000
    page_count = 1


class NewsArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsArticle

    title = factory.Sequence(lambda n: f"Nyhet {n}")
    slug = factory.Sequence(lambda n: f"nyhet-{n}")
    lead = "En ingress."
    body = "## Mellomtittel\n\nTekst."
    publish_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))
