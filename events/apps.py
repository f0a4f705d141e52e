from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _personal_data(*, user) -> dict:
    from .models import Registration

    registrations = Registration.objects.filter(user=user, anonymised_at__isnull=True).select_related("event", "unit")
    return {
        "event_registrations": [
            {
                "event": r.event.title,
                "status": r.status,
                "name": r.name,
                "email": r.email,
                "organisation": r.organisation,
                "unit": r.unit.name if r.unit else None,
                "role": r.role,
                "dietary_needs": r.dietary_needs,
                "accessibility_needs": r.accessibility_needs,
                "consent_participant_list": r.consent_participant_list,
                "created_at": r.created_at.isoformat(),
            }
            for r in registrations
        ]
    }


def _account_links(*, user) -> list:
    from django.urls import reverse

    from accounts.permissions import is_sfk_admin

    links = [(_("Kurs og konferanser"), reverse("events:list"))]
    if is_sfk_admin(user):
        links.append((_("Administrer påmeldinger"), reverse("events:admin_list")))
    return links


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Arrangementer")

    def ready(self):
        from accounts.selectors import ACCOUNT_LINK_PROVIDERS, PERSONAL_DATA_PROVIDERS
        from documents import hooks

        from . import extensions

        PERSONAL_DATA_PROVIDERS.append(_personal_data)
        ACCOUNT_LINK_PROVIDERS.append(_account_links)
        hooks.INFO_PAGE_SECTIONS.append(extensions.accessibility_recordings_section)
        hooks.NEWS_ARTICLE_SECTIONS.append(extensions.news_related_event_section)
        hooks.NEWS_FORM_EXTENSIONS.append(extensions.NewsRelatedEventField())
