"""Reads about users."""

import datetime as dt
import re

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.choices import Language

from . import membership
from .models import SFK_ADMIN_GROUP, User


def user_personal_data(*, user: User) -> dict:
    """Everything the portal stores about this person, for the 'your data' page and download."""
    data = {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "is_sfk_admin": user.is_sfk_admin,
        },
    }
    # Other apps add their sections (coordinator entries, event registrations) through this hook.
    for provider in PERSONAL_DATA_PROVIDERS:
        data.update(provider(user=user))
    return data


# Callables taking user=... and returning {section_name: data}; apps append in AppConfig.ready().
PERSONAL_DATA_PROVIDERS: list = []

# How "Dine data" shows a section: {section_name: {"title": ..., "fields": {key: label}, "choices": {key:
# {value: label}}}}; apps add the labels of their sections in AppConfig.ready(). The JSON download keeps
# the keys and raw values.
PERSONAL_DATA_LABELS: dict = {
    "account": {
        "title": gettext_lazy("Brukerkonto"),
        "fields": {
            "email": gettext_lazy("E-post"),
            "full_name": gettext_lazy("Navn"),
            "preferred_language": gettext_lazy("Foretrukket språk"),
            "date_joined": gettext_lazy("Konto opprettet"),
            "last_login": gettext_lazy("Sist innlogget"),
            "is_sfk_admin": gettext_lazy("Sfk-administrator"),
        },
        "choices": {"preferred_language": dict(Language.choices)},
    },
}


# Callables taking user=... and returning [(title, url), ...] for the account page ("Min side");
# apps append in AppConfig.ready() (e.g. "Min SLT-enhet", "Mine tiltak").
ACCOUNT_LINK_PROVIDERS: list = []

# Callables taking user=... and request=... and returning HTML (a <section> of "Min side", e.g. the
# user's event registrations) or ""; apps append in AppConfig.ready().
ACCOUNT_SECTIONS: list = []


def field_labels(model, *names: str) -> dict:
    """{name: verbose name} of model fields, for PERSONAL_DATA_LABELS."""
    return {name: model._meta.get_field(name).verbose_name for name in names}


def account_links(*, user) -> list[tuple[str, str]]:
    links = []
    for provider in ACCOUNT_LINK_PROVIDERS:
        links.extend(provider(user=user))
    return links


def account_sections(*, user, request) -> list[str]:
    return [html for provider in ACCOUNT_SECTIONS if (html := provider(user=user, request=request))]


_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _readable(value, choices: dict | None = None) -> str:
    """A stored value as the user reads it: labels for choices, Ja/Nei, dates in the language's format."""
    if value is None or value == "" or value == []:
        return "–"
    if choices and value in choices:
        return str(choices[value])
    if isinstance(value, bool):
        return _("Ja") if value else _("Nei")
    if isinstance(value, str) and _ISO_DATETIME.match(value):
        moment = dt.datetime.fromisoformat(value)
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return formats.date_format(moment, "DATETIME_FORMAT")
    if isinstance(value, list):
        return ", ".join(_readable(item) for item in value)
    return str(value)


def _entry(item: dict, labels: dict) -> list[dict]:
    fields, choices = labels.get("fields", {}), labels.get("choices", {})
    rows = []
    for key, value in item.items():
        row = {"label": capfirst(str(fields.get(key, key)))}
        if isinstance(value, list) and value and all(isinstance(part, dict) for part in value):
            row["entries"] = [_entry(part, labels) for part in value]
        else:
            row["text"] = _readable(value, choices.get(key))
        rows.append(row)
    return rows


def personal_data_sections(data: dict) -> list[dict]:
    """The personal data as readable page sections in the active language:
    [{key, title, entries: [[{label, text} or {label, entries}, ...], ...]}]."""
    sections = []
    for key, content in data.items():
        labels = PERSONAL_DATA_LABELS.get(key, {})
        items = content if isinstance(content, list) else [content]
        entries = [_entry(item if isinstance(item, dict) else {"value": item}, labels) for item in items]
        sections.append({"key": key, "title": str(labels.get("title", key)), "entries": entries})
    return sections


def user_admin_list(*, query: str = "", role: str = "", active: str = ""):
    """Users for the Sfk user list, with `is_admin` and active coordinator entries (with unit)
    as `active_entries`; filtered by a search text, role and active state; constant queries."""
    in_group = User.groups.through.objects.filter(user_id=OuterRef("pk"), group__name=SFK_ADMIN_GROUP)
    rule = membership.rule()
    users = User.objects.annotate(in_admin_group=Exists(in_group), has_entry=rule.has_active_entry()).prefetch_related(
        rule.active_entries_prefetch("active_entries")
    )
    query = query.strip()
    if query:
        users = users.filter(Q(email__icontains=query) | Q(full_name__icontains=query))
    if role == "sfk_admin":
        users = users.filter(Q(in_admin_group=True) | Q(is_superuser=True))
    elif role == "coordinator":
        users = users.filter(has_entry=True)
    elif role == "none":
        users = users.filter(in_admin_group=False, is_superuser=False, has_entry=False)
    if active == "yes":
        users = users.filter(is_active=True)
    elif active == "no":
        users = users.filter(is_active=False)
    return users.order_by("full_name", "email")


def user_coordinator_entries(*, user: User):
    """All coordinator entries linked to the account (ended ones too), with their unit."""
    return membership.rule().entries(user)


def user_access_history(*, user: User, limit: int = 50) -> list[tuple]:
    """Role and access changes of the account, newest first: [(time, label, changed by)]; `changed by`
    is the acting User (None for a system action or a deleted account)."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from core.audit import entries_for

    from .services import AUDIT_ACTIONS

    history = [
        (e.created_at, AUDIT_ACTIONS[e.action], e.actor_id)
        for e in entries_for(user).filter(action__in=list(AUDIT_ACTIONS))[:limit]
    ]
    # Changes made before the core audit log existed were written as admin LogEntry rows.
    legacy = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(user.pk),
        change_message__in=list(AUDIT_ACTIONS),
    ).order_by("-action_time", "-pk")[:limit]
    history += [(e.action_time, AUDIT_ACTIONS[e.change_message], e.user_id) for e in legacy]
    history.sort(key=lambda item: item[0], reverse=True)
    history = history[:limit]
    actors = User.objects.in_bulk({actor_id for _t, _l, actor_id in history if actor_id is not None})
    return [(time, label, actors.get(actor_id)) for time, label, actor_id in history]


def current_lockouts(*, now=None) -> list:
    """Login lockouts in force (django-axes): account and address with at least AXES_FAILURE_LIMIT
    failures whose cool-off has not run out; each with `locked_until`. Newest first."""
    now = now or timezone.now()
    cool_off = dt.timedelta(hours=settings.AXES_COOLOFF_TIME)
    attempts = AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gt=now - cool_off
    ).order_by("-attempt_time", "-pk")
    lockouts = list(attempts)
    for attempt in lockouts:
        attempt.locked_until = attempt.attempt_time + cool_off
    return lockouts
