#!/usr/bin/env bash
# Restore an archive made by scripts/backup.sh into a FRESH database and FRESH folders:
#
#   DATABASE_URL=postgres://…/new_db MEDIA_ROOT=… [DOCUMENTS_PRIVATE_ROOT=…] scripts/restore.sh ARCHIVE
#
# The database must exist and be empty (createdb first); MEDIA_ROOT and DOCUMENTS_PRIVATE_ROOT
# (default <MEDIA_ROOT>-protected) must be missing or empty. Nothing is overwritten: it stops
# before changing anything if they are not. Afterwards run `manage.py migrate` (a no-op for a
# backup of the same version; applies newer migrations otherwise) and start the app.
set -euo pipefail
umask 027

archive=${1:?usage: scripts/restore.sh ARCHIVE}
: "${DATABASE_URL:?DATABASE_URL must point at the fresh, empty database to restore into}"
: "${MEDIA_ROOT:?MEDIA_ROOT must name the (empty) folder for uploads}"
media_root=${MEDIA_ROOT%/}
documents_root=${DOCUMENTS_PRIVATE_ROOT:-${media_root}-protected}

tables=$(psql --no-psqlrc --tuples-only --no-align --dbname="$DATABASE_URL" \
  --command="SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if [ "$tables" != "0" ]; then
  echo "restore: the database already has $tables tables; restore into a fresh one (createdb)." >&2
  exit 1
fi
for folder in "$media_root" "$documents_root"; do
  if [ -d "$folder" ] && [ -n "$(ls -A "$folder")" ]; then
    echo "restore: $folder is not empty; restore into fresh folders." >&2
    exit 1
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$archive"
test -f "$work/BACKUP" || { echo "restore: $archive is not an SLT-portalen backup." >&2; exit 1; }

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$DATABASE_URL" "$work/database.dump"
mkdir -p "$media_root" "$documents_root"
cp -a "$work/media/." "$media_root/"
cp -a "$work/documents/." "$documents_root/"
echo "Restored $(sed -n 's/^created=//p' "$work/BACKUP") into the database and $media_root, $documents_root."
