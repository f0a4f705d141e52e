from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Dokumenter, sider og nyheter")

    def ready(self):
        from accounts.selectors import ACCOUNT_LINK_PROVIDERS, PERSONAL_DATA_LABELS, PERSONAL_DATA_PROVIDERS
        from municipalities.hooks import UNIT_PAGE_SECTIONS

        from . import extensions

        ACCOUNT_LINK_PROVIDERS.append(extensions.account_links)
        PERSONAL_DATA_PROVIDERS.append(extensions.personal_data)
        PERSONAL_DATA_LABELS.update(extensions.personal_data_labels())
        UNIT_PAGE_SECTIONS.append((20, extensions.unit_page_section))
