from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class SltPortalConfig(AppConfig):
    default = True
    name = "slt_portal"
    verbose_name = "SLT-portalen"

    def ready(self):
        from accounts.selectors import ACCOUNT_LINK_PROVIDERS

        from .dashboard import account_links

        ACCOUNT_LINK_PROVIDERS.append(account_links)

        from . import checks  # noqa: F401 - registers the deploy checks


class SltAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "slt_portal.admin_site.SltAdminSite"
