"""Public uploads are served in production (DEBUG off) with caching headers; nothing else is."""

import io
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from documents.storage import documents_storage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _production(settings):
    settings.DEBUG = False


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return SimpleUploadedFile("bilde.png", buffer.getvalue(), content_type="image/png")


def _uploaded_photo_url(client, coordinator_a, unit_a):
    entry = unit_a.coordinators.get()
    client.force_login(coordinator_a)
    data = {"name": entry.name, "email": entry.email, "is_public": "on", "photo_consent": "on"}
    assert client.post(f"/koordinator/{entry.pk}/rediger/", data | {"photo": _png()}).status_code == 302
    client.logout()
    page = client.get(unit_a.get_absolute_url()).content.decode()
    return re.search(r'class="coordinator__photo" src="([^"]+)"', page).group(1)


def test_photo_embedded_on_a_public_page_is_served_with_caching_headers(client, coordinator_a, unit_a):
    url = _uploaded_photo_url(client, coordinator_a, unit_a)
    assert url.startswith("/media/coordinators/")
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")  # read to the end: closed
    assert response["Cache-Control"] == "public, max-age=86400"
    assert response["ETag"] and response["Last-Modified"]
    # Revalidation: unchanged → 304 without a body, by ETag and by date.
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304
    head = client.head(url)
    head.close()
    assert head.status_code == 200
    assert client.post(url).status_code == 405


def test_only_images_in_the_public_media_root_are_served(client, settings):
    documents_storage().save("publications/hemmelig.pdf", ContentFile(b"%PDF-1.7 secret"))
    media = Path(settings.MEDIA_ROOT)
    (media / "notes").mkdir(exist_ok=True)
    (media / "notes" / "side.html").write_text("<script>alert(1)</script>")
    protected = Path(documents_storage().location).name
    for path in [
        f"/media/../{protected}/publications/hemmelig.pdf",
        f"/media/%2e%2e/{protected}/publications/hemmelig.pdf",
        f"/media/..%2f{protected}%2fpublications%2fhemmelig.pdf",
        "/media/%2fetc%2fpasswd",
        "/media//etc/passwd",
        "/media/notes/side.html",
        "/media/coordinators/",
        "/media/finnes-ikke.png",
    ]:
        assert client.get(path).status_code == 404, path
