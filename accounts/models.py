from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.text import normalize_email

SFK_ADMIN_GROUP = "Sfk-admin"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        # Addresses are stored normalised (core.text.normalize_email) and compared exactly: never
        # with the database's case folding, which differs from Python's (see normalize_email).
        return self.get(email=normalize_email(username))

    @classmethod
    def normalize_email(cls, email):
        return normalize_email(email or "")

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("E-mail is required")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra["is_superuser"] = True
        extra["is_staff"] = True
        return self._create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in: an Sfk admin or an SLT coordinator. Login is the e-mail address."""

    email = models.EmailField(_("e-post"), max_length=254)
    full_name = models.CharField(_("fullt navn"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("foretrukket språk"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="nb",
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    is_staff = models.BooleanField(_("teknisk administrator"), default=False)
    date_joined = models.DateTimeField(_("registrert"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("bruker")
        verbose_name_plural = _("brukere")
        ordering = ["full_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]
        permissions = [("sfk_admin", "Sfk admin: manages the whole portal")]

    def __str__(self):
        return self.full_name or self.email

    @classmethod
    def normalize_username(cls, username):
        # AbstractBaseUser.clean() normalises the login field with this (forms, the admin).
        return normalize_email(username or "")

    def save(self, *args, **kwargs):
        # The stored form is what login, lockout and uniqueness compare exactly, so it must hold
        # for every write path (services, the admin, fixtures), not only for forms that call clean().
        self.email = normalize_email(self.email or "")
        super().save(*args, **kwargs)

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @cached_property
    def is_sfk_admin(self) -> bool:
        if not self.is_active:
            return False
        if self.is_superuser:
            return True
        in_group = getattr(self, "in_sfk_admin_group", None)  # read with the user (accounts.backends)
        if in_group is not None:
            return bool(in_group)
        return self.groups.filter(name=SFK_ADMIN_GROUP).exists()
