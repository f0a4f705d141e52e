from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.admin import AuditedAdminMixin, ReadOnlyAdminMixin

from .models import ContactMessage, InfoPage, NewsArticle, Publication


# Information pages, publications and contact messages are written in the portal (page editor,
# document pages, contact inbox) through services; read-only here.
@admin.register(InfoPage)
class InfoPageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["title", "slug", "sort_order", "updated_at"]


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # Files are uploaded through the portal's form, which checks their content.
    list_display = ["title", "kind", "language", "unit", "published_on", "is_restricted"]
    list_filter = ["kind", "language", "is_restricted"]
    search_fields = ["title", "summary"]
    # The files are in the protected storage, which has no URL (a file widget or Django's read-only
    # display of a file field would ask for one): they are linked through the permission-checking views.
    exclude = ["file", "cover_image"]
    readonly_fields = ["download", "original_filename", "file_type", "file_size", "page_count", "cover"]

    @admin.display(description=_("fil"))
    def download(self, obj):
        if not obj.pk or not obj.file:
            return "–"
        return format_html('<a href="{}">{}</a>', reverse("documents:download", args=[obj.slug]), obj.original_filename)

    @admin.display(description=_("forsidebilde"))
    def cover(self, obj):
        if not obj.pk or not obj.cover_image:
            return "–"
        url = reverse("documents:cover", args=[obj.slug])
        return format_html('<a href="{}">{}</a>', url, url)


@admin.register(NewsArticle)
class NewsArticleAdmin(AuditedAdminMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    # Written on /aktuelt/ny/ and the article's edit page; deleting (no page does it) stays here, audited.
    allow_delete = True
    list_display = ["title", "publish_at", "author"]


@admin.register(ContactMessage)
class ContactMessageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["subject", "name", "email", "created_at", "handled_at"]
    list_filter = ["handled_at"]
