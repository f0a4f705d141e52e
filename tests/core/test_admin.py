"""core.admin.AuditedAdminMixin: writes through the Django admin are audited and bump the content version."""

import pytest
from django.urls import reverse

from core import audit
from core.content import content_version
from core.models import AuditEntry, Theme
from municipalities.models import County
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_admin_saves_and_deletes_are_audited_and_bump_the_content_version(client, django_capture_on_commit_callbacks):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    version = content_version()
    data = {"number": "99", "name": "Nytt fylke", "official_name": ""}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:municipalities_county_add"), data)
    assert response.status_code == 302
    county = County.objects.get(number="99")
    entry = audit.entries_for(county).get()
    assert (entry.action, entry.actor_id) == ("municipalities.county.create", admin.pk)
    assert entry.changes == {"name": [None, "Nytt fylke"], "number": [None, "99"]}
    assert content_version() > version

    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:municipalities_county_change", args=[county.pk]), {**data, "name": "Endret fylke"})
    assert audit.entries_for(county).first().changes == {"name": ["Nytt fylke", "Endret fylke"]}
    assert content_version() > version

    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:municipalities_county_delete", args=[county.pk]), {"post": "yes"})
    assert not County.objects.filter(pk=county.pk).exists()
    deleted = AuditEntry.objects.filter(action="municipalities.county.delete").get()
    assert deleted.changes["name"] == ["Endret fylke", None] and deleted.object_id == str(county.pk)
    assert content_version() > version


def test_admin_is_read_only_where_a_service_owns_the_write(client):
    """Themes (managed lists), events and recordings are written in the Sfk workspace."""
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    theme = Theme.objects.get(slug="vold")
    assert client.get(reverse("admin:core_theme_add")).status_code == 403
    response = client.post(reverse("admin:core_theme_change", args=[theme.pk]), {"name": "Endret"})
    assert response.status_code == 403
    assert client.post(reverse("admin:core_theme_delete", args=[theme.pk]), {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:events_event_add")).status_code == 403
    theme.refresh_from_db()
    assert theme.name == "Vold"
