from django.contrib import admin
from django.db import models
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import AuditedAdminMixin, ReadOnlyAdminMixin

from .models import Coordinator, County, District, Invitation, Municipality, SLTUnit, UnitDistrict, UnitMunicipality


class _ReferenceDataAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Counties, municipalities and districts come from `manage.py load_municipalities`; no page of
    the portal edits them, so a correction (a new municipality after a reform) is made here, audited.
    Never deleted: units and history refer to them (a municipality ends with `valid_to`)."""

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(County)
class CountyAdmin(_ReferenceDataAdmin):
    list_display = ["number", "name"]


@admin.register(Municipality)
class MunicipalityAdmin(_ReferenceDataAdmin):
    list_display = ["number", "name", "county", "valid_from", "valid_to"]
    list_filter = ["county"]
    search_fields = ["name", "official_name", "number"]


@admin.register(District)
class DistrictAdmin(_ReferenceDataAdmin):
    list_display = ["number", "name", "municipality"]


class _ReadOnlyInline(ReadOnlyAdminMixin, admin.TabularInline):
    """Memberships change only through services.unit_save (the unit pages), which keeps
    `is_current` in step with the unit's status and checks that members are free."""

    extra = 0
    can_delete = False


class UnitMunicipalityInline(_ReadOnlyInline):
    model = UnitMunicipality


class UnitDistrictInline(_ReadOnlyInline):
    model = UnitDistrict


@admin.register(SLTUnit)
class SLTUnitAdmin(AuditedAdminMixin, ReadOnlyAdminMixin, SimpleHistoryAdmin):
    # Units are created and changed on the unit pages (/sfk/slt-enheter/, services.unit_save); only
    # an empty unit (created by mistake) can be deleted here.
    allow_delete = True
    list_display = ["name", "status", "verified_at"]
    list_filter = ["status"]
    search_fields = ["name"]
    inlines = [UnitMunicipalityInline, UnitDistrictInline]

    def delete_refusal(self, obj):
        # Coordinators, and whatever higher apps keep per unit (publications, measures, ...: found
        # through the reverse relations, so this app names none of them), keep a unit.
        for rel in obj._meta.related_objects:
            own = rel.related_model._meta.app_label == "municipalities" and rel.related_model is not Coordinator
            owning = rel.on_delete in (models.CASCADE, models.PROTECT)  # not SET_NULL references
            if rel.one_to_many and owning and not own and getattr(obj, rel.get_accessor_name()).exists():
                return _(
                    "SLT-enheter med koordinatorer, publikasjoner eller tiltak slettes ikke. Sett status til Avsluttet."
                )
        return ""

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        # django-simple-history calls select_related() without field names when the model tracks
        # no foreign key (a unit tracks none), which Django 6.1 deprecates; the history user is the
        # only relation the page shows.
        return history_manager.filter(**{pk_name: object_id}).select_related("history_user")


@admin.register(Coordinator)
class CoordinatorAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    # Entries are added, changed and ended on the unit pages, linked to accounts by invitations and
    # anonymised from the Sfk user page; never deleted.
    list_display = ["name", "unit", "email", "verified_at", "ended_at"]
    list_filter = ["ended_at"]
    search_fields = ["name", "email", "unit__name"]


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # Sent, resent and revoked through the invitation services (/sfk/).
    list_display = ["email", "coordinator", "created_at", "expires_at", "used_at", "revoked_at"]
    exclude = ["nonce"]
