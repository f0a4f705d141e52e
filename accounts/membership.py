"""Unit membership as the account layer sees it.

Whether a user is a member (an active coordinator) of an SLT unit is a rule about units, so it
lives in `municipalities.membership`, which registers it here when the apps load. Without a
registered rule every check fails closed: it raises instead of answering "not a member".
"""

from typing import Protocol

from django.core.exceptions import ImproperlyConfigured


class MembershipRule(Protocol):
    def unit_ids(self, user) -> frozenset[int]:
        """Ids of the units the (authenticated, active) user is a member of."""

    def unit_ids_expression(self):
        """An expression over users (OuterRef("pk")): the same ids as text, comma-separated (or NULL)."""

    def has_active_entry(self):
        """An Exists() expression over users (OuterRef("pk")): the user is a member of any unit."""

    def active_entries_prefetch(self, to_attr: str):
        """A Prefetch of the user's active entries (with unit), stored in `to_attr`."""

    def entries(self, user):
        """All of the user's entries, ended ones too, with their unit."""


_rule: MembershipRule | None = None


def register_rule(rule: MembershipRule) -> None:
    global _rule
    _rule = rule


def rule() -> MembershipRule:
    if _rule is None:
        raise ImproperlyConfigured("No unit-membership rule is registered (municipalities registers it in ready()).")
    return _rule


def remember_unit_ids(user, text: str | None) -> None:
    """Keep the ids read with the user (MembershipRule.unit_ids_expression) for this request."""
    user._slt_unit_ids = frozenset(int(pk) for pk in (text or "").split(",") if pk)


def unit_ids(user) -> frozenset[int]:
    """Ids of the SLT units the user is a member of; cached on the user object for the request."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_slt_unit_ids", None)
    if cached is None:
        cached = frozenset(rule().unit_ids(user))
        user._slt_unit_ids = cached
    return cached
