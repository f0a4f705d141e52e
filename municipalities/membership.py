"""The unit-membership rule: a user is a member of an SLT unit while they have an active
coordinator entry in it. Registered with `accounts.membership` when the apps load; everything
that asks "is this user a member of this unit" goes through here or through accounts.permissions."""

from django.db.models import CharField, Exists, OuterRef, Prefetch, StringAgg, Subquery, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts import membership as account_membership
from accounts.permissions import is_coordinator, is_sfk_admin
from accounts.selectors import field_labels

from .models import Coordinator, SLTUnit


class CoordinatorMembership:
    """The rule as `accounts.membership.MembershipRule`."""

    def unit_ids(self, user) -> frozenset[int]:
        return frozenset(Coordinator.objects.active().filter(user=user).values_list("unit_id", flat=True))

    def unit_ids_expression(self):
        entries = Coordinator.objects.active().filter(user_id=OuterRef("pk")).order_by().values("user_id")
        ids = entries.annotate(ids=StringAgg(Cast("unit_id", CharField()), Value(","))).values("ids")
        return Subquery(ids)

    def has_active_entry(self):
        return Exists(Coordinator.objects.active().filter(user_id=OuterRef("pk")))

    def active_entries_prefetch(self, to_attr: str):
        return Prefetch(
            "coordinator_entries",
            queryset=Coordinator.objects.active().select_related("unit").order_by("unit__name"),
            to_attr=to_attr,
        )

    def entries(self, user):
        return Coordinator.objects.filter(user=user).select_related("unit").order_by("ended_at", "unit__name")


def member_unit_ids(user) -> frozenset[int]:
    """Ids of the units the user is a member of (cached on the user for the request)."""
    return account_membership.unit_ids(user)


def is_member(user, unit) -> bool:
    unit_id = unit if isinstance(unit, int) else unit.pk
    return unit_id in member_unit_ids(user)


def member_units(user):
    """The units the user is a member of, as a queryset."""
    return SLTUnit.objects.filter(pk__in=member_unit_ids(user))


def member_entry(user, *, units=None):
    """The user's first active coordinator entry (optionally among some units), with its unit, or None."""
    if not user or not user.is_authenticated:
        return None
    entries = Coordinator.objects.active().filter(user=user).select_related("unit")
    if units is not None:
        entries = entries.filter(unit__in=units)
    return entries.order_by("pk").first()


def personal_data(*, user) -> dict:
    """The user's coordinator entries for the 'your data' page (accounts' PERSONAL_DATA_PROVIDERS)."""
    return {
        "coordinator_entries": [
            {
                "unit": c.unit.name,
                "name": c.name,
                "title": c.title,
                "position_percent": c.position_percent,
                "employer": c.employer,
                "org_placement": c.org_placement,
                "email": c.email,
                "phone": c.phone,
                "has_photo": bool(c.photo),
                "is_public": c.is_public,
                "verified_at": c.verified_at.isoformat() if c.verified_at else None,
                "ended_at": c.ended_at.isoformat() if c.ended_at else None,
            }
            for c in CoordinatorMembership().entries(user)
        ]
    }


def personal_data_labels() -> dict:
    fields = ("unit", "name", "title", "position_percent", "employer", "org_placement", "email", "phone")
    labels = field_labels(Coordinator, *fields, "is_public", "verified_at", "ended_at")
    return {
        "coordinator_entries": {
            "title": _("Oppføringer i koordinatorkatalogen"),
            "fields": labels | {"has_photo": _("Bilde lagt inn")},
        }
    }


def account_links(*, user):
    links = []
    if is_coordinator(user):
        links.append((_("Min SLT-enhet"), reverse("municipalities:my_units")))
    if is_sfk_admin(user):
        links.append((_("SLT-enheter og koordinatorer"), reverse("municipalities:admin_units")))
        links.append((_("Oppføringer som ikke er bekreftet"), reverse("municipalities:stale")))
    return links
