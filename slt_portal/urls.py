from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import dashboard, outbox_views, views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    # Sfk area landing page; the apps' own /sfk/... pages are more specific paths.
    path("sfk/", dashboard.dashboard, name="sfk_dashboard"),
    path("sfk/eksport.csv", dashboard.export_csv, name="sfk_export_csv"),
    path("sfk/eksport.xlsx", dashboard.export_xlsx, name="sfk_export_xlsx"),
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

if settings.DEBUG:
    from django.conf.urls.static import static as static_urls

    urlpatterns += static_urls(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "slt_portal.views.bad_request"
handler403 = "slt_portal.views.permission_denied"
handler404 = "slt_portal.views.page_not_found"
handler500 = "slt_portal.views.server_error"
