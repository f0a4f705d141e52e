"""Store every login address in the one normalised form (core.text.normalize_email: NFKC + casefold),
which login, lockout and rate limits compare exactly.

If two accounts would end up with the same address, the migration stops before changing anything
and lists them: an Sfk admin decides which account keeps the address (change the other one's
address in the admin, or deactivate it), then runs `manage.py migrate` again."""

import unicodedata
from collections import defaultdict

from django.db import migrations


def normalise(value: str) -> str:
    # A copy of core.text.normalize_email as of this migration (migrations must not change later).
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", value or "").strip().casefold())


class EmailCollision(Exception):
    pass


def normalise_emails(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    groups = defaultdict(list)
    for pk, email in User.objects.order_by("pk").values_list("pk", "email"):
        groups[normalise(email)].append((pk, email))
    collisions = {key: rows for key, rows in groups.items() if len(rows) > 1}
    if collisions:
        lines = [
            f"  {key}: " + ", ".join(f"user id {pk} ({email!r})" for pk, email in rows)
            for key, rows in sorted(collisions.items())
        ]
        raise EmailCollision(
            "Cannot normalise login e-mail addresses: these accounts would share an address.\n"
            + "\n".join(lines)
            + "\nGive all but one of each group another address (Django admin → Users), then migrate again. "
            "Nothing was changed."
        )
    for key, [(pk, email)] in groups.items():
        if key != email:
            User.objects.filter(pk=pk).update(email=key)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_sfk_admin_group")]

    operations = [migrations.RunPython(normalise_emails, migrations.RunPython.noop)]
