from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """pg_trgm and unaccent for the directory search. CreateExtension does nothing on other
    databases (it checks schema_editor.connection.vendor), so SQLite uses the Python fallback."""

    dependencies = [("municipalities", "0002_history_invitations")]

    operations = [TrigramExtension(), UnaccentExtension()]
