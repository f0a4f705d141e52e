"""Sfk's managed lists: add, rename in three languages, reorder, retire and restore."""

import pytest
from django.urls import reverse

from core.audit import entries_for
from core.models import Theme
from measures.models import Classification, Measure

from .factories import MeasureFactory, published

pytestmark = pytest.mark.django_db


def list_urls():
    theme = Theme.objects.get(slug="vold")
    arena = Classification.objects.get(kind="arena", slug="skole")
    return [
        reverse("measures:lists"),
        reverse("measures:list_detail", args=["tema"]),
        reverse("measures:list_detail", args=["arena"]),
        reverse("measures:list_detail", args=["beskyttelsesfaktor"]),
        reverse("measures:list_value_edit", args=["tema", theme.pk]),
        reverse("measures:list_value_edit", args=["arena", arena.pk]),
    ]


@pytest.mark.parametrize("role", ["anonymous", "coordinator_a", "sfk_admin"])
def test_permission_matrix(client, roles, role):
    theme = Theme.objects.get(slug="vold")
    if roles[role] is not None:
        client.force_login(roles[role])
    for url in list_urls():
        response = client.get(url)
        assert response.status_code == {"anonymous": 302, "coordinator_a": 403, "sfk_admin": 200}[role], url
    response = client.post(reverse("measures:list_value_action", args=["tema", theme.pk]), {"action": "retire"})
    assert response.status_code == {"anonymous": 302, "coordinator_a": 403, "sfk_admin": 302}[role]
    theme.refresh_from_db()
    assert theme.is_retired == (role == "sfk_admin")


def test_pages_render_in_all_languages(client, sfk_admin):
    from tests.helpers import assert_pages

    client.force_login(sfk_admin)
    assert_pages(client, list_urls(), max_queries=10)


def test_unknown_list_is_404(client, sfk_admin):
    client.force_login(sfk_admin)
    assert client.get("/sfk/lister/finnes-ikke/").status_code == 404
    age_band = Classification.objects.get(kind="age_band", slug="13-15")
    assert client.get(reverse("measures:list_value_edit", args=["arena", age_band.pk])).status_code == 404


def test_add_and_rename_in_three_languages(client, sfk_admin):
    client.force_login(sfk_admin)
    url = reverse("measures:list_detail", args=["arena"])
    response = client.post(url, {"name": "Idrett", "name_nn": "", "name_en": "Sport"})
    assert response.status_code == 400 and 'id="id_name_nn_error"' in response.content.decode()
    assert not Classification.objects.filter(name="Idrett").exists()
    client.post(url, {"name": "Idrett", "name_nn": "Idrett", "name_en": "Sport"})
    value = Classification.objects.get(kind="arena", name="Idrett")
    assert value.slug == "idrett"
    assert value.sort_order == Classification.objects.filter(kind="arena").count() - 1
    client.post(
        reverse("measures:list_value_edit", args=["arena", value.pk]),
        {"name": "Idrett og friluft", "name_nn": "Idrett og friluft", "name_en": "Sport and outdoor life"},
    )
    value.refresh_from_db()
    assert value.name_en == "Sport and outdoor life"
    actions = [entry.action for entry in entries_for(value)]
    assert actions == ["measures.classification.update", "measures.classification.create"]
    assert entries_for(value).first().changes["name"] == ["Idrett", "Idrett og friluft"]


def test_reorder(client, sfk_admin):
    client.force_login(sfk_admin)
    first, second = Theme.objects.order_by("sort_order")[:2]
    client.post(reverse("measures:list_value_action", args=["tema", second.pk]), {"action": "up"})
    assert list(Theme.objects.order_by("sort_order")[:2]) == [second, first]
    assert entries_for(second).get().action == "core.theme.move"
    html = client.get(reverse("measures:list_detail", args=["tema"])).content.decode()
    assert html.index(second.name) < html.index(first.name)


def test_retired_value_stays_on_old_measures_and_is_hidden_from_new_ones(client, sfk_admin, coordinator_a, unit_a):
    old = published(unit=unit_a, themes=["vold", "mobbing"], title="Gammelt tiltak")
    vold = Theme.objects.get(slug="vold")
    client.force_login(sfk_admin)
    client.post(reverse("measures:list_value_action", args=["tema", vold.pk]), {"action": "retire"})
    vold.refresh_from_db()
    assert vold.is_retired
    assert entries_for(vold).get().action == "core.theme.retire"
    assert vold in old.themes.all()
    client.force_login(coordinator_a)
    new_form = client.get(reverse("measures:create")).content.decode()
    assert "Vold" not in _theme_choices(new_form) and "Mobbing" in _theme_choices(new_form)
    assert "Vold" in _theme_choices(client.get(reverse("measures:edit", args=[old.pk])).content.decode())
    assert "Vold" in client.get(old.get_absolute_url()).content.decode()


def _theme_choices(html: str) -> str:
    start = html.index('id="div_id_themes"')
    return html[start : html.index("</fieldset>", start)]


def test_cannot_retire_the_only_value_of_a_published_measure(client, sfk_admin, unit_a):
    published(unit=unit_a, themes=["vold"], title="Bare vold")
    MeasureFactory(unit=unit_a, themes=["vold"], title="Utkast med bare vold")  # drafts do not block
    vold = Theme.objects.get(slug="vold")
    client.force_login(sfk_admin)
    response = client.post(
        reverse("measures:list_value_action", args=["tema", vold.pk]), {"action": "retire"}, follow=True
    )
    html = response.content.decode()
    assert "kan ikke tas ut av bruk" in html and "Bare vold" in html and "Utkast med bare vold" not in html
    vold.refresh_from_db()
    assert not vold.is_retired and not entries_for(vold).exists()


def test_restore(client, sfk_admin):
    arena = Classification.objects.get(kind="arena", slug="skole")
    client.force_login(sfk_admin)
    url = reverse("measures:list_value_action", args=["arena", arena.pk])
    client.post(url, {"action": "retire"})
    client.post(url, {"action": "restore"})
    arena.refresh_from_db()
    assert not arena.is_retired
    assert [e.action for e in entries_for(arena)] == [
        "measures.classification.restore",
        "measures.classification.retire",
    ]


def test_a_retired_value_can_be_kept_on_save_but_not_chosen_anew(client, sfk_admin, coordinator_a, unit_a):
    from .test_views import _form_data

    old = MeasureFactory(unit=unit_a, themes=["vold"], classifications={"arenas": ["skole"]})
    vold, skole = Theme.objects.get(slug="vold"), Classification.objects.get(kind="arena", slug="skole")
    client.force_login(sfk_admin)
    client.post(reverse("measures:list_value_action", args=["tema", vold.pk]), {"action": "retire"})
    client.post(reverse("measures:list_value_action", args=["arena", skole.pk]), {"action": "retire"})
    client.force_login(coordinator_a)
    kept = _form_data(unit_a, title="Beholder", themes=[vold.pk], arenas=[skole.pk])
    response = client.post(reverse("measures:edit", args=[old.pk]), kept)
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.title == "Beholder" and list(old.themes.all()) == [vold] and list(old.arenas.all()) == [skole]
    response = client.post(reverse("measures:create"), _form_data(unit_a, themes=[vold.pk], arenas=[skole.pk]))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_themes_error"' in html and 'id="id_arenas_error"' in html
    assert Measure.objects.count() == 1
