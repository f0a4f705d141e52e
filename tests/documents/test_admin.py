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


def test_publication_change_page_links_the_files_through_the_download_views(client, sfk_admin):
    """It was a 500 ("Protected files have no public URL") for every publication with a file."""
    publication = PublicationFactory(slug="handbok", cover_image=ContentFile(PNG, name="omslag.png"))
    stored = publication.file.name
    client.force_login(sfk_admin)
    url = reverse("admin:documents_publication_change", args=[publication.pk])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{reverse("documents:download", args=["handbok"])}"' in html
    assert f'href="{reverse("documents:cover", args=["handbok"])}"' in html
    assert 'type="file"' not in html  # uploads go through the portal's form, which checks their content

    form = response.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields if name not in ("themes",)}
    response = client.post(url, data | {"title": "Ny tittel", "themes": []})
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    publication = Publication.objects.get(pk=publication.pk)
    assert (publication.title, publication.file.name) == ("Ny tittel", stored)
