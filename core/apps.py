from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor: helpers and shared vocabulary every app may use. It imports no other app."""

    name = "core"
    verbose_name = "SLT-portalen: felles"
