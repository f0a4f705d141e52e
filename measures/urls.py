from django.urls import path

from . import list_views, views

app_name = "measures"

urlpatterns = [
    path("tiltak/", views.measure_list, name="list"),
    path("tiltak/eksport.csv", views.measure_export, {"fmt": "csv"}, name="export_csv"),
    path("tiltak/eksport.xlsx", views.measure_export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("tiltak/mine/", views.measure_mine, name="mine"),
    path("tiltak/ny/", views.measure_create, name="create"),
    path("tiltak/<int:pk>/", views.measure_detail, name="detail_short"),
    path("tiltak/<int:pk>-<str:slug>/", views.measure_detail, name="detail"),
    path("tiltak/<int:pk>/rediger/", views.measure_edit, name="edit"),
    path("tiltak/<int:pk>/kopier/", views.measure_copy, name="copy"),
    path("tiltak/<int:pk>/publiser/", views.measure_publish, name="publish"),
    path("tiltak/<int:pk>/arkiver/", views.measure_archive, name="archive"),
    path("tiltak/<int:pk>/historikk/", views.measure_history, name="history"),
    path("sfk/lister/", list_views.lists, name="lists"),
    path("sfk/lister/<slug:key>/", list_views.list_detail, name="list_detail"),
    path("sfk/lister/<slug:key>/<int:pk>/", list_views.list_value_edit, name="list_value_edit"),
    path("sfk/lister/<slug:key>/<int:pk>/handling/", list_views.list_value_action, name="list_value_action"),
]
