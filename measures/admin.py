from django.contrib import admin
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import AuditedAdminMixin

from .models import Classification, Measure, Theme


@admin.register(Theme)
class ThemeAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "name_nn", "name_en", "slug", "sort_order"]
    # A theme in use (a published measure's only theme, a publication's) is kept.
    protect_when_referenced = True


@admin.register(Classification)
class ClassificationAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "name_nn", "name_en", "slug", "sort_order"]
    list_filter = ["kind"]


@admin.register(Measure)
class MeasureAdmin(AuditedAdminMixin, SimpleHistoryAdmin):
    # Writes belong in the service layer; admins use the portal's own pages to edit.
    list_display = ["title", "unit", "state", "status", "ungsinn_level", "updated_at"]
    list_filter = ["state", "status"]
    search_fields = ["title", "summary"]
    list_select_related = ["unit"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_refusal(self, obj):
        if obj.state != Measure.State.DRAFT:
            return _("«%(title)s» er publisert eller arkivert. Tiltak med innhold arkiveres, de slettes ikke.") % {
                "title": obj.title
            }
        return ""
