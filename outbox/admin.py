from django.contrib import admin

from .models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["subject", "created_at", "attempts", "sent_at", "last_error"]
    list_filter = ["sent_at"]
    search_fields = ["subject", "to"]
    readonly_fields = ["to", "subject", "body", "created_at", "attempts", "last_error", "sent_at"]
