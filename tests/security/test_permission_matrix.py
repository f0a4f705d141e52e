"""Authorisation audit (issue 11, item 13): every URL of the site, with the answer each role gets.

`test_every_view_is_in_the_matrix` walks the project's URL patterns (`get_resolver()`, through every
include and `i18n_patterns`; the prefix-less bokmål URLs suffice) and fails for any view that has no
entry in MATRIX, naming it. `test_permission_matrix` requests every entry as four users and compares
the status codes with the matrix:

    anon     not logged in
    coord_a  coordinator of unit A, which owns the objects below (draft and published measure,
             publications, coordinator entries)
    coord_b  coordinator of unit B
    sfk      Sfk admin, second login step done

**Adding a view** = one line in MATRIX: `"app:name": answers(LOGIN, 200, 403, 200, slug="unit")`, the
answers for anon, coord_a, coord_b and sfk in that order (`LOGIN` means "302 to the login page"), then
`post=True` for a view that takes only POST (it is posted an empty form) and the URL parameters, each
naming an object of the `objects` fixture below (its attribute of the same name as the parameter is
used: `pk`, `slug`, `number`; a string is used as it is). A second line for the same view with other
objects is `"app:name other-case"` (the part after the space is only a label).

Every request runs in a savepoint that is rolled back, so each user meets the same data. The Django
admin (`admin:` namespace) has its own test below: everything in it needs a superuser who has done
the second login step (Sfk admins who are not superusers are sent to the Sfk workspace). The open
data API (`/api/…`, `slt_portal.api.urls`) is public, read-only and tested in tests/slt_portal/test_api*.py.
"""

import datetime as dt
import io

import pytest
from django.contrib import admin
from django.contrib.auth.tokens import default_token_generator
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from events.models import Event
from tests.documents.factories import NewsArticleFactory, PublicationFactory
from tests.events.factories import EventFactory, RecordingFactory, RegistrationFactory
from tests.factories import CoordinatorFactory, UserFactory
from tests.helpers import Client, finish_response
from tests.measures.factories import MeasureFactory, published

pytestmark = pytest.mark.django_db

LOGIN = "login"  # 302 to the login page
ROLES = ("anon", "coord_a", "coord_b", "sfk")
EXCLUDED_URLCONFS = {"slt_portal.api.urls"}  # the open data API: its own tests


def answers(anon, coord_a, coord_b, sfk, *, post=False, **url_kwargs) -> dict:
    """One matrix entry: the answer for each role; `post`: the view takes only POST; `url_kwargs`:
    URL parameter → name of an object in the `objects` fixture."""
    return {"anon": anon, "coord_a": coord_a, "coord_b": coord_b, "sfk": sfk, "post": post, "kwargs": url_kwargs}


MATRIX = {
    # Site-wide
    "home": answers(200, 200, 200, 200),
    "search": answers(200, 200, 200, 200),
    "healthz": answers(200, 200, 200, 200),
    "robots_txt": answers(200, 200, 200, 200),
    "favicon": answers(301, 301, 301, 301),
    "sitemap": answers(200, 200, 200, 200),
    "public_media": answers(200, 200, 200, 200, path="photo"),
    "api_docs": answers(200, 200, 200, 200),
    "sfk_dashboard": answers(LOGIN, 403, 403, 200),
    "sfk_export_csv": answers(LOGIN, 403, 403, 200),
    "sfk_export_xlsx": answers(LOGIN, 403, 403, 200),
    "sfk_outbox": answers(LOGIN, 403, 403, 200),
    "sfk_outbox_detail": answers(LOGIN, 403, 403, 200, pk="outbox"),
    "sfk_outbox_retry": answers(LOGIN, 403, 403, 302, post=True, pk="outbox"),
    # Accounts
    "accounts:account": answers(LOGIN, 200, 200, 200),
    "accounts:my_data": answers(LOGIN, 200, 200, 200),
    "accounts:my_data_delete": answers(LOGIN, 200, 200, 403),  # coordinators only; Sfk admins ask another admin
    "accounts:login": answers(200, 302, 302, 302),
    "accounts:logout": answers(200, 200, 200, 200, post=True),
    "accounts:password_change": answers(LOGIN, 200, 200, 200),
    "accounts:password_reset": answers(200, 200, 200, 200),
    "accounts:password_reset_done": answers(200, 200, 200, 200),
    "accounts:password_reset_complete": answers(200, 200, 200, 200),
    "accounts:password_reset_confirm": answers(302, 302, 302, 302, uidb64="uidb64", token="reset_token"),
    "accounts:two_factor_setup": answers(LOGIN, 200, 200, 200),
    "accounts:two_factor_verify": answers(LOGIN, 302, 302, 200),  # 302: no device yet
    "accounts:two_factor_disable": answers(LOGIN, 302, 302, 302, post=True),
    "accounts:user_list": answers(LOGIN, 403, 403, 200),
    "accounts:email_confirm": answers(400, 400, 400, 400, token="bad_token"),  # an invalid link
    "accounts:lockouts": answers(LOGIN, 403, 403, 200),
    "accounts:lockout_unlock": answers(LOGIN, 403, 403, 302, post=True, pk="attempt"),
    "accounts:user_detail": answers(LOGIN, 403, 403, 200, pk="user"),
    "accounts:user_anonymise": answers(LOGIN, 403, 403, 200, pk="user"),
    # Directory and units
    "municipalities:search": answers(200, 200, 200, 200),
    "municipalities:export": answers(200, 200, 200, 200),
    "municipalities:export_xlsx": answers(200, 200, 200, 200),
    "municipalities:municipality": answers(200, 200, 200, 200, number="municipality"),
    "municipalities:counties": answers(200, 200, 200, 200),
    "municipalities:coverage": answers(200, 200, 200, 200),
    "municipalities:unit": answers(200, 200, 200, 200, slug="unit"),
    "municipalities:my_units": answers(LOGIN, 200, 200, 200),
    "municipalities:unit_edit": answers(LOGIN, 200, 403, 200, slug="unit"),
    "municipalities:unit_verify": answers(LOGIN, 302, 403, 302, post=True, slug="unit"),
    # The unit page is public: another unit's coordinator may see the unit, not its history (403).
    "municipalities:unit_history": answers(LOGIN, 200, 403, 200, slug="unit"),
    "municipalities:coordinator_edit": answers(LOGIN, 200, 403, 200, pk="entry"),
    "municipalities:coordinator_edit hidden": answers(LOGIN, 200, 404, 200, pk="hidden_entry"),
    "municipalities:coordinator_end": answers(LOGIN, 200, 403, 200, pk="entry"),
    "municipalities:coordinator_end hidden": answers(LOGIN, 200, 404, 200, pk="hidden_entry"),
    "municipalities:coordinator_create": answers(LOGIN, 403, 403, 200, slug="unit"),
    "municipalities:coordinator_invite": answers(LOGIN, 403, 403, 302, post=True, pk="invited_entry"),
    "municipalities:admin_units": answers(LOGIN, 403, 403, 200),
    "municipalities:unit_create": answers(LOGIN, 403, 403, 200),
    "municipalities:stale": answers(LOGIN, 403, 403, 200),
    "municipalities:invitation_accept": answers(200, 200, 200, 200, token="invitation_token"),
    "municipalities:invitations": answers(LOGIN, 403, 403, 200),
    "municipalities:invitation_resend": answers(LOGIN, 403, 403, 302, post=True, pk="invitation"),
    "municipalities:invitation_revoke": answers(LOGIN, 403, 403, 302, post=True, pk="invitation"),
    # Measures
    "measures:list": answers(200, 200, 200, 200),
    "measures:export_csv": answers(200, 200, 200, 200),
    "measures:export_xlsx": answers(200, 200, 200, 200),
    "measures:detail": answers(200, 200, 200, 200, pk="published", slug="published"),
    "measures:detail draft": answers(404, 200, 404, 200, pk="draft", slug="draft"),
    "measures:detail_short": answers(301, 301, 301, 301, pk="published"),
    "measures:mine": answers(LOGIN, 200, 200, 200),
    "measures:create": answers(LOGIN, 200, 200, 200),
    "measures:edit": answers(LOGIN, 200, 403, 200, pk="published"),
    "measures:edit draft": answers(LOGIN, 200, 404, 200, pk="draft"),
    "measures:copy": answers(LOGIN, 200, 200, 200, pk="published"),
    "measures:copy draft": answers(LOGIN, 200, 404, 200, pk="draft"),
    "measures:publish": answers(LOGIN, 302, 404, 302, post=True, pk="draft"),
    "measures:archive": answers(LOGIN, 302, 403, 302, post=True, pk="published"),
    "measures:history": answers(LOGIN, 200, 403, 200, pk="published"),
    "measures:history draft": answers(LOGIN, 200, 404, 200, pk="draft"),
    "measures:lists": answers(LOGIN, 403, 403, 200),
    "measures:list_detail": answers(LOGIN, 403, 403, 200, key="list_key"),
    "measures:list_value_edit": answers(LOGIN, 403, 403, 200, key="list_key", pk="theme"),
    "measures:list_value_action": answers(LOGIN, 403, 403, 302, post=True, key="list_key", pk="theme"),
    # Documents: library, news, information pages, contact
    "documents:library": answers(200, 200, 200, 200),
    "documents:mine": answers(LOGIN, 200, 200, 200),
    "documents:create": answers(LOGIN, 200, 200, 200),
    "documents:detail": answers(200, 200, 200, 200, slug="publication"),
    "documents:detail restricted": answers(LOGIN, 200, 200, 200, slug="restricted"),
    "documents:download": answers(200, 200, 200, 200, slug="publication"),
    "documents:download restricted": answers(LOGIN, 200, 200, 200, slug="restricted"),
    "documents:cover": answers(200, 200, 200, 200, slug="publication"),
    "documents:cover restricted": answers(LOGIN, 200, 200, 200, slug="restricted"),
    "documents:edit": answers(LOGIN, 200, 403, 200, slug="publication"),
    "documents:edit restricted": answers(LOGIN, 200, 403, 200, slug="restricted"),
    "documents:delete": answers(LOGIN, 200, 403, 200, slug="publication"),
    "documents:news_list": answers(200, 200, 200, 200),
    "documents:news_rss": answers(200, 200, 200, 200),
    "documents:news_atom": answers(200, 200, 200, 200),
    "documents:news_detail": answers(200, 200, 200, 200, slug="news"),
    "documents:news_detail scheduled": answers(404, 404, 404, 200, slug="scheduled_news"),
    "documents:news_create": answers(LOGIN, 403, 403, 200),
    "documents:news_edit": answers(LOGIN, 403, 403, 200, slug="news"),
    "documents:about": answers(200, 200, 200, 200),
    "documents:accessibility": answers(200, 200, 200, 200),
    "documents:privacy": answers(200, 200, 200, 200),
    "documents:page": answers(200, 200, 200, 200, slug="page"),
    "documents:page_edit": answers(LOGIN, 403, 403, 200, slug="page"),
    "documents:contact": answers(200, 200, 200, 200),
    "documents:contact_thanks": answers(200, 200, 200, 200),
    "documents:contact_messages": answers(LOGIN, 403, 403, 200),
    "documents:contact_message_handle": answers(LOGIN, 403, 403, 302, post=True, pk="contact"),
    # Events
    "events:list": answers(200, 200, 200, 200),
    "events:past": answers(200, 200, 200, 200),
    "events:feed": answers(200, 200, 200, 200),
    "events:rss": answers(200, 200, 200, 200),
    "events:recordings": answers(200, 200, 200, 200),
    "events:detail": answers(200, 200, 200, 200, slug="event"),
    "events:detail draft": answers(404, 404, 404, 200, slug="draft_event"),
    "events:ics": answers(200, 200, 200, 200, slug="event"),
    "events:event_recordings": answers(200, 200, 200, 200, slug="event"),
    "events:register": answers(200, 200, 200, 200, slug="event"),
    "events:registration": answers(200, 200, 200, 200, token="registration_token"),
    "events:registration_cancel": answers(200, 200, 200, 200, token="registration_token"),
    "events:admin_list": answers(LOGIN, 403, 403, 200),
    "events:registration_confirm": answers(200, 200, 200, 200, token="confirmation_token"),
    "events:event_create": answers(LOGIN, 403, 403, 200),
    "events:event_edit": answers(LOGIN, 403, 403, 200, slug="event"),
    "events:event_publish": answers(LOGIN, 403, 403, 200, slug="event"),
    "events:event_duplicate": answers(LOGIN, 403, 403, 200, slug="event"),
    "events:event_recordings_admin": answers(LOGIN, 403, 403, 200, slug="event"),
    "events:recording_edit": answers(LOGIN, 403, 403, 200, slug="event", pk="recording"),
    "events:recording_delete": answers(LOGIN, 403, 403, 302, post=True, slug="event", pk="recording"),
    "events:participants": answers(LOGIN, 403, 403, 200, slug="event"),
    "events:participants_csv": answers(LOGIN, 403, 403, 200, slug="event"),
    "events:participants_xlsx": answers(LOGIN, 403, 403, 200, slug="event"),
    "events:participant_email": answers(LOGIN, 403, 403, 200, slug="event"),
    "events:cancel": answers(LOGIN, 403, 403, 200, slug="event"),
    "events:participant_attendance": answers(LOGIN, 403, 403, 302, post=True, slug="event", pk="registration"),
    "events:participant_move": answers(LOGIN, 403, 403, 302, post=True, slug="event", pk="registration"),
    "events:participant_decision": answers(LOGIN, 403, 403, 302, post=True, slug="event", pk="registration"),
}


# --- Walking the URL patterns ------------------------------------------------------------------


def _walk(patterns, namespace="", prefix=""):
    """(namespace, qualified URL name or None, route, pattern) of every view below `patterns`."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if getattr(pattern.urlconf_module, "__name__", None) in EXCLUDED_URLCONFS:
                continue
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from _walk(pattern.url_patterns, inner, route)
        elif isinstance(pattern, URLPattern):
            name = ":".join(filter(None, [namespace, pattern.name])) if pattern.name else None
            yield namespace, name, route, pattern


def site_views():
    """(URL name or None, route) of every view but the admin's and the API's."""
    return [
        (name, route)
        for namespace, name, route, _pattern in _walk(get_resolver().url_patterns)
        if namespace.split(":")[0] != "admin"
    ]


def admin_views():
    """(URL name, pattern) of every named view of the admin site."""
    return [
        (name, pattern)
        for namespace, name, _route, pattern in _walk(get_resolver().url_patterns)
        if namespace.split(":")[0] == "admin" and name
    ]


def test_every_view_is_in_the_matrix():
    """A view without an entry fails here, with its name: add one line to MATRIX."""
    views = site_views()
    unnamed = [route for name, route in views if name is None]
    assert not unnamed, f"URL patterns without a name (give them one and add it to MATRIX): {unnamed}"
    names = {name for name, _route in views}
    listed = {key.split(" ")[0] for key in MATRIX}
    missing = sorted(names - listed)
    assert not missing, (
        "Views missing from the permission matrix in tests/security/test_permission_matrix.py "
        f"(add one line each with the answer for {', '.join(ROLES)}): {', '.join(missing)}"
    )
    assert not listed - names, f"Matrix entries for views that no longer exist: {sorted(listed - names)}"
    for key, entry in MATRIX.items():
        assert set(ROLES) <= set(entry), f"{key}: needs an answer for each of {ROLES}"


# --- The data: objects owned by unit A, and the four users --------------------------------------


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def _cover():
    return ContentFile(_png(), name="omslag.png")


@pytest.fixture
def objects(unit_a, unit_b, coordinator_a, coordinator_b, sfk_admin):
    from axes.models import AccessAttempt

    from core.models import Theme
    from documents.content import ensure_pages
    from documents.models import ContactMessage, InfoPage
    from events.tokens import confirmation_token, registration_token
    from municipalities.services import invitation_send, invitation_token
    from outbox.models import OutboxMessage

    ensure_pages(InfoPage)
    event = EventFactory(slug="samling")
    recording = RecordingFactory(event=event)
    registration = RegistrationFactory(event=event)
    invited = CoordinatorFactory(unit=unit_a, user=None, is_public=True)
    resetting = UserFactory()  # a password reset link of someone else (a login changes the token)
    invitation = invitation_send(coordinator=invited, by=sfk_admin)
    photo = default_storage.save("coordinators/matrise.png", ContentFile(_png()))
    return {
        "unit": unit_a,
        "municipality": unit_a.memberships.get().municipality,
        "draft": MeasureFactory(unit=unit_a, title="Utkast A"),
        "published": published(unit=unit_a, title="Publisert A"),
        "entry": unit_a.coordinators.get(user=coordinator_a),
        "hidden_entry": CoordinatorFactory(unit=unit_a, is_public=False),
        "invited_entry": invited,
        "publication": PublicationFactory(unit=unit_a, slug="apen-a", cover_image=_cover()),
        "restricted": PublicationFactory(unit=unit_a, slug="begrenset-a", is_restricted=True, cover_image=_cover()),
        "news": NewsArticleFactory(slug="nyhet-a"),
        "scheduled_news": NewsArticleFactory(slug="nyhet-senere", publish_at=timezone.now() + dt.timedelta(days=1)),
        "page": InfoPage.objects.get(slug="sfk-rolle"),
        "contact": ContactMessage.objects.create(name="N", email="n@example.no", subject="S", message="M"),
        "event": event,
        "draft_event": EventFactory(slug="utkast", status=Event.Status.DRAFT),
        "registration": registration,
        "registration_token": registration_token(registration),
        "invitation": invitation,
        "invitation_token": invitation_token(invitation),
        "user": coordinator_a,
        "uidb64": urlsafe_base64_encode(force_bytes(resetting.pk)),
        "reset_token": default_token_generator.make_token(resetting),
        "photo": photo,
        "recording": recording,
        "confirmation_token": confirmation_token(RegistrationFactory(event=event, status="unconfirmed")),
        "bad_token": "ugyldig",
        "list_key": "tema",
        "theme": Theme.objects.create(slug="matrise", name="Matrise"),
        "outbox": OutboxMessage.objects.create(to=["x@example.no"], subject="S", body="B"),
        "attempt": AccessAttempt.objects.create(
            username="laast@example.no", ip_address="10.0.0.9", failures_since_start=10
        ),
    }


@pytest.fixture
def users(coordinator_a, coordinator_b, sfk_admin):
    return {"anon": None, "coord_a": coordinator_a, "coord_b": coordinator_b, "sfk": sfk_admin}


def _url(key, entry, objects) -> str:
    name = key.split(" ")[0]
    kwargs = {}
    for param, object_name in entry.get("kwargs", {}).items():
        value = objects[object_name]
        kwargs[param] = value if isinstance(value, str | int) else getattr(value, param)
    return reverse(name, kwargs=kwargs)


def _answer(client, key, entry, url):
    """The status, or LOGIN for a redirect to the login page; nothing the request changed stays."""
    with transaction.atomic():
        response = client.post(url) if entry.get("post") else client.get(url)
        transaction.set_rollback(True)
    finish_response(response)
    if response.status_code == 302 and response["Location"].startswith(reverse("accounts:login")):
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(objects, users, role):
    client = Client(raise_request_exception=False)
    if users[role] is not None:
        client.force_login(users[role])
    cookies = client.cookies
    wrong = []
    for key, entry in MATRIX.items():
        client.cookies = cookies.__class__(cookies)  # a logout in one request does not log out the next
        url = _url(key, entry, objects)
        answer = _answer(client, key, entry, url)
        if answer != entry[role]:
            wrong.append(f"  {key} ({'POST' if entry.get('post') else 'GET'} {url}): {answer}, expected {entry[role]}")
    assert not wrong, f"{role} got other answers than the permission matrix says:\n" + "\n".join(wrong)


# --- The Django admin -----------------------------------------------------------------------------


def _admin_url(name, pattern, objects) -> str:
    """The admin view's URL with an existing object of its model where there is one."""
    models = {f"admin:{m._meta.app_label}_{m._meta.model_name}": m for m in admin.site._registry}
    model = next((m for prefix, m in models.items() if name.startswith(prefix + "_")), None)
    obj = model._default_manager.order_by("pk").first() if model else None
    params = pattern.pattern.regex.groupindex
    if "content_type_id" in params:  # view_on_site
        from django.contrib.contenttypes.models import ContentType

        measure = objects["published"]
        return reverse(name, args=[ContentType.objects.get_for_model(measure).pk, measure.pk])
    if not params and pattern.pattern.regex.groups == 2:  # django-simple-history: object, history record
        record = obj.history.order_by("history_id").first()
        return reverse(name, args=[obj.pk, record.history_id])
    kwargs = {param: "measures" if param == "app_label" else str(obj.pk if obj else 0) for param in params}
    return reverse(name, kwargs=kwargs)


def test_admin_needs_a_verified_superuser(objects, users):
    """Every view of the admin site (its own login page aside) sends anonymous users, coordinators,
    staff without the Sfk role and Sfk admins who are not superusers to the admin login (which
    answers 403, and sends the Sfk admin on to the Sfk workspace), and Sfk admins and superusers who
    have not done the second login step to the code step. Verified superusers get every page without
    a server error, every change list with 200."""
    from django.test import Client as PlainClient  # its force_login leaves the second step undone

    superuser = UserFactory(is_staff=True, is_superuser=True)
    clients = {"anon": Client(raise_request_exception=False)}
    for role, user, client_class in [
        ("coord_a", users["coord_a"], Client),
        ("staff", UserFactory(is_staff=True), Client),
        ("sfk_unverified", users["sfk"], PlainClient),
        ("superuser_unverified", superuser, PlainClient),
        ("sfk", users["sfk"], Client),
        ("superuser", superuser, Client),
    ]:
        clients[role] = client_class(raise_request_exception=False)
        clients[role].force_login(user)
    admin_index, admin_login = reverse("admin:index"), reverse("admin:login")
    code_step = reverse("accounts:two_factor_verify")
    views = admin_views()
    assert len(views) > 100  # the walk reached every ModelAdmin
    wrong = []
    for name, pattern in views:
        url = _admin_url(name, pattern, objects)
        for role, client in clients.items():
            with transaction.atomic():
                response = client.get(url)
                transaction.set_rollback(True)
            finish_response(response)
            status, location = response.status_code, response.get("Location", "")
            if role in ("anon", "coord_a", "staff", "sfk"):
                if name == "admin:login" and role == "sfk":
                    ok = status == 302 and location == reverse("sfk_dashboard")
                elif name == "admin:login":
                    ok = status == (200 if role == "anon" else 403)
                else:  # the admin's logout sends those who are not admins to the index, then to the login
                    ok = location.startswith(admin_login) or (name == "admin:logout" and location == admin_index)
            elif role.endswith("_unverified"):
                ok = location.startswith(code_step)
            else:
                refused = status == 302 and location.startswith((admin_login, code_step))
                ok = status < 500 and not refused and (status == 200 or not name.endswith("_changelist"))
            if not ok:
                wrong.append(f"  {name} (GET {url}) as {role}: {status} {location}")
    assert not wrong, "The admin answered other than it should:\n" + "\n".join(wrong)
