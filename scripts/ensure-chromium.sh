#!/bin/sh
# The browser tests drive Debian's chromium (Playwright cannot download browsers here).
set -eu
BIN=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$BIN" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at $BIN. Install it (Debian: 'sudo apt-get install chromium')" >&2
echo "or set CHROMIUM_PATH to an existing Chromium binary." >&2
exit 1
