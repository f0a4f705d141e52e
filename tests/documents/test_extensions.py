import pytest

from accounts.selectors import user_personal_data
from documents.models import ContactMessage
from tests.documents.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def test_account_page_links_to_my_documents(client, coordinator_a, sfk_admin):
    client.force_login(coordinator_a)
    html = client.get("/konto/").content.decode()
    assert 'href="/dokumenter/mine/"' in html and "/kontakt/meldinger/" not in html
    client.force_login(sfk_admin)
    html = client.get("/konto/").content.decode()
    assert 'href="/dokumenter/mine/"' in html and 'href="/kontakt/meldinger/"' in html


def test_personal_data_includes_uploads_and_contact_messages(coordinator_a):
    PublicationFactory(title="Min plan", created_by=coordinator_a)
    ContactMessage.objects.create(name="X", email=coordinator_a.email.upper(), subject="Hei", message="Tekst")
    data = user_personal_data(user=coordinator_a)["documents"]
    assert data["publications_uploaded"] == ["Min plan"]
    assert [m["subject"] for m in data["contact_messages"]] == ["Hei"]
