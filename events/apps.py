from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Arrangementer")

    def ready(self):
        from accounts.selectors import (
            ACCOUNT_LINK_PROVIDERS,
            ACCOUNT_SECTIONS,
            PERSONAL_DATA_LABELS,
            PERSONAL_DATA_PROVIDERS,
        )
        from accounts.services import ACCOUNT_ERASERS
        from documents import hooks

        from . import extensions
        from .services import account_eraser

        ACCOUNT_ERASERS.append(account_eraser)

        PERSONAL_DATA_PROVIDERS.append(extensions.personal_data)
        PERSONAL_DATA_LABELS.update(extensions.personal_data_labels())
        ACCOUNT_SECTIONS.append(extensions.account_registrations_section)
        ACCOUNT_LINK_PROVIDERS.append(extensions.account_links)
        hooks.INFO_PAGE_SECTIONS.append(extensions.accessibility_recordings_section)
        hooks.NEWS_ARTICLE_SECTIONS.append(extensions.news_related_event_section)
        hooks.NEWS_FORM_EXTENSIONS.append(extensions.NewsRelatedEventField())
