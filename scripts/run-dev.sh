#!/usr/bin/env bash
# `make run`: the development server and the task worker that delivers e-mail, side by side.
# The console mailer prints each e-mail to this terminal. Ctrl+C (or SIGTERM) stops both.
# Environment: PY (the venv's python), HOST, PORT; the rest is read by the settings.
set -uo pipefail
PY="${PY:-.venv/bin/python}"
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"

# Each child gets a process group of its own (job control), so a stop signal reaches the
# autoreloader and the process it runs.
set -m
"$PY" manage.py db_worker --interval 1 &
worker=$!
"$PY" manage.py runserver "$HOST:$PORT" &
server=$!

stop() {
    trap - INT TERM
    kill -TERM -- "-$worker" "-$server" 2>/dev/null
    wait "$worker" "$server" 2>/dev/null
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM

# When either one ends on its own, stop the other and report its status.
wait -n "$worker" "$server"
status=$?
stop
exit "$status"
