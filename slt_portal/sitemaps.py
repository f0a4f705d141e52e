"""sitemap.xml: every public page in bokmål, nynorsk and English, each with its hreflang
alternates (x-default: bokmål, which has no language prefix) and, where the content knows it,
when it last changed. Absolute URLs come from SITE_URL, never from the request's Host header.

Only what anyone may see: published measures, unrestricted publications, published news, public
(published or cancelled) events. Drafts, restricted documents, account and admin pages are left out.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from documents.models import InfoPage, NewsArticle, Publication
from events.models import Event
from measures.models import Measure
from municipalities.models import Municipality, SLTUnit


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class UpdatedSitemap(PortalSitemap):
    def lastmod(self, item):
        return item.updated_at


class SectionSitemap(PortalSitemap):
    """The fixed pages: home, the directory, and the lists of measures, documents, news and events."""

    priority = 0.8
    url_names = [
        "home",
        "municipalities:search",
        "municipalities:counties",
        "municipalities:coverage",
        "measures:list",
        "documents:library",
        "documents:news_list",
        "events:list",
        "events:past",
        "events:recordings",
        "documents:contact",
    ]

    def items(self):
        return self.url_names

    def location(self, item):
        return reverse(item)


class InfoPageSitemap(UpdatedSitemap):
    def items(self):
        # The contact page's text is an information page, but its address is the contact form's.
        return InfoPage.objects.exclude(slug="kontakt").order_by("sort_order", "slug")


class MunicipalitySitemap(PortalSitemap):
    def items(self):
        return Municipality.objects.current().only("number").order_by("number")

    def location(self, item):
        return reverse("municipalities:municipality", kwargs={"number": item.number})


class UnitSitemap(UpdatedSitemap):
    def items(self):
        return SLTUnit.objects.only("slug", "updated_at").order_by("slug")


class MeasureSitemap(UpdatedSitemap):
    def items(self):
        return Measure.objects.published().only("pk", "slug", "updated_at").order_by("pk")


class PublicationSitemap(UpdatedSitemap):
    def items(self):
        return Publication.objects.filter(is_restricted=False).only("slug", "updated_at").order_by("pk")


class NewsSitemap(UpdatedSitemap):
    def items(self):
        return NewsArticle.objects.published().only("slug", "updated_at").order_by("pk")


class EventSitemap(UpdatedSitemap):
    def items(self):
        return Event.objects.public().only("slug", "updated_at").order_by("pk")


SITEMAPS = {
    "sections": SectionSitemap,
    "pages": InfoPageSitemap,
    "municipalities": MunicipalitySitemap,
    "units": UnitSitemap,
    "measures": MeasureSitemap,
    "publications": PublicationSitemap,
    "news": NewsSitemap,
    "events": EventSitemap,
}
