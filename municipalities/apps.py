from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def account_links(*, user):
    from django.urls import reverse

    from accounts.permissions import is_coordinator, is_sfk_admin

    links = []
    if is_coordinator(user):
        links.append((_("Min SLT-enhet"), reverse("municipalities:my_units")))
    if is_sfk_admin(user):
        links.append((_("SLT-enheter og koordinatorer"), reverse("municipalities:admin_units")))
        links.append((_("Oppføringer som ikke er bekreftet"), reverse("municipalities:stale")))
    return links


class MunicipalitiesConfig(AppConfig):
    name = "municipalities"
    verbose_name = _("Kommuner og SLT-enheter")

    def ready(self):
        from accounts import membership as account_membership
        from accounts.selectors import ACCOUNT_LINK_PROVIDERS, PERSONAL_DATA_PROVIDERS

        from .membership import CoordinatorMembership, personal_data

        account_membership.register_rule(CoordinatorMembership())
        ACCOUNT_LINK_PROVIDERS.append(account_links)
        PERSONAL_DATA_PROVIDERS.append(personal_data)
