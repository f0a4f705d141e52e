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
class MeasureAdmin(AuditedAdminMixin, ReadOnlyAdminMixin, SimpleHistoryAdmin):
    # Writes belong in the service layer (the portal's measure pages); only a draft can be deleted here.
    allow_delete = True
    list_display = ["title", "unit", "state", "status", "ungsinn_level", "updated_at"]
    list_filter = ["state", "status"]
    search_fields = ["title", "summary"]
    list_select_related = ["unit"]

    def delete_refusal(self, obj):
        if obj.state != Measure.State.DRAFT:
            return _("«%(title)s» er publisert eller arkivert. Tiltak med innhold arkiveres, de slettes ikke.") % {
                "title": obj.title
            }
        return ""
