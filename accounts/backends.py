from django.contrib.auth.backends import BaseBackend, ModelBackend


class EmailBackend(ModelBackend):
    """ModelBackend with case-insensitive e-mail lookup (via UserManager.get_by_natural_key)."""


class SfkAdminPermissionBackend(BaseBackend):
    """Sfk admins hold every permission, as superusers do; the rule lives in one place."""

    def has_perm(self, user_obj, perm, obj=None):
        return bool(getattr(user_obj, "is_sfk_admin", False))

    def has_module_perms(self, user_obj, app_label):
        return bool(getattr(user_obj, "is_sfk_admin", False))
