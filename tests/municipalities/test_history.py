"""The unit's change log (/slt-enhet/<slug>/historikk/): for the unit's coordinators and Sfk, every
changed field old → new as people read it; Sfk's notes for Sfk only; paginated; fixed query count."""

import pytest

from municipalities import services
from tests.helpers import assert_page, assert_pages, history_changes

pytestmark = pytest.mark.django_db


def _unit_post(unit, **overrides):
    return {
        "email": "ny@kommune.example.no",
        "started_year": "2015",
        "has_steering_group": "on",
        "police_contact": "Øst politidistrikt",
        "name": unit.name,
        "slug": unit.slug,
        "status": "active",
        "municipalities": [m.pk for m in unit.municipalities.all()],
    } | overrides


def _coordinator_post(entry, **overrides):
    return {"name": entry.name, "title": entry.title, "email": entry.email, "is_public": "on"} | overrides


def test_unit_history_shows_old_and_new_values_to_the_units_coordinator(client, coordinator_a, sfk_admin, unit_a):
    old_email = unit_a.email
    entry = unit_a.coordinators.get(user=coordinator_a)
    client.force_login(coordinator_a)
    assert client.post(f"/slt-enhet/{unit_a.slug}/rediger/", _unit_post(unit_a)).status_code == 302
    response = client.post(f"/koordinator/{entry.pk}/rediger/", _coordinator_post(entry, title="SLT-rådgiver"))
    assert response.status_code == 302
    client.force_login(sfk_admin)
    data = _unit_post(unit_a, status="ended", sfk_notes="Intern merknad")
    assert client.post(f"/slt-enhet/{unit_a.slug}/rediger/", data).status_code == 302

    client.force_login(coordinator_a)
    html = client.get(f"/slt-enhet/{unit_a.slug}/historikk/").content.decode()
    changes = history_changes(html)
    assert f"Felles e-post for enheten: fra {old_email} → til ny@kommune.example.no" in changes  # text
    assert "År SLT startet: fra (tom) → til 2015" in changes  # a number, from empty
    assert "Har politiråd eller styringsgruppe: fra Nei → til Ja" in changes  # a yes/no field
    assert "Status: fra Aktiv → til Avsluttet" in changes  # a choice, by its label
    assert "Gjeldende medlemskap: fra Ja → til Nei" in changes  # the member municipality follows
    assert "Stillingstittel: fra SLT-koordinator → til SLT-rådgiver" in changes  # a coordinator entry
    assert f"Brukerkonto: {coordinator_a}" in changes  # a foreign key, by name (the entry's creation)
    # Sfk's notes are not shown to the unit's coordinators, here or anywhere.
    assert "Intern merknad" not in html and not any(c.startswith("Notater for Sfk") for c in changes)

    client.force_login(sfk_admin)
    changes = history_changes(client.get(f"/slt-enhet/{unit_a.slug}/historikk/").content.decode())
    assert "Notater for Sfk (ikke offentlig): fra (tom) → til Intern merknad" in changes


def test_unit_history_pages_in_every_language_and_linked_from_my_unit(client, coordinator_a, sfk_admin, unit_a):
    entry = unit_a.coordinators.get(user=coordinator_a)
    entry.title = "Rådgiver"
    services.coordinator_save(coordinator=entry, by=coordinator_a)
    unit_a.has_steering_group = True
    services.unit_save(unit=unit_a, by=sfk_admin)
    url = f"/slt-enhet/{unit_a.slug}/historikk/"
    for user in (coordinator_a, sfk_admin):
        client.force_login(user)
        assert_pages(client, [url], max_queries=10)
    client.force_login(coordinator_a)
    assert url in client.get("/min-slt-enhet/").content.decode()
    assert url in client.get(f"/slt-enhet/{unit_a.slug}/").content.decode()
    en = history_changes(client.get(f"/en{url}").content.decode())
    assert "Has a police council or steering group: from No → to Yes" in en
    nn = history_changes(client.get(f"/nn{url}").content.decode())
    assert "Har politiråd eller styringsgruppe: frå Nei → til Ja" in nn


def test_unit_history_is_paginated(client, coordinator_a, unit_a):
    for n in range(30):
        unit_a.police_contact = f"Stasjon {n}"
        services.unit_save(unit=unit_a, by=coordinator_a)
    client.force_login(coordinator_a)
    assert_page(client, f"/slt-enhet/{unit_a.slug}/historikk/", max_queries=10)  # 25 entries, no N+1
    first = history_changes(client.get(f"/slt-enhet/{unit_a.slug}/historikk/").content.decode())
    assert first[0] == "Politikontakt (rolle): fra Stasjon 28 → til Stasjon 29"
    assert len(first) == 25 and "Politikontakt (rolle): fra Stasjon 3 → til Stasjon 4" not in first
    second = history_changes(client.get(f"/slt-enhet/{unit_a.slug}/historikk/?page=2").content.decode())
    assert "Politikontakt (rolle): fra Stasjon 3 → til Stasjon 4" in second
