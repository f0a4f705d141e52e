from django.urls import path

from . import feeds, views

app_name = "documents"

urlpatterns = [
    # Library
    path("dokumenter/", views.library, name="library"),
    path("dokumenter/ny/", views.publication_create, name="create"),
    path("dokumenter/mine/", views.my_publications, name="mine"),
    path("dokumenter/<slug:slug>/", views.publication_detail, name="detail"),
    path("dokumenter/<slug:slug>/last-ned/", views.publication_download, name="download"),
    path("dokumenter/<slug:slug>/omslag/", views.publication_cover, name="cover"),
    path("dokumenter/<slug:slug>/rediger/", views.publication_edit, name="edit"),
    path("dokumenter/<slug:slug>/slett/", views.publication_delete, name="delete"),
    # News
    path("aktuelt/", views.news_list, name="news_list"),
    path("aktuelt/rss/", feeds.NewsFeed(), name="news_rss"),
    path("aktuelt/atom/", feeds.NewsAtomFeed(), name="news_atom"),
    path("aktuelt/ny/", views.news_create, name="news_create"),
    path("aktuelt/<slug:slug>/", views.news_detail, name="news_detail"),
    path("aktuelt/<slug:slug>/rediger/", views.news_edit, name="news_edit"),
    # Information pages (the first three are linked from the header and footer)
    path("om-slt/", views.info_page, {"slug": "om-slt"}, name="about"),
    path("tilgjengelighet/", views.info_page, {"slug": "tilgjengelighet"}, name="accessibility"),
    path("personvern/", views.info_page, {"slug": "personvern"}, name="privacy"),
    path("om-slt/<slug:slug>/", views.info_page, name="page"),
    path("sider/<slug:slug>/rediger/", views.info_page_edit, name="page_edit"),
    # Contact
    path("kontakt/", views.contact, name="contact"),
    path("kontakt/takk/", views.contact_thanks, name="contact_thanks"),
    path("kontakt/meldinger/", views.contact_messages, name="contact_messages"),
    path(
        "kontakt/meldinger/<int:pk>/behandlet/",
        views.contact_message_handle,
        name="contact_message_handle",
    ),
]
