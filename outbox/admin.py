from django.contrib import admin

from core.admin import ReadOnlyAdminMixin

from .models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # Sfk reads and retries messages at /sfk/e-post/ (the retry is audited there).
    list_display = ["subject", "created_at", "attempts", "sent_at", "last_error"]
    list_filter = ["sent_at"]
    search_fields = ["subject", "to"]
    readonly_fields = ["to", "subject", "body", "created_at", "attempts", "last_error", "sent_at"]
