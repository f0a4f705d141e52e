"""Every message a user can see is in the page's language: each form's errors, rendered in nb, nn and
en, never equal a msgid of Django's catalogues, an untranslated msgid of ours (on nn) or one of our
English translations (on nb and nn)."""

import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import django
import polib
import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.management import call_command
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.demo import DEMO_ADMIN_EMAIL, DEMO_COORDINATOR_EMAIL
from accounts.models import User
from tests.helpers import language_of

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|\{\w*\}")
# Values that trip the password validators and the e-mail field, besides the empty POST.
BAD_PASSWORDS = {"old_password": "feil-passord", "new_password1": "kort", "new_password2": "kort"}


def _pattern(text: str) -> re.Pattern:
    parts = PLACEHOLDER.split(" ".join(text.split()))
    return re.compile("^" + ".+".join(re.escape(part) for part in parts) + "$", re.S)


def _entries(path: Path):
    return [entry for entry in polib.pofile(str(path)) if not entry.obsolete]


def _foreign_messages() -> dict[str, list[re.Pattern]]:
    """For nb and nn: patterns of text that would mean a message was not translated."""
    django_root = Path(django.__file__).parent
    django_ids = {
        text
        for path in [
            *django_root.glob("conf/locale/en/LC_MESSAGES/django.po"),
            *django_root.glob("contrib/*/locale/en/LC_MESSAGES/django.po"),
        ]
        for entry in _entries(path)
        for text in (entry.msgid, entry.msgid_plural)
        if text and len(text) > 3
    }
    ours = [
        ROOT / "locale",
        *(ROOT / app / "locale" for app in ("accounts", "municipalities", "measures", "documents", "events", "outbox")),
    ]
    english, untranslated_nn = set(), set()
    for base in ours:
        nn = {e.msgid: e for e in _entries(base / "nn/LC_MESSAGES/django.po")}
        for entry in _entries(base / "en/LC_MESSAGES/django.po"):
            forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
            nn_entry = nn.get(entry.msgid)
            nn_forms = (
                (list(nn_entry.msgstr_plural.values()) if entry.msgid_plural else [nn_entry.msgstr]) if nn_entry else []
            )
            english |= {form for form in forms if form not in (entry.msgid, *nn_forms)}
            if nn_entry and entry.msgid not in nn_forms:
                untranslated_nn.add(entry.msgid)
    nb = {text for text in django_ids | english if _wordy(text)}
    nn = nb | {text for text in untranslated_nn if _wordy(text)}
    return {"nb": [_pattern(t) for t in nb], "nn": [_pattern(t) for t in nn]}


def _wordy(text: str) -> bool:
    """More than placeholders and punctuation ("%(value)s…" would match any text)."""
    return len(re.findall(r"\w", PLACEHOLDER.sub("", text))) >= 4


class _Page(HTMLParser):
    """Forms (action, has visible fields) and links of a page, and the error texts shown."""

    def __init__(self):
        super().__init__()
        self.links, self.forms, self.errors = [], [], []
        self._form = None
        self._error_depth = 0
        self._text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self._form = {"action": attrs.get("action") or "", "fields": False}
        elif tag in {"input", "textarea", "select"} and self._form is not None:
            if attrs.get("type") not in {"hidden", "submit", "button"}:
                self._form["fields"] = True
        if "ds-validation-message" in classes or (tag == "li" and self._in_summary):
            self._error_depth, self._text = 1, []
        elif self._error_depth:
            self._error_depth += 1

    _in_summary = False

    def handle_endtag(self, tag):
        if tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None
        if self._error_depth:
            self._error_depth -= 1
            if not self._error_depth:
                self.errors.append(" ".join("".join(self._text).split()))

    def handle_data(self, data):
        if self._error_depth:
            self._text.append(data)


def _page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def _route(path: str) -> str | None:
    try:
        with translation.override(language_of(path)):  # the last request's language is still active
            match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def _form_urls(client, start: list[str], limit: int = 400) -> dict[str, str]:
    """Crawl from start; {route of the form's action: URL to POST to} for every form with fields."""
    seen, routes, forms, queue = set(), set(), {}, list(start)
    while queue and len(seen) < limit:
        url = queue.pop(0)
        route = _route(urlsplit(url).path)
        if url in seen or route is None or route in routes:
            continue
        seen.add(url)
        routes.add(route)
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            if response.streaming:  # read to the end, which closes it (response.close() would close
                b"".join(response.streaming_content)  # the test's database connection)
            continue
        page = _page(response.content.decode())
        for form in page.forms:
            action = form["action"] or urlsplit(url).path
            if form["fields"] and "logg-ut" not in action:
                forms.setdefault(_route(action), action)
        queue.extend(
            urldefrag(href)[0]
            for href in page.links
            if href.startswith("/") and not href.startswith(("/static/", "/media/", "/admin/"))
        )
    return forms


def _errors(client, url: str, data: dict) -> list[str]:
    response = client.post(url, data)
    return _page(response.content.decode()).errors if response.status_code in (200, 400) else []


def _check(client, path: str, data: dict, foreign: dict, found: list, problems: list):
    for code in ("nb", "nn", "en"):
        url = path if code == "nb" else f"/{code}{path}"
        errors = _errors(client, url, data)
        found.extend(errors)
        if code == "en":
            continue
        for error in errors:
            if any(pattern.match(error) for pattern in foreign[code]):
                problems.append(f"{url}: {error!r}")


@pytest.fixture
def demo(municipalities):
    with open(os.devnull, "w") as devnull:
        call_command("load_pages", stdout=devnull)
        call_command("load_demo", allow_production=True, stdout=devnull)


def test_every_forms_errors_are_in_the_pages_language(client, demo):
    foreign = _foreign_messages()
    problems, found = [], []
    # Anonymous forms, and the password forms with a too-short password.
    user = User.objects.get(email=DEMO_COORDINATOR_EMAIL)
    token = default_token_generator.make_token(user)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    anonymous = _form_urls(client, ["/", "/konto/logg-inn/", "/konto/glemt-passord/", "/kontakt/"])
    for path in anonymous.values():
        _check(client, path, {}, foreign, found, problems)
    _check(client, "/konto/logg-inn/", {"username": "ikke-en-adresse", "password": "x"}, foreign, found, problems)
    _check(client, "/konto/glemt-passord/", {"email": "ikke-en-adresse"}, foreign, found, problems)
    confirm = client.get(f"/konto/glemt-passord/{uid}/{token}/")  # redirects to the set-password URL
    assert confirm.status_code == 302
    _check(client, confirm["Location"], {"new_password1": "kort", "new_password2": "kort"}, foreign, found, problems)
    _check(client, confirm["Location"], {"new_password1": "1234567890", "new_password2": "0"}, foreign, found, problems)
    # Signed-in forms: a coordinator's and Sfk's.
    for email in (DEMO_COORDINATOR_EMAIL, DEMO_ADMIN_EMAIL):
        client.force_login(User.objects.get(email=email))
        forms = _form_urls(client, ["/konto/", "/min-slt-enhet/", "/tiltak/mine/", "/sfk/"])
        for path in forms.values():
            _check(client, path, {}, foreign, found, problems)
        _check(client, "/konto/passord/", BAD_PASSWORDS, foreign, found, problems)
        _check(
            client,
            "/konto/passord/",
            {**BAD_PASSWORDS, "new_password1": "1234567890", "new_password2": "1234567890"},
            foreign,
            found,
            problems,
        )
    assert len(set(found)) > 20, sorted(set(found))  # the forms did show their errors
    assert not problems, sorted(set(problems))
    assert any("teikn" in error for error in found)  # nn password length message
