"""core.admin.AuditedAdminMixin: writes through the Django admin are audited and bump the content version."""

import pytest
from django.urls import reverse

from core import audit
from core.content import content_version
from core.models import AuditEntry, Theme
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_admin_saves_and_deletes_are_audited_and_bump_the_content_version(client, django_capture_on_commit_callbacks):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    version = content_version()
    data = {"slug": "nytt-tema", "name": "Nytt tema", "name_nn": "", "name_en": "New theme", "sort_order": 5}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:core_theme_add"), data)
    assert response.status_code == 302
    theme = Theme.objects.get(slug="nytt-tema")
    entry = audit.entries_for(theme).get()
    assert (entry.action, entry.actor_id) == ("core.theme.create", admin.pk)
    assert entry.changes == {
        "name": [None, "Nytt tema"],
        "name_en": [None, "New theme"],
        "slug": [None, "nytt-tema"],
        "sort_order": [None, 5],
    }
    assert content_version() > version

    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:core_theme_change", args=[theme.pk]), {**data, "name": "Endret tema"})
    assert audit.entries_for(theme).first().changes == {"name": ["Nytt tema", "Endret tema"]}
    assert content_version() > version

    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:core_theme_delete", args=[theme.pk]), {"post": "yes"})
    assert not Theme.objects.filter(pk=theme.pk).exists()
    deleted = AuditEntry.objects.filter(action="core.theme.delete").get()
    assert deleted.changes["name"] == ["Endret tema", None] and deleted.object_id == str(theme.pk)
    assert content_version() > version
