"""The layers hold for what import-linter cannot see: model relations (string references count
as imports) and templates ({% include %}, {% extends %} and {% load %} of another app's)."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

# Top to bottom; an app may refer only to its own layer's app itself and the layers below.
LAYERS = [["slt_portal"], ["events", "measures"], ["documents"], ["municipalities"], ["accounts"], ["outbox"], ["core"]]
RANK = {app: rank for rank, group in enumerate(LAYERS) for app in group}
ROOT = Path(settings.BASE_DIR)


def allowed(source: str, target: str) -> bool:
    if source == target or source not in RANK or target not in RANK:
        return True  # Django's and third-party apps sit below every app of ours
    return RANK[target] > RANK[source]


def test_the_rule_itself():
    assert allowed("measures", "documents") and allowed("events", "core") and allowed("core", "django")
    assert not allowed("measures", "events") and not allowed("documents", "measures")
    assert not allowed("accounts", "municipalities") and not allowed("core", "outbox")


def test_no_model_relation_points_up_the_layers():
    upward = []
    for model in apps.get_models(include_auto_created=True):
        source = model._meta.app_label
        for field in model._meta.get_fields(include_hidden=True):
            if not field.is_relation or field.auto_created or field.related_model is None:
                continue
            target = field.related_model._meta.app_label
            if not allowed(source, target):
                upward.append(f"{model._meta.label}.{field.name} → {field.related_model._meta.label}")
    assert upward == []
    # The walk sees real relations (a test that could not fail would prove nothing).
    assert apps.get_model("measures", "Measure")._meta.get_field("documents").related_model._meta.app_label == (
        "documents"
    )


TEMPLATE_REFERENCE = re.compile(r"""\{%\s*(?:include|extends)\s+["']([a-z_]+)/""")
LOAD = re.compile(r"\{%\s*load\s+([\w\s]+?)\s*%\}")


def _template_libraries() -> dict[str, str]:
    """Template tag library name → the app that defines it (our apps only)."""
    libraries = {}
    for app in RANK:
        for path in (ROOT / app / "templatetags").glob("*.py"):
            if path.stem != "__init__":
                libraries[path.stem] = app
    return libraries


@pytest.mark.parametrize("app", [a for a in RANK if a != "slt_portal"])
def test_templates_include_and_load_only_lower_layers(app):
    libraries = _template_libraries()
    upward = []
    for path in (ROOT / app / "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for target in TEMPLATE_REFERENCE.findall(text):
            if not allowed(app, target):
                upward.append(f"{path.relative_to(ROOT)} includes {target}/")
        for names in LOAD.findall(text):
            for name in names.split():
                if name in libraries and not allowed(app, libraries[name]):
                    upward.append(f"{path.relative_to(ROOT)} loads {name} ({libraries[name]})")
    assert upward == []


def test_membership_check_fails_closed_without_a_rule(monkeypatch, django_user_model):
    """accounts asks municipalities' registered rule; with none registered it raises, never 'not a member'."""
    from django.core.exceptions import ImproperlyConfigured

    from accounts import membership

    monkeypatch.setattr(membership, "_rule", None)
    user = django_user_model(email="x@example.no", is_active=True)
    with pytest.raises(ImproperlyConfigured):
        membership.unit_ids(user)
