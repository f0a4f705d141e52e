"""Permission matrix for every write view of the documents app."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import ContactMessage, NewsArticle, Publication
from tests.documents import files
from tests.documents.factories import NewsArticleFactory, PublicationFactory

pytestmark = pytest.mark.django_db


def login(client, roles, role):
    client.logout()
    if roles[role] is not None:
        client.force_login(roles[role])


def assert_login_redirect(response):
    assert response.status_code == 302 and "/konto/logg-inn/" in response["Location"]


EDIT = {
    "title": "Endret",
    "kind": "action_plan",
    "language": "nb",
    "published_on": "2025-01-01",
    "external_url": "https://example.no/plan",
}


@pytest.mark.parametrize(
    ("role", "get_status", "post_status"),
    [
        ("anonymous", 302, 302),
        ("coordinator_a", 200, 302),
        ("coordinator_b", 403, 403),
        ("sfk_admin", 200, 302),
    ],
)
def test_edit_local_publication(client, roles, unit_a, role, get_status, post_status):
    publication = PublicationFactory(unit=unit_a, title="Lokal plan")
    url = reverse("documents:edit", args=[publication.slug])
    login(client, roles, role)
    response = client.get(url)
    assert response.status_code == get_status
    response = client.post(url, {**EDIT, "unit": unit_a.pk})
    assert response.status_code == post_status
    if role == "anonymous":
        assert_login_redirect(response)
    publication.refresh_from_db()
    assert (publication.title == "Endret") == (post_status == 302 and role != "anonymous")


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("coordinator_a", 403),
        ("coordinator_b", 403),
        ("sfk_admin", 302),
    ],
)
def test_edit_national_publication_only_sfk_admin(client, roles, role, status):
    publication = PublicationFactory(unit=None, title="Nasjonal")
    login(client, roles, role)
    response = client.post(reverse("documents:edit", args=[publication.slug]), EDIT)
    assert response.status_code == status
    publication.refresh_from_db()
    assert (publication.title == "Endret") == (role == "sfk_admin")


@pytest.mark.parametrize(
    ("role", "status", "deleted"),
    [
        ("anonymous", 302, False),
        ("coordinator_a", 302, True),
        ("coordinator_b", 403, False),
        ("sfk_admin", 302, True),
    ],
)
def test_delete_local_publication(client, roles, unit_a, role, status, deleted, django_capture_on_commit_callbacks):
    publication = PublicationFactory(unit=unit_a)
    stored = publication.file.name
    storage = publication.file.storage
    login(client, roles, role)
    url = reverse("documents:delete", args=[publication.slug])
    if role in ("coordinator_a", "sfk_admin"):
        assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == status
    assert Publication.objects.filter(pk=publication.pk).exists() is not deleted
    if role == "anonymous":
        assert_login_redirect(response)
    assert storage.exists(stored) is not deleted  # the file goes with the row


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("coordinator_a", 302),
        ("coordinator_b", 403),
        ("sfk_admin", 302),
    ],
)
def test_create_local_document_only_for_own_unit(client, roles, unit_a, role, status):
    """Coordinator B cannot pick unit A: the choice is not offered (400), nothing is saved."""
    login(client, roles, role)
    upload = SimpleUploadedFile("plan.pdf", files.good_pdf())
    response = client.post(
        reverse("documents:create"),
        {**EDIT, "external_url": "", "unit": unit_a.pk, "upload": upload},
    )
    expected = {"coordinator_b": 400}.get(role, status)
    assert response.status_code == expected
    assert Publication.objects.filter(unit=unit_a).exists() == (expected == 302 and role != "anonymous")


def test_coordinator_cannot_create_national_document(client, coordinator_a):
    client.force_login(coordinator_a)
    response = client.post(reverse("documents:create"), {**EDIT, "unit": ""})
    assert response.status_code == 400
    assert not Publication.objects.exists()


def test_user_without_role_cannot_create(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(reverse("documents:create")).status_code == 403


def test_my_documents_lists_what_the_user_can_change(client, roles, unit_a, unit_b):
    PublicationFactory(unit=unit_a, title="Plan A")
    PublicationFactory(unit=unit_b, title="Plan B")
    PublicationFactory(unit=None, title="Nasjonal")
    url = reverse("documents:mine")
    assert_login_redirect(client.get(url))
    login(client, roles, "coordinator_a")
    titles = [p.title for p in client.get(url).context["page_obj"]]
    assert titles == ["Plan A"]
    login(client, roles, "sfk_admin")
    assert len(client.get(url).context["page_obj"]) == 3


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("coordinator_a", 403),
        ("coordinator_b", 403),
        ("sfk_admin", 302),
    ],
)
def test_news_write_views_only_sfk_admin(client, roles, role, status):
    article = NewsArticleFactory(title="Gammel")
    login(client, roles, role)
    data = {
        "title": "Ny tittel",
        "language": "nb",
        "lead": "Ingress",
        "body": "Tekst",
        "publish_at": "2025-01-01T10:00",
    }
    assert client.post(reverse("documents:news_create"), data).status_code == status
    assert client.post(reverse("documents:news_edit", args=[article.slug]), data).status_code == status
    assert NewsArticle.objects.filter(title="Ny tittel").count() == (2 if status == 302 and role == "sfk_admin" else 0)


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("coordinator_a", 403),
        ("coordinator_b", 403),
        ("sfk_admin", 302),
    ],
)
def test_contact_messages_only_sfk_admin(client, roles, role, status):
    contact = ContactMessage.objects.create(name="A", email="a@example.no", subject="S", message="M")
    login(client, roles, role)
    expected_get = {"anonymous": 302, "sfk_admin": 200}.get(role, 403)
    assert client.get(reverse("documents:contact_messages")).status_code == expected_get
    response = client.post(reverse("documents:contact_message_handle", args=[contact.pk]))
    assert response.status_code == status
    contact.refresh_from_db()
    assert (contact.handled_at is not None) == (role == "sfk_admin")
