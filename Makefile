# The two commands: `make run` (serve with demo data) and `make test` (whole suite).
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export HOST ?= 127.0.0.1
export PORT ?= 8000
# pytest-xdist workers for `make test` (the suite is safe in parallel: own databases, free ports).
TEST_WORKERS ?= 2
export DEBUG ?= 1

.PHONY: run test install messages makemessages check lint demo clean vendor lock bench bench-throughput

$(PY):
	@PYBIN=$$(sh scripts/find-python.sh) && echo "Using $$PYBIN" && "$$PYBIN" -m venv $(VENV)

$(STAMP): $(PY) requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	@touch $(STAMP)

install: $(STAMP)

# Compile the nn/en catalogues (the .mo files are build output, not committed).
messages: install
	@$(PY) manage.py compilemessages -v 0 --ignore=$(VENV) --ignore=node_modules

# Collect new strings into every catalogue (project root and each app).
makemessages: install
	$(PY) manage.py makemessages -l nn -l en --no-location --ignore=$(VENV) --ignore=node_modules \
		--ignore=tests --ignore=accounts --ignore=municipalities --ignore=measures \
		--ignore=documents --ignore=events --ignore=outbox --ignore=bench
	for app in accounts municipalities measures documents events outbox; do \
		(cd $$app && ../$(PY) ../manage.py makemessages -l nn -l en --no-location) ; done

demo: messages
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py load_municipalities
	$(PY) manage.py load_pages
	$(PY) manage.py load_demo

# The server and the task worker that sends e-mail (printed here by the console mailer).
run: demo
	@echo "Serving on http://$(HOST):$(PORT)/ with e-mail printed below (Ctrl+C to stop)"
	@echo "Sfk admin two-factor code (changes every 30 s): $(PY) manage.py demo_otp"
	@PY=$(PY) bash scripts/run-dev.sh

test: messages
	@sh scripts/ensure-chromium.sh
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

check: install
	DEBUG=0 SECRET_KEY=check-only-$$(date +%s)-0123456789abcdefghijklmnopqrstuvwxyz ALLOWED_HOSTS=example.no \
		EMAIL_HOST=smtp.example.no SITE_URL=https://example.no $(PY) manage.py check --deploy --fail-level WARNING

lint: install
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/djlint --lint templates */templates

bench: install
	$(PY) bench/measure_search.py

# Issue 14's benchmark: sets up the data (demo data, a unit per municipality, 300 events/news/publications,
# 10 000 measures), then pages against a Django hello-world under the same gunicorn settings with wrk, warm and
# cold, without Redis and with Redis (BENCH_REDIS: a database number of its own). Needs `apt-get install -y wrk`.
# Quicker: make bench-throughput BENCH_ARGS="--rounds 1 --duration 3s --pages home,map"
BENCH_REDIS ?= redis://127.0.0.1:6379/15
bench-throughput: messages
	$(PY) bench/throughput.py --bench-data --measures 10000 --redis $(BENCH_REDIS) $(BENCH_ARGS)

# Regenerate the pinned lock from pyproject.toml (needs network access to PyPI).
lock: $(PY)
	rm -rf /tmp/slt-lock-venv && $$(sh scripts/find-python.sh) -m venv /tmp/slt-lock-venv
	/tmp/slt-lock-venv/bin/pip install -q ".[dev]"
	/tmp/slt-lock-venv/bin/pip freeze --exclude slt-portal | grep -v '^-e' > requirements.lock

vendor:
	npm ci && sh scripts/vendor.sh

clean:
	rm -rf $(VENV) db.sqlite3 media
