"""The Django admin (superusers only, an emergency tool) for accounts, roles, lockouts and
two-factor devices: read-only, since services own these writes (invitations, the Sfk user pages,
the lockout list, the two-factor pages). Third-party admins are re-registered read-only here."""

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin as BaseStaticDeviceAdmin
from django_otp.plugins.otp_static.admin import StaticTokenInline as BaseStaticTokenInline
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin as BaseTOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.admin import ReadOnlyAdminMixin
from core.audit import record

from .models import User
from .services import audit_log


@admin.register(User)
class UserAdmin(ReadOnlyAdminMixin, BaseUserAdmin):
    # Accounts come from invitations and change on the Sfk user pages (/konto/brukere/: role,
    # deactivate, anonymise) and "Min side"; they are never deleted (history and audit entries
    # keep their actor).
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


def _read_only(model, base):
    """Register a third-party admin again, read-only."""
    admin.site.unregister(model)
    admin.site.register(model, type(base.__name__, (ReadOnlyAdminMixin, base), {"__module__": __name__}))


_read_only(Group, BaseGroupAdmin)  # the Sfk-admin role is given on /konto/brukere/
_read_only(AccessAttempt, AccessAttemptAdmin)  # lockouts are cleared on /konto/sperringer/ (audited)
_read_only(AccessLog, AccessLogAdmin)
_read_only(AccessFailureLog, AccessFailureLogAdmin)


class _DeviceAdminMixin(ReadOnlyAdminMixin):
    """Two-factor devices are only deleted here: the emergency reset of someone's lost
    authenticator (as `manage.py reset_two_factor` does); each deletion is audited."""

    allow_delete = True

    def _record_reset(self, request, device) -> None:
        record(request.user, "accounts.user.two_factor_reset", device.user, {"two_factor_device": [device.name, None]})
        audit_log.info("accounts.user.two_factor_reset user=%s by=%s", device.user_id, request.user.pk)

    def delete_model(self, request, obj):
        self._record_reset(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for device in queryset.select_related("user"):
            self._record_reset(request, device)
        super().delete_queryset(request, queryset)


class StaticTokenInline(ReadOnlyAdminMixin, BaseStaticTokenInline):
    pass


# Neither shows a secret: OTP_ADMIN_HIDE_SENSITIVE_DATA hides keys, QR codes and recovery codes.
for _model, _base, _extra in [
    (TOTPDevice, BaseTOTPDeviceAdmin, {}),
    (StaticDevice, BaseStaticDeviceAdmin, {"inlines": [StaticTokenInline]}),
]:
    admin.site.unregister(_model)
    admin.site.register(_model, type(_base.__name__, (_DeviceAdminMixin, _base), {"__module__": __name__, **_extra}))
