from django.contrib import admin
from django.db import models
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import AuditedAdminMixin

from .models import Coordinator, County, District, Invitation, Municipality, SLTUnit, UnitDistrict, UnitMunicipality


@admin.register(County)
class CountyAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["number", "name"]


@admin.register(Municipality)
class MunicipalityAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["number", "name", "county", "valid_from", "valid_to"]
    list_filter = ["county"]
    search_fields = ["name", "official_name", "number"]


@admin.register(District)
class DistrictAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["number", "name", "municipality"]


class _ReadOnlyInline(admin.TabularInline):
    """Memberships change only through services.unit_save (the unit pages), which keeps
    `is_current` in step with the unit's status and checks that members are free."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class UnitMunicipalityInline(_ReadOnlyInline):
    model = UnitMunicipality


class UnitDistrictInline(_ReadOnlyInline):
    model = UnitDistrict


@admin.register(SLTUnit)
class SLTUnitAdmin(AuditedAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "status", "verified_at"]
    list_filter = ["status"]
    search_fields = ["name"]
    inlines = [UnitMunicipalityInline, UnitDistrictInline]
    # Status, slug and members go through the unit pages (/sfk/slt-enheter/), never around the service.
    readonly_fields = ["status", "slug"]

    def has_add_permission(self, request):
        return False

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
class CoordinatorAdmin(AuditedAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "unit", "email", "verified_at", "ended_at"]
    list_filter = ["ended_at"]
    search_fields = ["name", "email", "unit__name"]
    # Linking accounts and ending an entry go through the invitation and "has left" services.
    readonly_fields = ["user", "ended_at"]

    def has_add_permission(self, request):
        return False

    def delete_refusal(self, obj):
        return _(
            "Koordinatorer slettes ikke: bruk «Har sluttet» på enhetens side, eller anonymiser personen "
            "fra brukersiden (/konto/brukere/) når de ber om at opplysningene slettes."
        )


@admin.register(Invitation)
class InvitationAdmin(AuditedAdminMixin, admin.ModelAdmin):
    public_content = False
    audit_exclude = ("nonce",)
    list_display = ["email", "coordinator", "created_at", "expires_at", "used_at", "revoked_at"]
    readonly_fields = ["nonce"]
