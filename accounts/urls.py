from django.urls import path

from . import two_factor_views, views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path("logg-inn/", views.LoginView.as_view(), name="login"),
    path("logg-ut/", views.LogoutView.as_view(), name="logout"),
    path("brukere/", views.user_list, name="user_list"),
    path("brukere/<int:pk>/", views.user_detail, name="user_detail"),
    path("brukere/<int:pk>/slett-opplysninger/", views.user_anonymise, name="user_anonymise"),
    path("tofaktor/", two_factor_views.setup, name="two_factor_setup"),
    path("tofaktor/kode/", two_factor_views.verify, name="two_factor_verify"),
    path("tofaktor/slaa-av/", two_factor_views.disable, name="two_factor_disable"),
    path("sperrer/", views.lockouts, name="lockouts"),
    path("sperrer/<int:pk>/opphev/", views.lockout_unlock, name="lockout_unlock"),
    path("mine-data/", views.my_data, name="my_data"),
    path("mine-data/slett/", views.my_data_delete, name="my_data_delete"),
    path("bekreft-epost/<str:token>/", views.email_confirm, name="email_confirm"),
    path("passord/", views.PasswordChangeView.as_view(), name="password_change"),
    path("glemt-passord/", views.PasswordResetView.as_view(), name="password_reset"),
    path("glemt-passord/sendt/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "glemt-passord/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("glemt-passord/ferdig/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
