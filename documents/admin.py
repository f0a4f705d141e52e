from django.contrib import admin

from core.admin import AuditedAdminMixin

from .models import ContactMessage, InfoPage, NewsArticle, Publication


@admin.register(InfoPage)
class InfoPageAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "slug", "sort_order", "updated_at"]


@admin.register(Publication)
class PublicationAdmin(AuditedAdminMixin, admin.ModelAdmin):
    # Files are uploaded through the portal's form, which checks their content.
    list_display = ["title", "kind", "language", "unit", "published_on", "is_restricted"]
    list_filter = ["kind", "language", "is_restricted"]
    search_fields = ["title", "summary"]
    readonly_fields = ["file", "original_filename", "file_type", "file_size", "page_count"]
    raw_id_fields = ["replaces", "unit"]
    # Used by measures, news or a newer edition: deleting it would silently cut those links.
    protect_when_referenced = True


@admin.register(NewsArticle)
class NewsArticleAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "publish_at", "author"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    list_display = ["subject", "name", "email", "created_at", "handled_at"]
    list_filter = ["handled_at"]
