from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MunicipalitiesConfig(AppConfig):
    name = "municipalities"
    verbose_name = _("Kommuner og SLT-enheter")

    def ready(self):
        from django.db.models.signals import post_delete

        from accounts import membership as account_membership
        from accounts.selectors import ACCOUNT_LINK_PROVIDERS, PERSONAL_DATA_LABELS, PERSONAL_DATA_PROVIDERS
        from accounts.services import ACCOUNT_ERASERS
        from core.files import delete_files_with_record

        from .membership import CoordinatorMembership, account_links, personal_data, personal_data_labels
        from .models import Coordinator
        from .services import account_eraser

        ACCOUNT_ERASERS.append(account_eraser)
        post_delete.connect(delete_files_with_record, sender=Coordinator, dispatch_uid="files-Coordinator")

        account_membership.register_rule(CoordinatorMembership())
        ACCOUNT_LINK_PROVIDERS.append(account_links)
        PERSONAL_DATA_PROVIDERS.append(personal_data)
        PERSONAL_DATA_LABELS.update(personal_data_labels())
