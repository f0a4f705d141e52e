from django.contrib import admin
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import AuditedAdminMixin, ReadOnlyAdminMixin

from .models import Classification, Measure, Theme


# Themes and classifications are edited at /sfk/lister/ through the services (audited); read-only here.
@admin.register(Theme)
class ThemeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["name", "name_nn", "name_en", "slug", "sort_order", "retired_at"]


@admin.register(Classification)
class ClassificationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "name_nn", "name_en", "slug", "sort_order", "retired_at"]
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
