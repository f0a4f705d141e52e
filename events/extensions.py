"""What events adds to pages of lower apps (documents), through their hooks; registered in apps.py."""

from django import forms
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_sfk_admin
from accounts.selectors import field_labels

from .models import Event, Registration
from .selectors import recordings_without_captions
from .tokens import registration_token

ACCESSIBILITY_PAGE_SLUG = "tilgjengelighet"


def accessibility_recordings_section(*, slug, request) -> str:
    """The accessibility statement lists the recordings that lack captions."""
    if slug != ACCESSIBILITY_PAGE_SLUG:
        return ""
    return render_to_string(
        "events/includes/uncaptioned_recordings.html",
        {"uncaptioned": list(recordings_without_captions())},
        request=request,
    )


def news_related_event_section(*, article, user) -> str:
    """A news article links the public event it is about."""
    event = Event.objects.public().filter(news_articles=article).order_by("start").first()
    if event is None:
        return ""
    return render_to_string("events/includes/news_related_event.html", {"event": event})


class NewsRelatedEventField:
    """The "related event" choice on the news article form (documents.hooks.NEWS_FORM_EXTENSIONS)."""

    name = "related_event"

    def contribute(self, form) -> None:
        field = forms.ModelChoiceField(
            queryset=Event.objects.public().order_by("-start"),
            required=False,
            empty_label=_("Ingen"),
            label=_("relatert arrangement"),
        )
        form.fields[self.name] = field
        if form.instance.pk and not form.is_bound:
            form.initial[self.name] = (
                form.instance.related_events.order_by("start").values_list("pk", flat=True).first()
            )

    def save(self, form, article) -> None:
        event = form.cleaned_data.get(self.name)
        article.related_events.set([event] if event else [])


def personal_data(*, user) -> dict:
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


def personal_data_labels() -> dict:
    fields = (
        "event", "status", "name", "email", "organisation", "unit", "role", "dietary_needs",
        "accessibility_needs", "consent_participant_list", "created_at",
    )  # fmt: skip
    return {
        "event_registrations": {
            "title": _("Påmeldinger til arrangementer"),
            "fields": field_labels(Registration, *fields),
            "choices": {"status": dict(Registration.Status.choices)},
        }
    }


def account_registrations_section(*, user, request) -> str:
    """ "Min side" lists the user's registrations, each with a link to its personal page."""
    registrations = list(
        Registration.objects.filter(user=user, anonymised_at__isnull=True)
        .select_related("event")
        .order_by("-event__start", "-pk")
    )
    if not registrations:
        return ""
    rows = [
        (registration, reverse("events:registration", args=[registration_token(registration)]))
        for registration in registrations
    ]
    return render_to_string("events/includes/account_registrations.html", {"rows": rows}, request=request)


def account_links(*, user) -> list:
    links = [(_("Kurs og konferanser"), reverse("events:list"))]
    if is_sfk_admin(user):
        links.append((_("Administrer påmeldinger"), reverse("events:admin_list")))
    return links
