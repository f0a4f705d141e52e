import pytest
from django.core.exceptions import PermissionDenied

from accounts.permissions import can_change, check_can_change, coordinator_unit_ids, is_sfk_admin
from tests.factories import CoordinatorFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_admin_site_is_for_superusers_only(client, roles):
    assert client.get("/admin/").status_code == 302  # anonymous → admin login
    client.force_login(roles["coordinator_a"])
    assert client.get("/admin/", follow=True).status_code == 403
    # An Sfk admin who is not a superuser (the Sfk-admin group) does everything in the Sfk workspace.
    sfk_admin = roles["sfk_admin"]
    assert sfk_admin.is_sfk_admin and not sfk_admin.is_superuser
    client.force_login(sfk_admin)
    response = client.get("/admin/accounts/user/", follow=True)
    assert response.redirect_chain[-1][0] == "/sfk/"
    assert "Django-administrasjonen er bare for superbrukere" in response.content.decode()
    assert client.get("/admin/").status_code == 302
    assert "/admin/" not in client.get("/sfk/").content.decode()  # no link to it on the dashboard
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get("/admin/").status_code == 200
    assert "/admin/" in client.get("/sfk/").content.decode()


def test_unit_change_rule(roles, unit_a, unit_b):
    assert can_change(roles["coordinator_a"], unit_a)
    assert not can_change(roles["coordinator_a"], unit_b)
    assert can_change(roles["sfk_admin"], unit_b)
    with pytest.raises(PermissionDenied):
        check_can_change(roles["coordinator_b"], unit_a)


def test_ended_coordinator_entry_gives_no_rights(unit_a):
    from django.utils import timezone

    entry = CoordinatorFactory(unit=unit_a, ended_at=timezone.now())
    assert coordinator_unit_ids(entry.user) == frozenset()
    assert not can_change(entry.user, unit_a)


def test_user_linked_to_several_units(unit_a, unit_b):
    user = UserFactory()
    CoordinatorFactory(unit=unit_a, user=user)
    CoordinatorFactory(unit=unit_b, user=user)
    assert coordinator_unit_ids(user) == {unit_a.pk, unit_b.pk}


def test_national_objects_only_for_admins(roles):
    class National:
        unit_id = None

    assert not can_change(roles["coordinator_a"], National())
    assert can_change(roles["sfk_admin"], National())
    assert is_sfk_admin(roles["sfk_admin"]) and not is_sfk_admin(roles["coordinator_a"])


def test_decorators_send_anonymous_to_login_and_others_403(rf, roles):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    from accounts.permissions import coordinator_required, sfk_admin_required

    @sfk_admin_required
    def admin_view(request):
        return HttpResponse("ok")

    @coordinator_required
    def coordinator_view(request):
        return HttpResponse("ok")

    request = rf.get("/x/")
    request.user = AnonymousUser()
    assert admin_view(request).status_code == 302
    assert "/konto/logg-inn/?next=/x/" in admin_view(request)["Location"]
    request.user = roles["coordinator_a"]
    with pytest.raises(PermissionDenied):
        admin_view(request)
    assert coordinator_view(request).status_code == 200
    request.user = UserFactory()  # logged in, but neither coordinator nor admin
    with pytest.raises(PermissionDenied):
        coordinator_view(request)
    request.user = roles["sfk_admin"]
    assert admin_view(request).status_code == 200 and coordinator_view(request).status_code == 200


def test_role_required_mixin_shares_the_decorators_check(rf, sfk_admin, coordinator_a):
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied
    from django.http import HttpResponse
    from django.views import View

    from accounts.permissions import RoleRequiredMixin, is_sfk_admin

    class SfkOnly(RoleRequiredMixin, View):
        role_test = is_sfk_admin

        def get(self, request):
            return HttpResponse("ok")

    def call(user):
        request = rf.get("/sfk/x/")
        request.user = user
        return SfkOnly.as_view()(request)

    assert call(sfk_admin).status_code == 200
    assert call(AnonymousUser()).status_code == 302
    with pytest.raises(PermissionDenied):
        call(coordinator_a)


def test_the_sessions_user_comes_with_its_roles_and_units(roles, unit_a, unit_b, django_assert_num_queries):
    """EmailBackend.get_user reads the Sfk-admin flag and the unit ids with the user (one query);
    the answers are the same as asking separately."""
    from django.utils import timezone

    from accounts.backends import EmailBackend

    both = UserFactory()
    CoordinatorFactory(unit=unit_a, user=both)
    CoordinatorFactory(unit=unit_b, user=both)
    CoordinatorFactory(unit=unit_b, user=roles["coordinator_a"], ended_at=timezone.now())
    expected = {
        user: (is_sfk_admin(user), coordinator_unit_ids(user))
        for user in (roles["sfk_admin"], roles["coordinator_a"], roles["coordinator_b"], both, UserFactory())
    }
    for user, answer in expected.items():
        with django_assert_num_queries(1):
            loaded = EmailBackend().get_user(user.pk)
            assert (is_sfk_admin(loaded), coordinator_unit_ids(loaded)) == answer
    assert expected[both][1] == {unit_a.pk, unit_b.pk}


def test_an_inactive_user_has_no_session_user(roles):
    from accounts.backends import EmailBackend

    user = roles["coordinator_a"]
    user.is_active = False
    user.save()
    assert EmailBackend().get_user(user.pk) is None
