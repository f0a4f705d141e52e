from django.urls import path

from . import admin_views, feeds, sfk_views, views

app_name = "events"

urlpatterns = [
    path("arrangementer/", views.event_list, name="list"),
    path("arrangementer/tidligere/", views.event_past, name="past"),
    path("arrangementer/kalender.ics", views.events_feed, name="feed"),
    path("arrangementer/rss.xml", feeds.UpcomingEventsFeed(), name="rss"),
    path("arrangementer/opptak/", views.recording_archive, name="recordings"),
    # Before "pamelding/<token>/…": this path has the same shape.
    path("arrangementer/pamelding/bekreft/<str:token>/", views.registration_confirm, name="registration_confirm"),
    path("arrangementer/pamelding/<str:token>/", views.registration_detail, name="registration"),
    path("arrangementer/pamelding/<str:token>/avmeld/", views.registration_cancel, name="registration_cancel"),
    path("arrangementer/administrer/", admin_views.event_admin_list, name="admin_list"),
    path("sfk/arrangementer/nytt/", sfk_views.event_edit, name="event_create"),
    path("sfk/arrangementer/<slug:slug>/endre/", sfk_views.event_edit, name="event_edit"),
    path("sfk/arrangementer/<slug:slug>/publiser/", sfk_views.event_publish, name="event_publish"),
    path("sfk/arrangementer/<slug:slug>/kopier/", sfk_views.event_duplicate, name="event_duplicate"),
    path("sfk/arrangementer/<slug:slug>/opptak/", sfk_views.recordings, name="event_recordings_admin"),
    path("sfk/arrangementer/<slug:slug>/opptak/<int:pk>/", sfk_views.recordings, name="recording_edit"),
    path("sfk/arrangementer/<slug:slug>/opptak/<int:pk>/slett/", sfk_views.recording_delete, name="recording_delete"),
    path("arrangementer/<slug:slug>/", views.event_detail, name="detail"),
    path("arrangementer/<slug:slug>/kalender.ics", views.event_ics, name="ics"),
    path("arrangementer/<slug:slug>/pamelding/", views.register, name="register"),
    path("arrangementer/<slug:slug>/opptak/", views.event_recordings, name="event_recordings"),
    path("arrangementer/<slug:slug>/deltakere/", admin_views.participants, name="participants"),
    path("arrangementer/<slug:slug>/deltakere/eksport.csv", admin_views.participants_csv, name="participants_csv"),
    path("arrangementer/<slug:slug>/deltakere/eksport.xlsx", admin_views.participants_xlsx, name="participants_xlsx"),
    path("arrangementer/<slug:slug>/deltakere/epost/", admin_views.participant_email, name="participant_email"),
    path(
        "arrangementer/<slug:slug>/deltakere/<int:pk>/oppmote/",
        admin_views.participant_attendance,
        name="participant_attendance",
    ),
    path("arrangementer/<slug:slug>/deltakere/<int:pk>/flytt/", admin_views.participant_move, name="participant_move"),
    path(
        "arrangementer/<slug:slug>/deltakere/<int:pk>/godkjenning/",
        admin_views.participant_decision,
        name="participant_decision",
    ),
    path("arrangementer/<slug:slug>/avlys/", admin_views.event_cancel, name="cancel"),
]
