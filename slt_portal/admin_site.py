from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from accounts import two_factor


class SltAdminSite(admin.AdminSite):
    """Django admin for Sfk admins only, after the two-factor step; a logged-in coordinator gets
    403, not a login form. (TwoFactorMiddleware already redirects a half-logged-in admin; this is
    the admin's own check of the same rule.)"""

    site_header = _("SLT-portalen – administrasjon")
    site_title = _("SLT-portalen")

    def has_permission(self, request):
        user = request.user
        return user.is_active and getattr(user, "is_sfk_admin", False) and two_factor.is_verified(user)

    def login(self, request, extra_context=None):
        user = request.user
        if user.is_authenticated and getattr(user, "is_sfk_admin", False) and not two_factor.is_verified(user):
            return redirect(two_factor.step_url(request, user))
        if request.user.is_authenticated and not self.has_permission(request):
            raise PermissionDenied
        return super().login(request, extra_context)
