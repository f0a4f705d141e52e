import pytest
from django.conf import settings
from django.urls import reverse

from documents.models import ContactMessage
from outbox.models import OutboxMessage
from tests.factories import MunicipalityFactory
from tests.helpers import assert_page, assert_pages

pytestmark = pytest.mark.django_db

URL = "/kontakt/"


def data(**overrides):
    values = {
        "name": "Kari Nordmann",
        "email": "kari@example.no",
        "subject": "Spørsmål om håndboken",
        "message": "Når kommer ny utgave?",
    }
    values.update(overrides)
    return values


def test_contact_and_receipt_pages_render(client):
    assert_pages(client, [URL, "/kontakt/takk/"], max_queries=6)


def test_message_is_stored_then_emailed_to_sfk(client, django_capture_on_commit_callbacks, mailoutbox):
    municipality = MunicipalityFactory(name="Testby")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, data(municipality=municipality.pk), REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 302 and response["Location"] == "/kontakt/takk/"
    contact = ContactMessage.objects.get()
    assert (contact.name, contact.municipality) == ("Kari Nordmann", municipality)
    outbox = OutboxMessage.objects.get()
    assert outbox.to == [settings.CONTACT_EMAIL] and outbox.reply_to == "kari@example.no"
    assert "Spørsmål om håndboken" in outbox.subject and "Når kommer ny utgave?" in outbox.body
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [settings.CONTACT_EMAIL]


def test_message_is_kept_when_email_fails(client, django_capture_on_commit_callbacks, settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.documents.test_contact.FailingBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, data())
    assert response.status_code == 302
    assert ContactMessage.objects.count() == 1
    outbox = OutboxMessage.objects.get()
    assert outbox.sent_at is None and "SMTP nede" in outbox.last_error


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("SMTP nede")


def test_bad_input_shows_messages_next_to_fields(client):
    response = client.post(URL, data(email="ikke-en-adresse", message=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_email_error"' in html and 'id="id_message_error"' in html
    assert "ds-error-summary" in html
    assert not ContactMessage.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_honeypot_is_silently_ignored(client):
    response = client.post(URL, data(website="http://spam.example"))
    assert response.status_code == 302
    assert not ContactMessage.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_rate_limit_five_per_hour_per_ip(client, settings):
    settings.CONTACT_RATE_LIMIT = 5
    for _ in range(5):
        assert client.post(URL, data(), REMOTE_ADDR="10.0.0.2").status_code == 302
    response = client.post(URL, data(), REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 429
    assert "mange meldinger" in response.content.decode()
    assert 0 < int(response["Retry-After"]) <= 3600
    assert ContactMessage.objects.count() == 5
    # Another address is not affected.
    assert client.post(URL, data(), REMOTE_ADDR="10.0.0.3").status_code == 302


def test_admin_sees_and_marks_messages_handled(client, sfk_admin):
    contact = ContactMessage.objects.create(name="Ola", email="ola@example.no", subject="Hei", message="Tekst")
    client.force_login(sfk_admin)
    html = assert_page(client, reverse("documents:contact_messages")).content.decode()
    assert "Hei" in html and "Marker som behandlet" in html
    response = client.post(reverse("documents:contact_message_handle", args=[contact.pk]))
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.handled_by == sfk_admin and contact.handled_at
    assert "Hei" not in client.get(reverse("documents:contact_messages")).content.decode()
    assert "Hei" in client.get(reverse("documents:contact_messages") + "?vis=alle").content.decode()
    assert client.get(reverse("documents:contact_message_handle", args=[contact.pk])).status_code == 405


def test_old_contact_messages_are_purged(settings):
    import datetime as dt
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    settings.CONTACT_RETENTION_DAYS = 30
    old = ContactMessage.objects.create(name="A", email="a@example.no", subject="Gammel", message="M")
    ContactMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=31))
    ContactMessage.objects.create(name="B", email="b@example.no", subject="Ny", message="M")
    out = StringIO()
    call_command("purge_contact_messages", stdout=out)
    assert "Deleted 1" in out.getvalue()
    assert list(ContactMessage.objects.values_list("subject", flat=True)) == ["Ny"]


def test_contact_details_prefill_from_one_rule(client):
    """The contact form, event registration and a new measure prefill from contact_prefill."""
    from municipalities.selectors import contact_prefill
    from tests.events.factories import EventFactory
    from tests.factories import CoordinatorFactory, SLTUnitFactory

    unit = SLTUnitFactory(name="SLT Bergen")
    entry = CoordinatorFactory(
        unit=unit,
        name="Ola K.",
        email="ola.k@bergen.example.no",
        employer="Bergen kommune",
        title="SLT-koordinator",
        user__full_name="Ola Koordinator",
        user__email="ola@bergen.example.no",
    )
    user = entry.user
    expected = {
        "name": "Ola Koordinator",
        "email": "ola@bergen.example.no",
        "unit": unit.pk,
        "organisation": "Bergen kommune",
        "role": "SLT-koordinator",
        "coordinator_name": "Ola K.",
        "coordinator_email": "ola.k@bergen.example.no",
    }
    assert contact_prefill(user) == expected
    assert contact_prefill(user, units=[SLTUnitFactory()]) == {"name": "Ola Koordinator", "email": user.email}

    client.force_login(user)
    contact = client.get(URL).context["form"].initial
    assert (contact["name"], contact["email"]) == ("Ola Koordinator", "ola@bergen.example.no")
    registration = client.get(reverse("events:register", args=[EventFactory().slug])).context["form"].initial
    assert {k: registration[k] for k in ("name", "email", "unit", "organisation", "role")} == {
        k: expected[k] for k in ("name", "email", "unit", "organisation", "role")
    }
    measure = client.get(reverse("measures:create")).context["form"].initial
    assert (measure["unit"], measure["contact_name"], measure["contact_email"]) == (
        unit.pk,
        "Ola K.",
        "ola.k@bergen.example.no",
    )


def test_contact_form_is_empty_for_anonymous_users(client):
    from django.contrib.auth.models import AnonymousUser

    from municipalities.selectors import contact_prefill

    assert contact_prefill(AnonymousUser()) == {}
    assert client.get(URL).context["form"].initial == {}


def test_contact_form_posts_to_its_own_address_so_the_receipt_url_has_no_fragment(client):
    # A form without action posts to the page's URL including "#id_message" (after following an
    # error summary link), and browsers keep that fragment across the redirect to the receipt.
    html = client.get("/kontakt/").content.decode()
    assert 'action="/kontakt/"' in html
    assert 'action="/en/kontakt/"' in client.get("/en/kontakt/").content.decode()
