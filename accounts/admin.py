from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "preferred_language", "is_active", "last_login"]
    search_fields = ["email", "full_name"]
    list_filter = ["is_active", "groups", "preferred_language"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profil"), {"fields": ["full_name", "preferred_language"]}),
        (_("Tilgang"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Datoer"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]

    def has_delete_permission(self, request, obj=None):
        # Accounts are deactivated, never deleted (history and audit entries keep their actor);
        # a person's request to delete their data anonymises it (/konto/brukere/<id>/).
        return False
