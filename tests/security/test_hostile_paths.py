"""Huge ids, long tokens and odd slugs in the path: 404/400/302, never a 500 (SQLite and PostgreSQL)."""

import pytest

from tests.helpers import Client

BIG = "9" * 30
PATHS = [
    f"/tiltak/{BIG}/",
    f"/tiltak/{BIG}-x/",
    f"/tiltak/{BIG}/rediger/",
    f"/tiltak/{BIG}/kopier/",
    f"/tiltak/{BIG}/historikk/",
    f"/koordinator/{BIG}/rediger/",
    f"/koordinator/{BIG}/avslutt/",
    f"/konto/brukere/{BIG}/",
    f"/arrangementer/x/deltakere/{BIG}/flytt/",
    "/kommune/0000/",
    "/arrangementer/pamelding/" + "a" * 3000 + "/",
    "/invitasjon/" + "a:b:c" * 500 + "/",
    "/slt-enhet/%C3%A6%C3%B8/",
    "/dokumenter/%00/",
    "/aktuelt/" + "x" * 400 + "/",
]


@pytest.mark.django_db
def test_hostile_paths_never_500(sfk_admin):
    bad = []
    for logged in (False, True):
        c = Client(raise_request_exception=False)
        if logged:
            c.force_login(sfk_admin)
        for p in PATHS:
            for method in ("get", "post"):
                r = getattr(c, method)(p)
                if r.status_code >= 500:
                    bad.append((p[:60], method, logged, r.status_code))
    assert not bad
