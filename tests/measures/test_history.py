"""The measure's history page: who changed what and when, each field old → new as people read it,
the lists (themes, classifications) included; paginated, with a fixed number of queries."""

import pytest
from django.urls import reverse

from core.models import Theme
from measures import services
from measures.models import Classification, Measure
from tests.helpers import assert_page, assert_pages, history_changes

pytestmark = pytest.mark.django_db


def _form(unit, **overrides):
    data = {
        "unit": unit.pk,
        "title": "Natteravn",
        "summary": "Voksne på tur.",
        "description": "Innledning. " * 30 + "Vi går hver fredag.",
        "language": "nb",
        "contact_name": "Kari",
        "contact_email": "kari@example.no",
        "status": "active",
        "themes": [Theme.objects.get(slug="vold").pk],
        "arenas": [Classification.objects.get(kind="arena", slug="skole").pk],
        "ungsinn_level": "",
    }
    return data | overrides


def test_history_shows_old_and_new_values_of_every_kind_of_field(client, coordinator_a, unit_a):
    client.force_login(coordinator_a)
    client.post(reverse("measures:create"), _form(unit_a))
    measure = Measure.objects.get()
    vold, mobbing = Theme.objects.get(slug="vold"), Theme.objects.get(slug="mobbing")
    skole = Classification.objects.get(kind="arena", slug="skole")
    edit = _form(
        unit_a,
        title="Natteravn 2",  # text
        status="ended",  # a choice
        end_date="2026-05-31",  # a date, from empty
        ungsinn_level="3",  # an integer choice
        ungsinn_url="https://ungsinn.no/post_tiltak/natteravn/",
        themes=[vold.pk, mobbing.pk],  # a many-to-many list
        arenas=[],  # emptied
        description="Innledning. " * 30 + "Vi går hver lørdag.",  # long text
    )
    response = client.post(reverse("measures:edit", args=[measure.pk]), edit)
    assert response.status_code == 302
    services.measure_publish(measure=Measure.objects.get(), by=coordinator_a)

    response = client.get(reverse("measures:history", args=[measure.pk]))
    changes = history_changes(response.content.decode())
    # Newest first: the publication, then the edit, then the creation.
    assert changes[0] == "Publiseringsstatus: fra Utkast → til Publisert"
    assert "Tittel: fra Natteravn → til Natteravn 2" in changes
    assert "Status: fra Aktivt → til Avsluttet" in changes
    assert "Sluttdato: fra (tom) → til 31.05.2026" in changes
    assert "Evidensnivå i Ungsinn: fra (tom) → til 3 – Noe dokumentasjon på effekt" in changes
    assert f"Temaer: fra {vold.name} → til {mobbing.name}, {vold.name}" in changes
    assert f"Arenaer: fra {skole.name} → til (tom)" in changes
    description = next(c for c in changes if c.startswith("Beskrivelse:"))
    # Long text is shown around the change, not from its start.
    assert description.startswith("Beskrivelse: fra …") and "Vi går hver fredag. → til …" in description
    assert description.endswith("Vi går hver lørdag.") and len(description) < 2 * 200
    # The creation lists what was filled in (without "from").
    assert "Tittel: Natteravn" in changes and f"Arenaer: {skole.name}" in changes
    assert "SLT-enhet: SLT Enhet A" in changes
    html = response.content.decode()
    assert str(coordinator_a.full_name or coordinator_a.email) in html


def test_history_is_translated_and_needs_at_most_ten_queries(client, coordinator_a, unit_a):
    client.force_login(coordinator_a)
    client.post(reverse("measures:create"), _form(unit_a))
    measure = Measure.objects.get()
    client.post(reverse("measures:edit", args=[measure.pk]), _form(unit_a, title="Ny", arenas=[]))
    client.post(
        reverse("measures:edit", args=[measure.pk]),
        _form(unit_a, cost_level="low", themes=[Theme.objects.get(slug="mobbing").pk]),
    )
    assert_pages(client, [reverse("measures:history", args=[measure.pk])], max_queries=10)
    changes = history_changes(client.get(f"/en/tiltak/{measure.pk}/historikk/").content.decode())
    assert "Cost level: from (empty) → to Low" in changes
    assert "Kostnadsnivå: frå (tom) → til Låg" in history_changes(
        client.get(f"/nn/tiltak/{measure.pk}/historikk/").content.decode()
    )


def test_history_is_paginated(client, coordinator_a, unit_a):
    data = {
        "title": "Natteravn",
        "summary": "Voksne på tur.",
        "contact_name": "Kari",
        "contact_email": "kari@example.no",
        "themes": [Theme.objects.get(slug="vold")],
    }
    measure = services.measure_create(unit=unit_a, by=coordinator_a, data=data)
    themes = list(Theme.objects.all()[:3])
    for n in range(30):
        data = {"title": f"Tittel {n}", "themes": [themes[n % 3]]}
        services.measure_update(measure=measure, by=coordinator_a, data=data)
    client.force_login(coordinator_a)
    assert_page(client, reverse("measures:history", args=[measure.pk]), max_queries=10)  # 25 entries, no N+1
    first = history_changes(client.get(reverse("measures:history", args=[measure.pk])).content.decode())
    assert first[0] == "Tittel: fra Tittel 28 → til Tittel 29" and len(first) == 2 * 25  # title and theme
    second = client.get(reverse("measures:history", args=[measure.pk]) + "?page=2").content.decode()
    assert "Tittel: fra Natteravn → til Tittel 0" in history_changes(second)
