from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _create_cache_table(sender, using="default", verbosity=1, **kwargs):
    """`migrate` also creates the database cache's table when a DatabaseCache is configured."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    """The ground floor: helpers and shared vocabulary every app may use. It imports no other app."""

    name = "core"
    verbose_name = "SLT-portalen: felles"

    def ready(self):
        post_migrate.connect(_create_cache_table, sender=self, dispatch_uid="core.create_cache_table")
