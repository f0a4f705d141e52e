from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Dokumenter, sider og nyheter")

    def ready(self):
        from django.db.models.signals import post_delete

        from accounts.selectors import ACCOUNT_LINK_PROVIDERS, PERSONAL_DATA_LABELS, PERSONAL_DATA_PROVIDERS
        from core.files import delete_files_with_record
        from municipalities.hooks import UNIT_PAGE_SECTIONS

        from . import extensions
        from .models import NewsArticle, Publication

        for model in (Publication, NewsArticle):
            post_delete.connect(delete_files_with_record, sender=model, dispatch_uid=f"files-{model.__name__}")

        ACCOUNT_LINK_PROVIDERS.append(extensions.account_links)
        PERSONAL_DATA_PROVIDERS.append(extensions.personal_data)
        PERSONAL_DATA_LABELS.update(extensions.personal_data_labels())
        UNIT_PAGE_SECTIONS.append((20, extensions.unit_page_section))
