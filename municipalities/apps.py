from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MunicipalitiesConfig(AppConfig):
    name = "municipalities"
    verbose_name = _("Kommuner og SLT-enheter")

    def ready(self):
        from accounts import membership as account_membership
        from accounts.selectors import ACCOUNT_LINK_PROVIDERS, PERSONAL_DATA_LABELS, PERSONAL_DATA_PROVIDERS

        from .membership import CoordinatorMembership, account_links, personal_data, personal_data_labels

        account_membership.register_rule(CoordinatorMembership())
        ACCOUNT_LINK_PROVIDERS.append(account_links)
        PERSONAL_DATA_PROVIDERS.append(personal_data)
        PERSONAL_DATA_LABELS.update(personal_data_labels())
