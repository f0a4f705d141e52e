from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Event


class UpcomingEventsFeed(Feed):
    """Upcoming public events (published and cancelled, the latter marked), soonest first. Links are
    absolute from SITE_URL, never from the request's Host header."""

    description = _("Kommende SLT-konferanser, kurs og samlinger fra Sfk.")

    def title(self):
        return f"{_('Arrangementer')} – {settings.SITE_NAME}"

    def link(self):
        return settings.SITE_URL + reverse("events:list")

    def feed_url(self):
        return settings.SITE_URL + reverse("events:rss")

    def items(self):
        return Event.objects.public().upcoming()[:50]

    def item_title(self, item):
        return f"{item.title} ({_('avlyst')})" if item.is_cancelled else item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return settings.SITE_URL + item.get_absolute_url()

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at
