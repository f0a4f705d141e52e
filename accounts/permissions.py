"""The one permission rule of the portal.

- 404 when the user may not see an object at all: views fetch through a scoped queryset
  (e.g. ``get_object_or_404(Measure.objects.visible_to(user), pk=pk)``), never unscoped.
- 403 when the user may see the object but not change it: ``check_can_change(user, obj)``.
- Anonymous users on write views are sent to the login page.

Objects owned by an SLT unit expose the owning unit's id as ``unit_id`` (an ``SLTUnit`` is its
own owner). Objects with no owning unit (national content) are changed by Sfk admins only.
"""

from functools import wraps

from django.contrib.auth.mixins import AccessMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from . import membership


def is_sfk_admin(user) -> bool:
    return bool(user.is_authenticated and getattr(user, "is_sfk_admin", False))


def coordinator_unit_ids(user) -> frozenset[int]:
    """Ids of the SLT units the user coordinates (the membership rule registered by municipalities)."""
    return membership.unit_ids(user)


def is_coordinator(user) -> bool:
    return bool(coordinator_unit_ids(user))


def owner_unit_id(obj) -> int | None:
    """The owning unit's id: `owner_unit_id` where the object defines it (a unit owns itself), else `unit_id`."""
    owner = getattr(obj, "owner_unit_id", None)
    return owner if owner is not None else getattr(obj, "unit_id", None)


def can_change(user, obj) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if is_sfk_admin(user):
        return True
    unit_id = owner_unit_id(obj)
    return unit_id is not None and unit_id in coordinator_unit_ids(user)


def check_can_change(user, obj) -> None:
    """Raise PermissionDenied (403) unless the user may change this (visible) object."""
    if not can_change(user, obj):
        raise PermissionDenied


def _allowed(request, test) -> bool:
    """True when allowed, False for anonymous users (→ login); PermissionDenied (403) otherwise."""
    if not request.user.is_authenticated:
        return False
    if not test(request.user):
        raise PermissionDenied
    return True


def _decorator(test):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not _allowed(request, test):
                return redirect_to_login(request.get_full_path())
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class RoleRequiredMixin(AccessMixin):
    """For class-based views: the same check as the decorators. Set `role_test` to
    `is_sfk_admin` or `is_member` (anonymous → login, wrong role → 403)."""

    role_test = None

    def dispatch(self, request, *args, **kwargs):
        if not _allowed(request, type(self).role_test):
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)


def _is_member(user) -> bool:
    return is_sfk_admin(user) or is_coordinator(user)


is_member = _is_member  # coordinators and Sfk admins
sfk_admin_required = _decorator(is_sfk_admin)
coordinator_required = _decorator(_is_member)
