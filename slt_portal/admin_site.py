from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _


class SltAdminSite(admin.AdminSite):
    """Django admin for Sfk admins only; a logged-in coordinator gets 403, not a login form."""

    site_header = _("SLT-portalen – administrasjon")
    site_title = _("SLT-portalen")

    def has_permission(self, request):
        return request.user.is_active and getattr(request.user, "is_sfk_admin", False)

    def login(self, request, extra_context=None):
        if request.user.is_authenticated and not self.has_permission(request):
            raise PermissionDenied
        return super().login(request, extra_context)
