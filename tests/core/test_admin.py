"""core.admin.AuditedAdminMixin: writes through the Django admin are audited and bump the content version."""

import pytest
from django.urls import reverse

from core import audit
from core.content import content_version
from core.models import AuditEntry, Theme
from municipalities.models import County, SLTUnit
from tests.factories import SLTUnitFactory, UserFactory

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

    # Reference data is never deleted; where the admin may delete (an empty unit), it is audited.
    assert (
        client.post(reverse("admin:municipalities_county_delete", args=[county.pk]), {"post": "yes"}).status_code == 403
    )
    unit = SLTUnitFactory(name="Feilregistrert enhet")
    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:municipalities_sltunit_delete", args=[unit.pk]), {"post": "yes"})
    assert not SLTUnit.objects.filter(pk=unit.pk).exists()
    deleted = AuditEntry.objects.filter(action="municipalities.sltunit.delete").get()
    assert deleted.changes["name"] == ["Feilregistrert enhet", None] and deleted.object_id == str(unit.pk)
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


# Every ModelAdmin of the site, classified: (add, change, delete) for a superuser, and why. A new
# admin fails the test below until it is listed here. Read-only wherever a service owns the write.
READ_ONLY = (False, False, False)
ADMIN_PERMISSIONS = {
    # Accounts: invitations, the Sfk user pages (role, deactivate, anonymise), "Min side"; never deleted.
    "accounts.User": READ_ONLY,
    "auth.Group": READ_ONLY,  # the Sfk-admin role is given on /konto/brukere/
    "axes.AccessAttempt": READ_ONLY,  # lockouts are cleared on /konto/sperringer/ (audited)
    "axes.AccessLog": READ_ONLY,
    "axes.AccessFailureLog": READ_ONLY,
    # The emergency reset of a lost authenticator (like manage.py reset_two_factor), audited.
    "otp_totp.TOTPDevice": (False, False, True),
    "otp_static.StaticDevice": (False, False, True),
    "django_tasks_database.DBTaskResult": READ_ONLY,  # written by the task worker
    "outbox.OutboxMessage": READ_ONLY,  # /sfk/e-post/ (retry), purge_outbox
    # Reference data from load_municipalities with no page of its own: corrected here (audited), never deleted.
    "municipalities.County": (True, True, False),
    "municipalities.Municipality": (True, True, False),
    "municipalities.District": (True, True, False),
    "municipalities.SLTUnit": (False, False, True),  # unit pages; only an empty unit can be deleted here
    "municipalities.Coordinator": READ_ONLY,  # unit pages, invitations, anonymisation
    "municipalities.Invitation": READ_ONLY,  # invitation services
    "core.Theme": READ_ONLY,  # managed lists (/sfk/lister/)
    "measures.Classification": READ_ONLY,
    "measures.Measure": (False, False, True),  # measure pages; only a draft can be deleted here
    "documents.InfoPage": READ_ONLY,  # the page editor
    "documents.Publication": READ_ONLY,  # document pages (upload checks, deletion refused while in use)
    "documents.NewsArticle": (False, False, True),  # /aktuelt/ny/ and edit; no page deletes (audited here)
    "documents.ContactMessage": READ_ONLY,  # the contact inbox; purge_contact_messages
    "events.Event": READ_ONLY,  # the Sfk event pages
    "events.Registration": READ_ONLY,  # registration services, the participant list
    "events.Recording": READ_ONLY,  # the recordings pages
}


def test_every_admin_is_classified_and_has_the_permissions_of_its_class(rf):
    from django.contrib import admin

    superuser = UserFactory(is_staff=True, is_superuser=True)
    request = rf.get("/admin/")
    request.user = superuser
    registered = {model._meta.label: model_admin for model, model_admin in admin.site._registry.items()}
    assert not set(registered) - set(ADMIN_PERMISSIONS), "classify these admins in ADMIN_PERMISSIONS"
    assert not set(ADMIN_PERMISSIONS) - set(registered), "ADMIN_PERMISSIONS lists admins that are gone"
    wrong = []
    for label, model_admin in registered.items():
        found = (
            model_admin.has_add_permission(request),
            model_admin.has_change_permission(request, None),
            model_admin.has_delete_permission(request, None),
        )
        if found != ADMIN_PERMISSIONS[label]:
            wrong.append(f"{label}: (add, change, delete) = {found}, expected {ADMIN_PERMISSIONS[label]}")
        for inline in model_admin.get_inline_instances(request):  # inlines never write
            if inline.has_add_permission(request, None) or inline.has_change_permission(request, None):
                wrong.append(f"{label}: inline {type(inline).__name__} can write")
    assert not wrong, "\n".join(wrong)
    # No account is ever deleted, not even by a superuser.
    assert not registered["accounts.User"].has_delete_permission(request, superuser)


def test_read_only_admins_refuse_writes_over_http(admin_client):
    from django.contrib import admin

    for model, _model_admin in admin.site._registry.items():
        add, _change, _delete = ADMIN_PERMISSIONS[model._meta.label]
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
        assert admin_client.get(url).status_code == (200 if add else 403), url
