from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Arrangementer")

    def ready(self):
        from accounts.services import ACCOUNT_ERASERS

        from .services import account_eraser

        ACCOUNT_ERASERS.append(account_eraser)
        from accounts.selectors import ACCOUNT_LINK_PROVIDERS, PERSONAL_DATA_PROVIDERS
        from documents import hooks

        from . import extensions

        PERSONAL_DATA_PROVIDERS.append(extensions.personal_data)
        ACCOUNT_LINK_PROVIDERS.append(extensions.account_links)
        hooks.INFO_PAGE_SECTIONS.append(extensions.accessibility_recordings_section)
        hooks.NEWS_ARTICLE_SECTIONS.append(extensions.news_related_event_section)
        hooks.NEWS_FORM_EXTENSIONS.append(extensions.NewsRelatedEventField())
