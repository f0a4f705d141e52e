from django.urls import path, re_path

from . import invitation_views, views

app_name = "municipalities"

urlpatterns = [
    # Public directory
    path("finn-koordinator/", views.search, name="search"),
    path("finn-koordinator/eksport.csv", views.export_csv, name="export"),
    path("finn-koordinator/eksport.xlsx", views.export_xlsx, name="export_xlsx"),
    re_path(r"^kommune/(?P<number>[0-9]{4})/$", views.municipality_detail, name="municipality"),
    path("fylker/", views.county_list, name="counties"),
    path("dekningskart/", views.coverage, name="coverage"),
    path("slt-enhet/<slug:slug>/", views.unit_detail, name="unit"),
    # Coordinator self-service (Sfk admins too)
    path("min-slt-enhet/", views.my_units, name="my_units"),
    path("slt-enhet/<slug:slug>/rediger/", views.unit_edit, name="unit_edit"),
    path("slt-enhet/<slug:slug>/bekreft/", views.unit_verify, name="unit_verify"),
    path("koordinator/<int:pk>/rediger/", views.coordinator_edit, name="coordinator_edit"),
    path("koordinator/<int:pk>/avslutt/", views.coordinator_end, name="coordinator_end"),
    # Sfk administration
    path("sfk/slt-enheter/", views.admin_units, name="admin_units"),
    path("sfk/slt-enheter/ny/", views.unit_create, name="unit_create"),
    path("sfk/ikke-bekreftet/", views.stale_list, name="stale"),
    path("slt-enhet/<slug:slug>/historikk/", views.unit_history_view, name="unit_history"),
    path("slt-enhet/<slug:slug>/ny-koordinator/", views.coordinator_create, name="coordinator_create"),
    path("koordinator/<int:pk>/inviter/", views.coordinator_invite, name="coordinator_invite"),
    path("sfk/invitasjoner/", invitation_views.invitation_list, name="invitations"),
    path("sfk/invitasjoner/<int:pk>/send-igjen/", invitation_views.invitation_resend, name="invitation_resend"),
    path("sfk/invitasjoner/<int:pk>/trekk-tilbake/", invitation_views.invitation_revoke, name="invitation_revoke"),
    # Invitations
    path("invitasjon/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
