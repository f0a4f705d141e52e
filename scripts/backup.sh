#!/usr/bin/env bash
# Back up SLT-portalen into one timestamped archive: the PostgreSQL database (pg_dump, custom
# format), the public uploads (MEDIA_ROOT) and the protected publication files
# (DOCUMENTS_PRIVATE_ROOT). Run it where the app runs, with the app's environment:
#
#   DATABASE_URL=postgres://… [MEDIA_ROOT=…] [DOCUMENTS_PRIVATE_ROOT=…] scripts/backup.sh [OUTPUT_DIR]
#
# Writes OUTPUT_DIR/slt-backup-<UTC timestamp>.tar.gz (default OUTPUT_DIR: ./backups) with mode 600
# (it holds personal data: keep it as carefully as the database) and prints its path.
# The folders default as in settings.py: ./media and <MEDIA_ROOT>-protected.
set -euo pipefail
umask 077

: "${DATABASE_URL:?DATABASE_URL must point at the PostgreSQL database to back up}"
media_root=${MEDIA_ROOT:-$(pwd)/media}
media_root=${media_root%/}
documents_root=${DOCUMENTS_PRIVATE_ROOT:-${media_root}-protected}
out_dir=${1:-backups}
stamp=$(date -u +%Y%m%dT%H%M%SZ)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/media" "$work/documents" "$out_dir"

pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$work/database.dump"
# A folder that does not exist yet (nothing uploaded) is backed up as empty.
if [ -d "$media_root" ]; then cp -a "$media_root/." "$work/media/"; fi
if [ -d "$documents_root" ]; then cp -a "$documents_root/." "$work/documents/"; fi
printf 'created=%s\nformat=1\n' "$stamp" > "$work/BACKUP"

archive="$out_dir/slt-backup-$stamp.tar.gz"
tar -C "$work" -czf "$archive.partial" BACKUP database.dump media documents
mv "$archive.partial" "$archive"
echo "$archive"
