"""scripts/backup.sh and scripts/restore.sh: back up the database, the uploads and the protected
publication files, restore into a fresh database and fresh folders, find the same rows and files."""

import subprocess
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection
from django.utils import timezone

from documents.storage import documents_storage
from tests.factories import CoordinatorFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _url(name: str) -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def _tables_fingerprint(url: str) -> dict[str, tuple]:
    """Every public table's row count and a digest of all its rows."""
    with psycopg.connect(url) as conn:
        tables = [row[0] for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        return {
            table: conn.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t"
            ).fetchone()
            for table in tables
        }


def _files(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture
def restore_db():
    name = f"{connection.settings_dict['NAME']}_restore"
    with psycopg.connect(_url("postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(_url("postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run(script, *args, env):
    return subprocess.run(
        ["bash", str(Path(settings.BASE_DIR) / "scripts" / script), *args],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )


def test_backup_then_restore_into_a_fresh_database_and_folders_finds_the_same_rows_and_files(tmp_path, restore_db):
    coordinator = CoordinatorFactory(name="Kari Backup", photo_consent_at=timezone.now())
    coordinator.photo.save("kari.png", ContentFile(b"\x89PNG photo bytes"), save=True)
    documents_storage().save("publications/handbok-backup.pdf", ContentFile(b"%PDF-1.7 handbook"))
    media, documents = Path(settings.MEDIA_ROOT), Path(documents_storage().location)

    backup = _run(
        "backup.sh",
        str(tmp_path / "backups"),
        env={
            "DATABASE_URL": _url(connection.settings_dict["NAME"]),
            "MEDIA_ROOT": str(media),
            "DOCUMENTS_PRIVATE_ROOT": str(documents),
        },
    )
    assert backup.returncode == 0, backup.stderr
    archive = Path(backup.stdout.strip())
    assert archive.name.startswith("slt-backup-") and archive.name.endswith(".tar.gz")
    assert archive.stat().st_mode & 0o077 == 0  # personal data: readable by the owner only

    target = {
        "DATABASE_URL": _url(restore_db),
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
        "DOCUMENTS_PRIVATE_ROOT": str(tmp_path / "restored-documents"),
    }
    restore = _run("restore.sh", str(archive), env=target)
    assert restore.returncode == 0, restore.stderr

    source_tables = _tables_fingerprint(_url(connection.settings_dict["NAME"]))
    assert source_tables["municipalities_coordinator"][0] >= 1
    assert _tables_fingerprint(_url(restore_db)) == source_tables
    assert _files(tmp_path / "restored-media") == _files(media)
    assert _files(tmp_path / "restored-documents") == _files(documents)
    assert f"coordinators/{Path(coordinator.photo.name).name}" in _files(tmp_path / "restored-media")

    # Restoring twice would overwrite: it refuses and changes nothing.
    again = _run("restore.sh", str(archive), env=target)
    assert again.returncode == 1 and "fresh" in again.stderr
