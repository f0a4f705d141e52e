#!/bin/sh
# Print the path of the first Python >= 3.12 found; exit 1 with advice if none.
ok() { "$@" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
for cand in "${PYTHON:-}" python3.13 python3.12 python3; do
  [ -n "$cand" ] || continue
  if ok "$cand"; then command -v "$cand" 2>/dev/null || echo "$cand"; exit 0; fi
done
root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
for p in $(ls -d "$root"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV) /usr/bin/python3.13 /usr/bin/python3.12 /usr/local/bin/python3.13 /usr/local/bin/python3.12; do
  if [ -x "$p" ] && ok "$p"; then echo "$p"; exit 0; fi
done
echo "No Python 3.12 or newer found. Install one (e.g. 'pyenv install 3.12' or 'apt-get install python3.12')," >&2
echo "or point PYTHON at it: make run PYTHON=/path/to/python3.12" >&2
exit 1
