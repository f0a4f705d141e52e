from django.contrib.auth.backends import BaseBackend, ModelBackend
from django.db.models import Exists, OuterRef

from . import membership
from .models import SFK_ADMIN_GROUP, User


class EmailBackend(ModelBackend):
    """ModelBackend with case-insensitive e-mail lookup (via UserManager.get_by_natural_key)."""

    def get_user(self, user_id):
        """The session's user, read together with what nearly every page then asks about them:
        whether they are an Sfk admin and which units they coordinate (one query instead of three;
        both are kept on the user object for this request only)."""
        groups = User.groups.through.objects.filter(user_id=OuterRef("pk"), group__name=SFK_ADMIN_GROUP)
        users = User._default_manager.annotate(
            in_sfk_admin_group=Exists(groups), member_unit_ids=membership.rule().unit_ids_expression()
        )
        try:
            user = users.get(pk=user_id)
        except User.DoesNotExist:
            return None
        if not self.user_can_authenticate(user):
            return None
        membership.remember_unit_ids(user, user.member_unit_ids)
        return user


class SfkAdminPermissionBackend(BaseBackend):
    """Sfk admins hold every permission, as superusers do; the rule lives in one place."""

    def has_perm(self, user_obj, perm, obj=None):
        return bool(getattr(user_obj, "is_sfk_admin", False))

    def has_module_perms(self, user_obj, app_label):
        return bool(getattr(user_obj, "is_sfk_admin", False))
