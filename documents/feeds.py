from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core.http import site_url

from .models import NewsArticle


class NewsFeed(Feed):
    """Published news only (scheduled articles appear when their time comes). Links are absolute
    from SITE_URL, never from the request's Host header."""

    description = _("Nyheter fra SLT-arbeidet og Sekretariatet for konfliktrådene.")
    url_name = "documents:news_rss"

    # Absolute links from SITE_URL: Django would otherwise add the request's Host header.
    def feed_url(self):
        return site_url(reverse(self.url_name))

    def item_link(self, item):
        return site_url(item.get_absolute_url())

    def title(self):
        return f"{_('Aktuelt')} – {settings.SITE_NAME}"

    def link(self):
        return site_url(reverse("documents:news_list"))

    def items(self):
        return NewsArticle.objects.published().select_related("author").order_by("-publish_at")[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author.full_name if item.author and item.author.full_name else settings.SITE_NAME


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    url_name = "documents:news_atom"
    subtitle = NewsFeed.description
