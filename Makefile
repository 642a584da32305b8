# coachapp: `make run` serves the app, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
TEST_DATABASE_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1
PORT ?= 5000
WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
FLASK := $(BIN)/flask --app coachapp

.PHONY: install run test test-sqlite test-postgresql lint bench serve clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(FLASK) db upgrade
	$(FLASK) seed-demo
	@echo "coachapp is running at http://$(HOST):$(PORT)/ (Ctrl+C stops it)"
	$(FLASK) run --host $(HOST) --port $(PORT)

# The whole suite on SQLite, then every database-backed test again on
# PostgreSQL when one answers. REQUIRE_POSTGRESQL=1 (CI) makes a missing
# PostgreSQL a failure instead of a skip.
test: install
	@$(MAKE) --no-print-directory test-sqlite
	@$(MAKE) --no-print-directory test-postgresql

test-sqlite: install
	@echo "== Test leg 1/2: SQLite =="
	$(BIN)/python -m pytest

test-postgresql: install
	@if $(BIN)/python -m tests.dbprobe "$(TEST_DATABASE_URL)"; then \
		echo "== Test leg 2/2: PostgreSQL ($(TEST_DATABASE_URL)) =="; \
		TEST_DATABASE_URL="$(TEST_DATABASE_URL)" $(BIN)/python -m pytest --ignore=tests/nlp; \
	elif [ -n "$$REQUIRE_POSTGRESQL" ]; then \
		echo "PostgreSQL leg FAILED: no PostgreSQL answers at $(TEST_DATABASE_URL)"; exit 1; \
	else \
		echo "== PostgreSQL leg SKIPPED: no PostgreSQL answers at $(TEST_DATABASE_URL) (set TEST_DATABASE_URL to run it) =="; \
	fi

# Production server: gunicorn, one worker per core. --preload builds the app (and
# loads the spaCy model, ANALYZER_WARM_UP) once before forking, so workers share
# its memory. DATABASE_URL, REDIS_URL, SECRET_KEY, COACHAPP_ENV come from the
# environment. `make serve HOST=0.0.0.0 PORT=8000 WORKERS=4`.
serve: install
	$(FLASK) db upgrade
	$(BIN)/gunicorn --preload --workers $(WORKERS) --bind $(HOST):$(PORT) \
		--access-logfile - "coachapp:create_app()"

lint: install
	$(BIN)/ruff check .

# All benchmarks (under 5 minutes): analyzer, API under gunicorn, dashboards, memory.
# BENCH_DATABASE_URL (default: a temporary SQLite file) holds the seeded cohort.
bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis test-artifacts
