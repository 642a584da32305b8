# coachapp: `make run` serves the app, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
TEST_DATABASE_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1
PORT ?= 5000
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

lint: install
	$(BIN)/ruff check .

bench: install
	$(BIN)/python bench/analyzer.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis test-artifacts
