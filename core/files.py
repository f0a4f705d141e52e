"""Files go with their record: through the storage API (storage.delete), so that it works the same
on the local disk and on object storage, and only once the deletion has committed."""

from django.db import models, transaction


def delete_file_later(field_file) -> None:
    """Delete the file the field points to once the current transaction commits (nothing on rollback)."""
    if field_file:
        name, storage = field_file.name, field_file.storage
        transaction.on_commit(lambda: storage.delete(name))


def delete_files_with_record(sender, instance, **kwargs) -> None:
    """A `post_delete` receiver: connect it for each model with files (apps' ready()), so that a
    deletion from anywhere (service, admin, cascade) removes the stored files too."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.FileField):
            delete_file_later(getattr(instance, field.attname))
