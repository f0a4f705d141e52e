from django.contrib import admin
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.admin import ReadOnlyAdminMixin

from .models import Event, Recording, Registration, Session

# Events, their programme and recordings are written in the Sfk workspace (/sfk/arrangementer/...)
# through the services, which audit every change; the admin only shows them.


class SessionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Session
    extra = 0
    fields = ["position", "starts_at", "ends_at", "title", "speaker", "room"]


class RecordingInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Recording
    extra = 0
    fields = ["title", "session", "speaker", "recorded_on", "video_url", "duration_minutes", "slides", "has_captions"]


@admin.register(Event)
class EventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["title", "kind", "format", "audience", "start", "status", "capacity", "county"]
    list_filter = ["status", "kind", "format", "audience", "county", "language"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["invite_link", "cancelled_at"]
    inlines = [SessionInline, RecordingInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "language", "kind", "summary", "description", "status", "cancelled_at"]}),
        (_("Tid og sted"), {"fields": ["start", "end", "format", "venue_name", "venue_address", "join_url"]}),
        (
            _("Påmelding"),
            {
                "fields": [
                    "audience",
                    "invite_link",
                    "county",
                    "capacity",
                    "registration_opens",
                    "registration_closes",
                    "price_note",
                    "contact_name",
                    "contact_email",
                ]
            },
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Cancelling goes through the service (it notifies the participants), not the status field.
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.is_cancelled:
            fields.append("status")
        return fields

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "status" in form.base_fields:
            form.base_fields["status"].choices = [
                c for c in form.base_fields["status"].choices if c[0] != Event.Status.CANCELLED
            ]
            form.base_fields["status"].help_text = _(
                "Bruk «Avlys» på deltakersiden for å avlyse og varsle de påmeldte."
            )
        return form

    def delete_refusal(self, obj):
        if not obj.is_draft or obj.registrations.exists() or obj.recordings.exists():
            return gettext(
                "«%(title)s» er publisert eller har påmeldinger eller opptak og kan ikke slettes. Avlys det i stedet."
            ) % {"title": obj.title}
        return ""

    @admin.display(description=_("invitasjonslenke"))
    def invite_link(self, obj):
        if obj.pk is None or obj.audience != Event.Audience.INVITED:
            return "–"
        return f"{obj.get_absolute_url()}?invitasjon={obj.invite_token}"


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # Registrations go through the form and the seat-locking services; Sfk approves, declines, moves
    # and marks attendance on the participant list (events:participants).
    list_display = ["name", "email", "event", "status", "created_at", "attended"]
    list_filter = ["status", "event"]
    search_fields = ["name", "email", "organisation"]
    list_select_related = ["event"]
    fields = [
        "event",
        "status",
        "name",
        "email",
        "organisation",
        "unit",
        "role",
        "dietary_needs",
        "accessibility_needs",
        "consent_participant_list",
        "language",
        "attended",
        "user",
        "created_at",
        "confirmed_at",
        "cancelled_at",
        "anonymised_at",
    ]


@admin.register(Recording)
class RecordingAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["title", "event", "recorded_on", "has_captions"]
    list_filter = ["has_captions", "event"]
    search_fields = ["title", "speaker"]
