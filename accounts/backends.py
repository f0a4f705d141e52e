from django.contrib.auth.backends import BaseBackend, ModelBackend
from django.core.exceptions import ValidationError
from django.db import router
from django.db.models import Exists, OuterRef

from core.sql import prepared

from . import membership
from .models import SFK_ADMIN_GROUP, User


def _session_user(user_id):
    groups = User.groups.through.objects.filter(user_id=OuterRef("pk"), group__name=SFK_ADMIN_GROUP)
    users = User._default_manager.annotate(
        in_sfk_admin_group=Exists(groups), member_unit_ids=membership.rule().unit_ids_expression()
    )
    return users.filter(pk=user_id).order_by()


class EmailBackend(ModelBackend):
    """ModelBackend with case-insensitive e-mail lookup (via UserManager.get_by_natural_key)."""

    def get_user(self, user_id):
        """The session's user, read together with what nearly every page then asks about them:
        whether they are an Sfk admin and which units they coordinate (one query instead of three;
        both are kept on the user object for this request only). The query runs on every logged-in
        request, so it is compiled once per process (core.sql.prepared)."""
        try:
            user_id = User._meta.pk.to_python(user_id)
        except ValidationError:  # a malformed id in the session: no user, as a failed lookup
            return None
        using = router.db_for_read(User)
        sql, params = prepared("accounts.session-user", _session_user, user_id, using=using)
        user = next(iter(User._default_manager.db_manager(using).raw(sql, params)), None)
        if user is None or not self.user_can_authenticate(user):
            return None
        membership.remember_unit_ids(user, user.member_unit_ids)
        return user


class SfkAdminPermissionBackend(BaseBackend):
    """Sfk admins hold every permission, as superusers do; the rule lives in one place."""

    def has_perm(self, user_obj, perm, obj=None):
        return bool(getattr(user_obj, "is_sfk_admin", False))

    def has_module_perms(self, user_obj, app_label):
        return bool(getattr(user_obj, "is_sfk_admin", False))
