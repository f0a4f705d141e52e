import functools

from django.contrib import admin, messages
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.db import DataError, transaction
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from accounts import two_factor

# What hostile list-filter parameters raise (a NUL byte, a 30-digit year or id) in a change list,
# while the filters are applied, counted or rendered. None of these is a server fault.
FILTER_ERRORS = (ValidationError, ValueError, OverflowError, DataError)


def _bad_filters_are_400(view):
    """A change list answers 400 (the site's 400 page) instead of 500 when its query string holds
    values its filters cannot use. Django's ChangeList only catches some of them (IncorrectLookupParameters);
    others surface while counting or rendering, so the response is rendered inside the guard."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            # A savepoint, so that a database error leaves the connection usable (PostgreSQL).
            with transaction.atomic():
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                    response.render()
        except FILTER_ERRORS as error:
            raise BadRequest("Invalid list filter parameters") from error
        return response

    return wrapped


class SltAdminSite(admin.AdminSite):
    """Django admin for superusers only, after the two-factor step: an emergency tool, read-only
    where a service owns the write. Sfk admins who are not superusers do every task in the portal
    and are sent to the Sfk workspace (/sfk/); other logged-in users get 403, not a login form.
    (TwoFactorMiddleware already redirects a half-logged-in admin; this is the admin's own check.)"""

    site_header = _("SLT-portalen – administrasjon")
    site_title = _("SLT-portalen")

    def has_permission(self, request):
        user = request.user
        return user.is_active and user.is_superuser and two_factor.is_verified(user)

    def login(self, request, extra_context=None):
        user = request.user
        if user.is_authenticated and getattr(user, "is_sfk_admin", False) and not two_factor.is_verified(user):
            return redirect(two_factor.step_url(request, user))
        if user.is_authenticated and not self.has_permission(request):
            if getattr(user, "is_sfk_admin", False):
                notice = _("Django-administrasjonen er bare for superbrukere. Alle Sfk-oppgavene finner du her.")
                messages.info(request, notice)
                return redirect("sfk_dashboard")
            raise PermissionDenied
        return super().login(request, extra_context)

    def admin_view(self, view, cacheable=False):
        # Every ModelAdmin's views pass through here, third-party ones (axes, tasks, history) included.
        if getattr(view, "__name__", "") == "changelist_view":
            view = _bad_filters_are_400(view)
        return super().admin_view(view, cacheable)
