from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from . import dashboard, media, outbox_views, views
from .api import views as api_views
from .sitemaps import SITEMAPS

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("admin/", admin.site.urls),
    path("", include("slt_portal.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("sok/", views.search, name="search"),
    # Sfk area landing page; the apps' own /sfk/... pages are more specific paths.
    path("sfk/", dashboard.dashboard, name="sfk_dashboard"),
    path("sfk/eksport.csv", dashboard.export_csv, name="sfk_export_csv"),
    path("sfk/eksport.xlsx", dashboard.export_xlsx, name="sfk_export_xlsx"),
    path("api/", api_views.docs, name="api_docs"),
    path("sfk/e-post/", outbox_views.outbox_list, name="sfk_outbox"),
    path("sfk/e-post/<int:pk>/", outbox_views.outbox_detail, name="sfk_outbox_detail"),
    path("sfk/e-post/<int:pk>/send-igjen/", outbox_views.outbox_retry_view, name="sfk_outbox_retry"),
    path("konto/", include("accounts.urls")),
    path("", include("municipalities.urls")),
    path("", include("measures.urls")),
    path("", include("documents.urls")),
    path("", include("events.urls")),
    prefix_default_language=False,
)

if media.serves_local_media():
    # Uploads on local disk: served by Django in every profile (production included); with object
    # storage the files have the storage's own URLs.
    prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.insert(0, re_path(rf"^{prefix}(?P<path>.+)$", media.public_media, name="public_media"))

handler400 = "slt_portal.views.bad_request"
handler403 = "slt_portal.views.permission_denied"
handler404 = "slt_portal.views.page_not_found"
handler500 = "slt_portal.views.server_error"
