import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from core.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_a_session_is_read_back_and_an_expired_one_is_not():
    store = SessionStore()
    store["colour"] = "blue"
    store.save()
    assert SessionStore(store.session_key).load() == {"colour": "blue"}
    Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    expired = SessionStore(store.session_key)
    assert expired.load() == {}
    assert expired.session_key is None
    assert SessionStore("x" * 32).load() == {}
