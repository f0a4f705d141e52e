"""Demo users. The addresses use example.no and the names are invented."""

from django.contrib.auth.models import Group

from .models import SFK_ADMIN_GROUP, User

DEMO_PASSWORD = "demo-slt-2026"
DEMO_ADMIN_EMAIL = "sfk-admin@example.no"
DEMO_COORDINATOR_EMAIL = "koordinator@example.no"


def ensure_user(*, email: str, full_name: str, admin: bool = False) -> User:
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, full_name=full_name)
    if admin:
        user.groups.add(Group.objects.get_or_create(name=SFK_ADMIN_GROUP)[0])
    return user


def ensure_authenticator(user: User) -> None:
    """Sfk admins need two-factor login: the demo admin gets an authenticator whose current code
    `manage.py demo_otp` prints."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        TOTPDevice.objects.create(user=user, name="demo", confirmed=True)


def load(*, log):
    admin = ensure_user(email=DEMO_ADMIN_EMAIL, full_name="Demo Sfk-administrator", admin=True)
    ensure_authenticator(admin)
    ensure_user(email=DEMO_COORDINATOR_EMAIL, full_name="Demo Koordinator")
    log("  demo users: 2")
