from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Coordinator, County, District, Invitation, Municipality, SLTUnit, UnitDistrict, UnitMunicipality


@admin.register(County)
class CountyAdmin(admin.ModelAdmin):
    list_display = ["number", "name"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "county", "valid_from", "valid_to"]
    list_filter = ["county"]
    search_fields = ["name", "official_name", "number"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "municipality"]


class UnitMunicipalityInline(admin.TabularInline):
    model = UnitMunicipality
    extra = 0
    autocomplete_fields = ["municipality"]


class UnitDistrictInline(admin.TabularInline):
    model = UnitDistrict
    extra = 0


@admin.register(SLTUnit)
class SLTUnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "status", "verified_at"]
    list_filter = ["status"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [UnitMunicipalityInline, UnitDistrictInline]


@admin.register(Coordinator)
class CoordinatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit", "email", "verified_at", "ended_at"]
    list_filter = ["ended_at"]
    search_fields = ["name", "email", "unit__name"]
    raw_id_fields = ["user"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "coordinator", "created_at", "expires_at", "used_at", "revoked_at"]
    readonly_fields = ["nonce"]
