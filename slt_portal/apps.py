from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class SltPortalConfig(AppConfig):
    default = True
    name = "slt_portal"
    verbose_name = "SLT-portalen"


class SltAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "slt_portal.admin_site.SltAdminSite"
