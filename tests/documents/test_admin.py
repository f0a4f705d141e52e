"""The Django admin's publication pages: the files live in the protected storage, which has no URL."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from documents.models import Publication
from tests.documents.factories import PublicationFactory

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_publication_change_page_links_the_files_through_the_download_views(admin_client):
    """It was a 500 ("Protected files have no public URL") for every publication with a file. The
    page only shows the publication: the document pages own the writes."""
    publication = PublicationFactory(slug="handbok", cover_image=ContentFile(PNG, name="omslag.png"))
    url = reverse("admin:documents_publication_change", args=[publication.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{reverse("documents:download", args=["handbok"])}"' in html
    assert f'href="{reverse("documents:cover", args=["handbok"])}"' in html
    assert 'type="file"' not in html and 'name="title"' not in html

    assert admin_client.post(url, {"title": "Ny tittel"}).status_code == 403
    assert Publication.objects.get(pk=publication.pk).title == publication.title
